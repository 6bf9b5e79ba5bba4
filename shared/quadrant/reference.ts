import { z } from 'zod'
import referenceJson from '../samples/quadrant-reference-practices.json'
import { refGroups, type RefGroup } from './vocabulary.ts'

/**
 * The reference deck: 17 example practices from the Tokyo 社協 analysis, with approximate
 * positions read from the original figure. Validated here so that an edit of the JSON that
 * breaks a record drops that record instead of putting a card off the diagram.
 */
export interface ReferencePractice {
  no: number
  text: string
  x: number
  y: number
  group: RefGroup
}

const referenceSchema = z.object({
  no: z.number().int().min(1).max(999),
  text: z.string().trim().min(1).max(300),
  x: z.number().min(-1).max(1),
  y: z.number().min(-1).max(1),
  group: z.enum(refGroups),
})

export const referencePractices: ReferencePractice[] = (referenceJson.practices as unknown[]).flatMap((raw) => {
  const parsed = referenceSchema.safeParse(raw)
  return parsed.success ? [parsed.data] : []
})
