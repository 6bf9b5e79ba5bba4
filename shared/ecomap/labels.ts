import { defineCatalog } from '../i18n/catalog.ts'
import { legendText } from '../legend/labels.ts'

/**
 * The eco-map image's own words (shared/ecomap/svg.ts): the household frame and the legend.
 * The ties' names are the shared legend's (shared/legend/labels.ts). Map vocabulary (levels,
 * age bands, relation types, roles) comes from shared/i18n/vocabulary.ts.
 */
export const ecomapText = defineCatalog(
  'ecomap',
  {
    title: 'エコマップ',
    householdFrame: '世帯',
    personsOmitted: '人物は省略',
    outsideHousehold: '{age}・世帯外',
    legendHeading: '凡例',
    legendExisting: legendText.ja.existing,
    legendPlanned: legendText.ja.planned,
    legendMissing: legendText.ja.missing,
    legendStrong: legendText.ja.strong,
    legendWeak: legendText.ja.weak,
    legendStressful: legendText.ja.stressful,
    legendFormal: 'フォーマル',
    legendInformal: 'インフォーマル',
    legendPerson: '人物',
    legendNotes: '矢印＝支援の向き　線の文字＝つながりの種類　左の帯の色＝分野　バッジ＝階層',
  },
  {
    title: 'Eco-map',
    householdFrame: 'Household',
    personsOmitted: 'Persons left out',
    outsideHousehold: '{age}, outside household',
    legendHeading: 'Legend',
    legendExisting: legendText.en.existing,
    legendPlanned: legendText.en.planned,
    legendMissing: legendText.en.missing,
    legendStrong: legendText.en.strong,
    legendWeak: legendText.en.weak,
    legendStressful: legendText.en.stressful,
    legendFormal: 'Formal',
    legendInformal: 'Informal',
    legendPerson: 'Person',
    legendNotes: 'Arrow = direction of support. Text on a line = type of tie. Stripe colour = field. Badge = level.',
  },
)

export type EcomapTextKey = keyof typeof ecomapText.ja
