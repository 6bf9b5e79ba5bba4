import { defineCatalog, fill } from '../i18n/catalog.ts'
import { tieLegend, tieStyle, type TieLegendKey, type TldrawColor } from './legend.ts'

/**
 * The legend's words, for every view that shows the legend (board panel, graph, exports). A tie's
 * description is built from its style (legend.ts): the colour word follows the tldraw colour,
 * the line word the dash, so the words cannot say otherwise than the samples.
 */
export const legendText = defineCatalog(
  'legend',
  {
    existing: '既存',
    planned: '予定',
    missing: '不足',
    missingGloss: '必要だがない',
    strong: '強い',
    weak: '弱い',
    stressful: 'ストレス・葛藤',
    family: '家族関係',
    cutPoint: '二重の枠＝要の機関・人物（外すとつながりが分かれる）',
    colourBlack: '黒',
    colourBlue: '青',
    colourOrange: '橙',
    colourRed: '赤',
    colourGrey: '灰色',
    lineSolid: '実線',
    lineDashed: '破線',
    lineDotted: '点線',
    lineZigzag: 'ジグザグ線',
    lineDraw: '手描き線。ジグザグ線の代わり',
    widthThick: '太い',
    widthThin: '細い',
    stroke: '{colour}の{line}',
    strokeWithWidth: '{colour}の{width}{line}',
    named: '{name}（{stroke}）',
    glossed: '{name}＝{gloss}（{stroke}）',
  },
  {
    existing: 'Existing',
    planned: 'Planned',
    missing: 'Missing',
    missingGloss: 'needed but not there',
    strong: 'Strong',
    weak: 'Weak',
    stressful: 'Stressful',
    family: 'Family tie',
    cutPoint: 'Double border = key actor or person (removing it splits the network)',
    colourBlack: 'black',
    colourBlue: 'blue',
    colourOrange: 'orange',
    colourRed: 'red',
    colourGrey: 'grey',
    lineSolid: 'solid',
    lineDashed: 'dashed',
    lineDotted: 'dotted',
    lineZigzag: 'zig-zag',
    lineDraw: 'hand-drawn line instead of a zig-zag',
    widthThick: 'thick',
    widthThin: 'thin',
    stroke: '{colour}, {line}',
    strokeWithWidth: '{colour}, {width} {line}',
    named: '{name} ({stroke})',
    glossed: '{name}: {gloss} ({stroke})',
  },
)

export type LegendStrings = Readonly<Record<keyof typeof legendText.ja, string>>

const colourKey: Record<TldrawColor, 'colourBlack' | 'colourBlue' | 'colourOrange' | 'colourRed'> = {
  black: 'colourBlack',
  blue: 'colourBlue',
  orange: 'colourOrange',
  red: 'colourRed',
}

/**
 * A legend entry's words: 「予定（青の破線）」. `medium` 'board' names the hand-drawn line the
 * board draws for a zig-zag.
 */
export function describeTie(key: TieLegendKey | 'family', T: LegendStrings, medium: 'board' | 'svg' = 'svg'): string {
  const tie = key === 'family' ? { strength: 'normal' as const, status: 'existing' as const } : tieLegend[key]
  const style = tieStyle(tie)
  const colour = key === 'family' ? T.colourGrey : T[colourKey[style.tldraw.color]]
  const line = style.zigzag ? (medium === 'board' ? T.lineDraw : T.lineZigzag) : style.line === 'dashed' ? T.lineDashed : style.line === 'dotted' ? T.lineDotted : T.lineSolid
  const width = style.zigzag ? null : tie.strength === 'strong' ? T.widthThick : tie.strength === 'weak' ? T.widthThin : null
  const stroke = width ? fill(T.strokeWithWidth, { colour, width, line }) : fill(T.stroke, { colour, line })
  const name = T[key]
  return key === 'missing' ? fill(T.glossed, { name, gloss: T.missingGloss, stroke }) : fill(T.named, { name, stroke })
}
