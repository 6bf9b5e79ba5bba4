import { defineCatalog } from '../../../shared/i18n/catalog'

/** The graph exports' own words: the options, the page furniture and the key figures. */
export const graphExportText = defineCatalog(
  'graph-export',
  {
    includeFigures: '主な数値を入れる',
    exportPdf: 'PDF（A4横・分析表つき）',
    exporting: '書き出しています…',
    exportFailed: '書き出せませんでした（{reason}）。ページを再読み込みしてから、もう一度お試しください。',
    dateLine: '作成日 {date}',
    figuresHeading: '主な数値',
    actorsAndPersons: '機関・団体 {actors}、人物 {persons}',
    tieCountValue: '{n}本',
    hubs: 'つながりの多い機関（上位3）',
    hubEntry: '{name}（{n}本）',
    moreNames: 'ほか{n}件',
    tablePageTitle: '{title}　機関・人物ごとの指標',
    pageNumber: '{page} / {pages}',
  },
  {
    includeFigures: 'Include key figures',
    exportPdf: 'PDF (A4 landscape, with the analysis table)',
    exporting: 'Exporting…',
    exportFailed: 'The export failed ({reason}). Reload the page and try again.',
    dateLine: 'Made on {date}',
    figuresHeading: 'Key figures',
    actorsAndPersons: '{actors} actors, {persons} persons',
    tieCountValue: '{n}',
    hubs: 'Most connected actors (top 3)',
    hubEntry: '{name} ({n})',
    moreNames: '{n} more',
    tablePageTitle: '{title}: figures per actor and person',
    pageNumber: '{page} / {pages}',
  },
)
