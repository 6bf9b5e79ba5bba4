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
    degree: 'その機関・人物が持つつながりの数で（強さは問わず一本と数えます）、多いほど多くの相手と関わっています。',
    inDegree: '矢印が向かってくるつながりの数で、つなぎや相談を受ける側になっている度合いです。',
    outDegree: '矢印が出ていくつながりの数で、他へつなぐ・支援を届ける側になっている度合いです。',
    betweenness: 'ほかの機関同士を結ぶ最短経路の上に立つ度合いで、高いほど「橋渡し役」であり、不在になると情報が途切れやすくなります。',
    closeness: 'ネットワーク全体に何段階で届くかの近さで、高いほど少ない仲介で多くの機関に連絡できます（離れたグループにいる場合は届く範囲の割合で割り引きます）。',
    density: '実際にあるつながりが、すべての組み合わせのうち何割かを示し、高いほど互いに顔の見える関係です。',
    components: 'つながりでたどれる機関のまとまりの数で、2つ以上あればお互いに情報が届かないグループがあります。',
    isolated: '既存のつながりが一本もない機関で、ネットワークから孤立しています。予定のつながりも数えた姿は「計画が実現した後」で見られます。',
    articulationPoints: 'その機関が抜けるとネットワークが分断されてしまう要の機関で、担当者の異動などに備えた複線化が必要です。',
    articulationPersons:
      'その人物が抜けるとネットワークが分断されます。機関がその人物を介してしかつながっていないということで、本人や家族が連絡役を担わされている可能性があります。機関どうしの直接の連絡を作ると支えが安定します。',
    supportStrength:
      'つながりの強さを足し合わせた値です（強い＝3、普通＝2、弱い＝1）。本数が同じでも、弱いつながりばかりなら低くなります。ストレス・葛藤のあるつながりは支えとして数えません。',
    eigenvector:
      '影響力の目安（固有ベクトル中心性）で、影響力の高い相手と強くつながっているほど高くなります。最も高い機関・人物を1とした値です。',
    stressfulTies: 'ストレス・葛藤のあるつながりで、支えとしては数えずにここに分けて示しています。関わり方の調整が必要なつながりです。',
    communities:
      'お互いのつながりが外とのつながりより濃いグループで、つながりの強さを考慮して見つけています（Louvain法）。グループとグループをつなぐつながりが、分野や組織をまたぐ連携の通り道です。',
    modularity: 'グループの内と外がどれだけはっきり分かれているかで、0から1の値です（0.3を超えるとグループがはっきりしているといえます）。',
    kcore:
      '中核は、どのメンバーも中核の中に少なくとも k 本のつながりを持つ、いちばん密な集まりです。周辺はその外側にいる機関・人物で、つながりが少なく、担当者が替わると途切れやすい位置にあります（強さは問わず、葛藤のあるつながりは数えません）。',
    bridges: 'その一本が切れるとネットワークが分断されてしまうつながりで、別のルートを作ると安定します。',
    fieldMatrix: '分野と分野の間に何本のつながりがあるかの表で、複数分野の機関はそれぞれの分野に数えます。',
    unconnectedFieldPairs: '一本もつながりがない分野の組み合わせで、縦割りの「すき間」になっている可能性があります。',
    hazama: 'フォーマルな機関とのつながりが全くないか、予定・不足しかない人物で、制度の狭間にいる可能性があります。',
    fragile: 'フォーマルな機関とのつながりはあるものの弱い・葛藤のあるものだけの人物で、支援が途切れないよう注意が必要です。',
  },
  {
    countedTies:
      'The figures count only existing ties (planned and missing ones do not exist yet); counting planned ties too shows the network as it will be once the support plan is in place.',
    degree: 'How many ties an agency or person has, whatever their strength: the more ties, the more others they work with.',
    inDegree: 'How many arrows point to it: how far it is on the receiving end of referrals and requests for help.',
    outDegree: 'How many arrows start from it: how far it refers people on or delivers support to others.',
    betweenness:
      'How often it sits on the shortest paths between other agencies. A high value marks a go-between: if it drops out, information easily stops flowing.',
    closeness:
      'How few steps it takes to reach the rest of the network: a high value means it can contact many agencies through few intermediaries (discounted by the share it can reach when the network falls into separate groups).',
    density: 'The share of all possible ties that actually exist: the higher it is, the more the agencies know one another personally.',
    components: 'How many separate groups the ties form: with two or more, some groups cannot reach each other.',
    isolated:
      'Agencies with no existing tie at all: they are cut off from the network. See "After the plan" for the network with planned ties counted.',
    articulationPoints:
      'Key agencies whose loss would split the network: they need a second route, for example in case the person in post moves on.',
    articulationPersons:
      'Persons whose loss would split the network: some agencies are linked only through them, so the person or the family may be acting as the go-between. A direct link between the agencies makes the support more stable.',
    supportStrength:
      'The strengths of its ties added up (strong 3, normal 2, weak 1): with the same number of ties, weak ones give a lower value. Stressful ties do not count as support.',
    eigenvector:
      'A measure of influence (eigenvector centrality): the higher it is, the more strongly the node is tied to others that are influential themselves. The highest node has 1.',
    stressfulTies: 'Ties marked stressful: they are not counted as support and are listed here apart. These ties need the way of working together looked at.',
    communities:
      'Groups whose members are tied more closely to one another than to the rest, found with the strength of the ties taken into account (Louvain method). Ties between groups are the paths of work across fields and organisations.',
    modularity: 'How clearly the groups stand apart, from 0 to 1 (above about 0.3 the groups are clearly marked).',
    kcore:
      'The core is the densest group in which every member has at least k ties inside the core. The periphery is the agencies and persons outside it: they have few ties and lose touch easily when the person in post changes (ties count whatever their strength; stressful ties do not count).',
    bridges: 'Ties whose loss would split the network: building another route makes it more robust.',
    fieldMatrix: 'How many ties link one field with another; an agency working in several fields counts in each of them.',
    unconnectedFieldPairs: 'Pairs of fields with no tie at all: possible gaps between service silos.',
    hazama:
      'Persons with no tie to a formal agency, or only planned or missing ones: they may be falling through the gaps between services.',
    fragile: 'Persons whose ties to formal agencies are all weak or stressful: take care that their support does not break off.',
  },
)

export type MetricName = keyof (typeof metricExplanationCatalog)['ja']

/** Headings and list wording of the analysis panel's structure and support sections. */
export const analysisPanelCatalog = defineCatalog(
  'analysis.panel',
  {
    articulationActors: '要の機関（抜けると分断）',
    articulationPersons: '要の人物（抜けると分断）',
    articulationPersonYes: 'この人物が抜けるとネットワークが分断されます（機関がこの人物を介してしかつながっていません）。',
    isolatedNotCounted: '予定・不足のつながりは数えていません。',
    isolatedWithPlanned: 'このうち予定のつながりがある機関：{names}。',
    isolatedMissingOnly: 'このうち不足のつながりだけがある機関：{names}。',
    showAfterPlan: '計画が実現した後の姿を見る',
    support: '支えの強さと影響力',
    supportBasis: 'つながりの強さで重みをつけています（強い＝3、普通＝2、弱い＝1）。ストレス・葛藤のあるつながりは支えとして数えず、下に分けて示します。',
    supportStrength: '支えの強さ',
    supportStrengthShort: '支え',
    eigenvector: '影響力（固有ベクトル中心性）',
    eigenvectorShort: '影響力',
    topInfluence: '影響力の高い順：{names}',
    topSupport: '支えの強い順：{names}',
    stressfulTies: 'ストレス・葛藤のあるつながり（支えとしては数えていません）',
    stressfulTie: '{a} – {b}（{type}）',
    stressfulCount: '葛藤のあるつながり：{n} 本（支えには数えていません）',
    communities: 'グループ（コミュニティ）',
    community: 'グループ {n}',
    communityMembers: '{group}：{names}',
    communitiesNone: 'はっきりしたグループはまだありません。',
    modularity: 'グループの分かれ方の明確さ（モジュラリティ）：{value}。',
    colorByCommunity: '図をグループごとに色分けする',
    colorByCommunityNote: '色分けの間は、分野の色の代わりにグループの色で表示します。どのグループにも入らない機関・人物は灰色です。',
    communityOf: '所属するグループ',
    communityNone: 'どのグループにも入っていません',
    kcore: '中核と周辺（k-コア）',
    core: '中核（どのメンバーも中核の中に {k} 本以上のつながり）',
    periphery: '周辺（中核の外側）',
    noCore: '中核と呼べる集まりはまだありません（どの機関・人物も、一本の線でつながっているだけです）。',
    coreNumber: '中核度（k）',
    coreNumberWhere: '{k}（{where}）',
    inCore: '中核',
    inPeriphery: '周辺',
  },
  {
    articulationActors: 'Key agencies (cut points)',
    articulationPersons: 'Persons in a key position (cut points)',
    articulationPersonYes: 'Without this person the network would split: some agencies are linked only through them.',
    isolatedNotCounted: 'Planned and missing ties are not counted.',
    isolatedWithPlanned: 'Of these, with a planned tie: {names}.',
    isolatedMissingOnly: 'Of these, with missing ties only: {names}.',
    showAfterPlan: 'See the network after the plan',
    support: 'Support and influence',
    supportBasis: 'Ties are weighted by strength (strong 3, normal 2, weak 1). Stressful ties do not count as support and are listed apart below.',
    supportStrength: 'Support strength',
    supportStrengthShort: 'Support',
    eigenvector: 'Influence (eigenvector centrality)',
    eigenvectorShort: 'Influence',
    topInfluence: 'Most influential first: {names}',
    topSupport: 'Strongest support first: {names}',
    stressfulTies: 'Stressful ties (not counted as support)',
    stressfulTie: '{a} – {b} ({type})',
    stressfulCount: 'Stressful ties: {n} (not counted as support)',
    communities: 'Groups (communities)',
    community: 'Group {n}',
    communityMembers: '{group}: {names}',
    communitiesNone: 'There is no group yet.',
    modularity: 'How clearly the groups stand apart (modularity): {value}.',
    colorByCommunity: 'Colour the graph by group',
    colorByCommunityNote: 'While on, nodes take the colour of their group instead of their field. Nodes in no group are grey.',
    communityOf: 'Group',
    communityNone: 'In no group',
    kcore: 'Core and periphery (k-core)',
    core: 'Core (every member has {k} or more ties inside it)',
    periphery: 'Periphery (outside the core)',
    noCore: 'There is no core yet (every agency and person hangs on a single line of ties).',
    coreNumber: 'Core depth (k)',
    coreNumberWhere: '{k} ({where})',
    inCore: 'core',
    inPeriphery: 'periphery',
  },
)

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
