import { describe, expect, it } from 'vitest'
import { personRoleCatalog } from '../../shared/i18n/vocabulary'
import { personRole, splitTags, storedTerm, tagsFromText, tagsText } from './vocabulary'

describe('stored vocabulary edited as text (vocabulary.ts)', () => {
  it('shows suggested tags in the language and stores their Japanese term, free tags as typed', () => {
    const tags = ['8050', 'ひきこもり', 'own tag']
    expect(tagsText(tags, 'ja')).toBe('8050、ひきこもり、own tag')
    const english = tagsText(tags, 'en')
    expect(english).toBe('8050 (parent in their 80s, child in their 50s), Social withdrawal (hikikomori), own tag')
    // The gloss of 8050 holds a comma: it is still one tag.
    expect(tagsFromText(english, 'en')).toEqual(tags)
    expect(tagsFromText('social withdrawal (hikikomori)、Dementia, 8050', 'en')).toEqual(['ひきこもり', '認知症', '8050'])
    expect(tagsFromText('8050、ひきこもり,ひきこもり', 'ja')).toEqual(['8050', 'ひきこもり'])
  })

  it('maps a role typed in English back to the stored role, and keeps a user’s own word', () => {
    expect(personRole('本人', 'en')).toBe('The person supported')
    expect(personRole('叔母', 'en')).toBe('叔母')
    expect(storedTerm(personRoleCatalog, 'en', ' mother ')).toBe('母')
    expect(storedTerm(personRoleCatalog, 'en', 'Aunt')).toBe('Aunt')
    expect(storedTerm(personRoleCatalog, 'ja', '長男')).toBe('長男')
  })

  it('splits a line of tags on 、 and commas, dropping empty ones and repeats', () => {
    expect(splitTags(' a、b,，a ,')).toEqual(['a', 'b'])
  })
})
