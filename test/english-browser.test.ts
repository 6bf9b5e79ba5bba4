/**
 * The English UI is complete: with English chosen, every tab of a room holding a case map
 * shows no Japanese text except the participants' own data. The map's names, notes and tags
 * are written in English here, so any Japanese left on screen is ours: a level, a field, a
 * relation type, an age band, an analysis explanation, a button, a tooltip.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { updateRecord } from '../shared/model/ops.ts'
import { applyImport, parseImport } from '../shared/model/transfer.ts'
import { addTask, updatePlanInfo } from '../shared/plan/ops.ts'
import { browserSuite, enterRoom } from './browser-helpers.ts'
import { connectClient, destroyAll, waitForSync, type Client } from './support/clients.ts'

const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60\u3001-\u303f]+/g

/** The 8050 case sample with every free-text value in English; stored vocabulary stays as it is. */
function englishCase(): unknown {
  const sample = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'shared', 'samples', 'case-8050.json'), 'utf8'))
  sample.title = 'Household A (8050, hardship)'
  sample.summary = 'A mother in her 80s and her son in his 50s live together.'
  sample.householdIssues = sample.householdIssues.map((_tag: string, i: number) => `household issue ${i + 1}`)
  sample.persons = sample.persons.map((p: { issues?: string[] }, i: number) => ({
    ...p,
    label: `Person ${i + 1}`,
    issues: (p.issues ?? []).map((_tag, j) => `issue ${i + 1}.${j + 1}`),
  }))
  sample.actors = sample.actors.map((a: object, i: number) => ({ ...a, name: `Agency ${i + 1}` }))
  sample.relations = sample.relations.map((r: { note?: string }, i: number) => ({ ...r, ...(r.note ? { note: `note ${i + 1}` } : {}) }))
  return sample
}

/**
 * Visible text and the texts a participant meets on hover or with a screen reader. Text marked
 * lang="ja" is Japanese on purpose (the switch back to Japanese is written in Japanese).
 */
async function japaneseOnScreen(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const marked = (el: Element | null) => !!el?.closest('[lang="ja"]')
    const out: string[] = [document.title]
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || marked(parent) || !parent.checkVisibility({ visibilityProperty: true })) continue
      if (parent.closest('script,style')) continue
      out.push(node.textContent ?? '')
    }
    for (const el of document.querySelectorAll('[title],[placeholder],[aria-label],[alt]')) {
      if (marked(el)) continue
      for (const attr of ['title', 'placeholder', 'aria-label', 'alt']) {
        const value = el.getAttribute(attr)
        if (value) out.push(value)
      }
    }
    for (const option of document.querySelectorAll('option')) if (!marked(option)) out.push(option.textContent ?? '')
    return out
  })
  return [...new Set(texts.flatMap((t) => t.match(japanese) ?? []))]
}

describe('browser: the English UI', () => {
  const suite = browserSuite({
    viewport: { width: 1440, height: 900 },
    initScript: (lang: string) => localStorage.setItem('jusou-lang', lang),
    initScriptArg: 'en',
  })
  const clients: Client[] = []
  afterAll(() => destroyAll(clients))

  it('shows no Japanese outside the participants’ own data, on the home page and every tab', async () => {
    const room = await suite.createRoom('Case conference (English)', 'case')
    const token = room.links.facilitate.split('#k=')[1]
    const writer = connectClient(suite.server.url.replace(/^http/, 'ws') + '/ws', room.roomId, token)
    clients.push(writer)
    await waitForSync(writer.provider)
    applyImport(writer.doc, parseImport(englishCase(), { roomKind: 'case' }).model, { replace: true })
    // A support plan in English: fields, an overdue task (its banner is on every tab) and a person's stage.
    updatePlanInfo(writer.doc, { direction: 'Support the son step by step', wishes: 'Keep living at home', consent: 'なし', keyPerson: 'none', nextMonitoring: '2030-05-01' })
    addTask(writer.doc, { what: 'Go with him to the job centre', owner: 'a-jiritsu', with: ['p-son'], due: '2024-04-01', status: '実施中', note: 'weekly' })
    updateRecord(writer.doc, 'person', 'p-son', { stage: 'ほぐす', support: '伴走型' })

    const page = await suite.newPage()
    await page.goto(suite.server.url)
    await page.getByRole('heading').first().waitFor()
    const found: Record<string, string[]> = { home: await japaneseOnScreen(page) }

    await enterRoom(page, room.links.facilitate, { name: 'Sam', org: 'Welfare Office' }, { board: true })
    await page.locator('.tl-shape').first().waitFor()
    found.board = await japaneseOnScreen(page)
    for (const tab of ['lists', 'quadrant', 'graph', 'plan']) {
      await page.getByTestId(`tab-${tab}`).click()
      await page.waitForTimeout(1500)
      found[tab] = await japaneseOnScreen(page)
    }
    expect(found).toEqual({ home: [], board: [], lists: [], quadrant: [], graph: [], plan: [] })
    expect(suite.pageErrors).toEqual([])
  })
})
