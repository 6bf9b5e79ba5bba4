import { defineCatalog, inLang, type Lang } from '../../shared/i18n/catalog'
import { referencePractices, type ReferencePractice } from '../../shared/quadrant/reference'
import type { PracticeCard } from '../../shared/quadrant/schema'

type ReferenceNo = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12' | '13' | '14' | '15' | '16' | '17'

/**
 * The 17 reference practices (shared/samples/quadrant-reference-practices.json) in both
 * languages, keyed by their number. The Japanese is the deck's own text, read from the sample,
 * so that the deck is written once; the catalogs test says when a practice has no English.
 *
 * They are sample content a participant meets before anyone has typed anything (the faint
 * overlay, the list), so they are shown in the participant's language. A reference card put on a
 * board stores the Japanese text; while nobody has edited it, it is shown translated too, like a
 * stored vocabulary value. An edited one is the participants' own text.
 */
export const referencePracticeText = defineCatalog(
  'client.quadrant.referencePractice',
  Object.fromEntries(referencePractices.map((r) => [String(r.no), r.text])) as Record<ReferenceNo, string>,
  {
    '1': 'Create more chances to hear concerns and find problems through the outreach of community welfare coordinators and others',
    '2': 'Set up a general consultation service that takes in concerns people do not know where to bring',
    '3': 'Existing consultation agencies take in concerns beyond their own field and work with other agencies',
    '4': 'Turn immediate, practical help into a chance for consultation (support that comes with consultation)',
    '5': 'Set up desks focused on particular groups, such as an “X consultation desk”',
    '6': 'Agencies and the many other actors learn each other’s roles, share information and work out the approach needed to connect people to support',
    '7': 'Places where people can use their strengths, and contact with residents who live in the same community',
    '8': 'Agencies from different fields work together on complex, overlapping problems',
    '9': 'Actively work with fields outside welfare too',
    '10': 'Creating places for participation support',
    '11': 'Deal with problems that fall between services through public-interest activities in the community',
    '12': 'Encourage residents’ understanding and participation',
    '13': 'Creating places where residents themselves think about the community’s problems',
    '14': 'Developing local people, which also helps prevent community problems',
    '15': 'Developing new social resources',
    '16': 'Build up know-how and strengthen existing agencies’ ability to respond',
    '17': 'Sharing the community’s problems so that they can be prevented',
  },
)

function referenceKey(no: number): ReferenceNo | null {
  const key = String(no)
  return Object.hasOwn(referencePracticeText.ja, key) && Object.hasOwn(referencePracticeText.en, key) ? (key as ReferenceNo) : null
}

/** A reference practice's text in the participant's language. */
export function referenceText(r: ReferencePractice, lang: Lang): string {
  const key = referenceKey(r.no)
  return key ? inLang(referencePracticeText, lang)[key] : r.text
}

/** A card's text as shown: a reference card nobody has edited in the participant's language, any other as written. */
export function cardText(card: PracticeCard, lang: Lang): string {
  const key = card.referenceNo === undefined ? null : referenceKey(card.referenceNo)
  if (!key || referencePracticeText.ja[key] !== card.text) return card.text
  return inLang(referencePracticeText, lang)[key]
}
