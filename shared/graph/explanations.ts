/**
 * One plain Japanese sentence per metric, as data: the graph panel shows them next to the
 * numbers so that a workshop can read a metric without a course in network analysis.
 */
export const metricExplanations = {
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
} as const

export type MetricName = keyof typeof metricExplanations
