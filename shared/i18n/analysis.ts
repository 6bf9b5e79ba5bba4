import type { GapSituation } from '../graph/gaps.ts'
import { defineCatalog } from './catalog.ts'

/**
 * One plain sentence per metric of the relationship graph (shared/graph/metrics.ts): the graph
 * panel shows them next to the numbers so that a workshop can read a metric without a course
 * in network analysis.
 */
export const metricExplanationCatalog = defineCatalog(
  'analysis.metricExplanation',
  {
    countedTies:
      '指標は原則として「既存」のつながりだけで計算し（「予定」「不足」はまだ存在しないため）、予定を含めて計算すると支援プラン実施後の姿になります。',
    degree: 'その機関・人物が持つつながりの数で、多いほど多くの相手と関わっています。',
    inDegree: '矢印が向かってくるつながりの数で、つなぎや相談を受ける側になっている度合いです。',
    outDegree: '矢印が出ていくつながりの数で、他へつなぐ・支援を届ける側になっている度合いです。',
    betweenness: 'ほかの機関同士を結ぶ最短経路の上に立つ度合いで、高いほど「橋渡し役」であり、不在になると情報が途切れやすくなります。',
    closeness: 'ネットワーク全体に何段階で届くかの近さで、高いほど少ない仲介で多くの機関に連絡できます（離れたグループにいる場合は届く範囲の割合で割り引きます）。',
    density: '実際にあるつながりが、すべての組み合わせのうち何割かを示し、高いほど互いに顔の見える関係です。',
    components: 'つながりでたどれる機関のまとまりの数で、2つ以上あればお互いに情報が届かないグループがあります。',
    isolated: '既存のつながりが一本もない機関で、ネットワークから孤立しています。',
    articulationPoints: 'その機関が抜けるとネットワークが分断されてしまう要の機関で、担当者の異動などに備えた複線化が必要です。',
    bridges: 'その一本が切れるとネットワークが分断されてしまうつながりで、別のルートを作ると安定します。',
    fieldMatrix: '分野と分野の間に何本のつながりがあるかの表で、複数分野の機関はそれぞれの分野に数えます。',
    unconnectedFieldPairs: '一本もつながりがない分野の組み合わせで、縦割りの「すき間」になっている可能性があります。',
    hazama: 'フォーマルな機関とのつながりが全くないか、予定・不足しかない人物で、制度の狭間にいる可能性があります。',
    fragile: 'フォーマルな機関とのつながりはあるものの弱い・葛藤のあるものだけの人物で、支援が途切れないよう注意が必要です。',
  },
  {
    countedTies:
      'The figures count only existing ties (planned and missing ones do not exist yet); counting planned ties too shows the network as it will be once the support plan is in place.',
    degree: 'How many ties an agency or person has: the more ties, the more others they work with.',
    inDegree: 'How many arrows point to it: how far it is on the receiving end of referrals and requests for help.',
    outDegree: 'How many arrows start from it: how far it refers people on or delivers support to others.',
    betweenness:
      'How often it sits on the shortest paths between other agencies. A high value marks a go-between: if it drops out, information easily stops flowing.',
    closeness:
      'How few steps it takes to reach the rest of the network: a high value means it can contact many agencies through few intermediaries (discounted by the share it can reach when the network falls into separate groups).',
    density: 'The share of all possible ties that actually exist: the higher it is, the more the agencies know one another personally.',
    components: 'How many separate groups the ties form: with two or more, some groups cannot reach each other.',
    isolated: 'Agencies with no existing tie at all: they are cut off from the network.',
    articulationPoints:
      'Key agencies whose loss would split the network: they need a second route, for example in case the person in post moves on.',
    bridges: 'Ties whose loss would split the network: building another route makes it more robust.',
    fieldMatrix: 'How many ties link one field with another; an agency working in several fields counts in each of them.',
    unconnectedFieldPairs: 'Pairs of fields with no tie at all: possible gaps between service silos.',
    hazama:
      'Persons with no tie to a formal agency, or only planned or missing ones: they may be falling through the gaps between services.',
    fragile: 'Persons whose ties to formal agencies are all weak or stressful: take care that their support does not break off.',
  },
)

export type MetricName = keyof (typeof metricExplanationCatalog)['ja']

/** Where a person stands in the 狭間 (gap) check of shared/graph/gaps.ts. */
export const gapSituationCatalog = defineCatalog(
  'analysis.gapSituation',
  {
    'no-formal-tie': 'フォーマルな機関とのつながりがない',
    'not-in-place': '予定・不足のつながりしかない',
    fragile: '要注意（弱い・葛藤のあるつながりだけ）',
    connected: 'フォーマルな機関とつながっている',
  } satisfies Record<GapSituation, string>,
  {
    'no-formal-tie': 'No tie to a formal agency',
    'not-in-place': 'Only planned or missing ties',
    fragile: 'To watch: only weak or stressful formal ties',
    connected: 'Connected to a formal agency',
  },
)

/** Column headings and category words of the graph's node and edge CSVs (shared/graph/csv.ts). */
export const graphCsvCatalog = defineCatalog(
  'analysis.graphCsv',
  {
    id: 'ID',
    kind: '種別',
    kindActor: '機関・団体',
    kindPerson: '人物',
    label: '名称・続柄',
    mainField: '主な分野',
    fields: '分野',
    level: '階層',
    formality: 'フォーマル／インフォーマル',
    formal: 'フォーマル',
    informal: 'インフォーマル',
    contact: '担当部署・窓口',
    ageBand: '年代',
    household: '世帯員',
    householdYes: '世帯員',
    householdNo: '世帯外',
    issues: '課題タグ',
    note: 'メモ',
    color: '色',
    sourceId: '起点ID',
    source: '起点',
    targetId: '終点ID',
    target: '終点',
    type: '関係の種類',
    direction: '向き',
    strength: '強さ',
    status: '状態',
    listSeparator: '、',
  },
  {
    id: 'ID',
    kind: 'Kind',
    kindActor: 'Agency or group',
    kindPerson: 'Person',
    label: 'Name or role',
    mainField: 'Main field',
    fields: 'Fields',
    level: 'Level',
    formality: 'Formal / informal',
    formal: 'Formal',
    informal: 'Informal',
    contact: 'Department or contact point',
    ageBand: 'Age band',
    household: 'Household member',
    householdYes: 'Household member',
    householdNo: 'Outside the household',
    issues: 'Issue tags',
    note: 'Note',
    color: 'Colour',
    sourceId: 'From ID',
    source: 'From',
    targetId: 'To ID',
    target: 'To',
    type: 'Type of tie',
    direction: 'Direction',
    strength: 'Strength',
    status: 'Status',
    listSeparator: '; ',
  },
)
