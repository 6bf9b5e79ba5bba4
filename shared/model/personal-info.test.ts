import { describe, expect, it } from 'vitest'
import { findPersonalInfo, personalInfoWarning, type PersonalInfoKind } from './personal-info.ts'

/** Text that must warn, with every kind it must report (and nothing else). */
const truePositives: [string, PersonalInfoKind[]][] = [
  ['山田太郎', ['name']],
  ['山田太郎（本人・住所：〇〇町1-2-3）', ['name', 'address']],
  ['田中さん', ['name']],
  ['鈴木花子', ['name']],
  ['佐藤 健太郎', ['name']],
  ['伊藤一郎', ['name']],
  ['高橋様', ['name']],
  ['長谷川さん', ['name']],
  ['千葉さん', ['name']],
  ['佐々木', ['name']],
  ['山田（本人）', ['name']],
  ['本人（田中）', ['name']],
  ['中村の母', ['name']],
  ['山田家の長男', ['name']],
  ['翔太くん', ['name']],
  ['花子ちゃん', ['name']],
  ['氏名：佐々木', ['name']],
  ['住所：〇〇町1-2-3', ['address']],
  ['〇〇町1-2-3', ['address']],
  ['1-2-3', ['address']],
  ['3丁目5番地', ['address']],
  ['南町二丁目', ['address']],
  ['5番12号', ['address']],
  ['○○市3', ['address']],
  ['１０１号室', ['address']],
  ['東京都新宿区', ['address']],
  ['石川県金沢市', ['address']],
  ['横浜市中区在住', ['address']],
  ['〒123-4567', ['address']],
  ['090-1234-5678', ['phone']],
  ['０９０－１２３４－５６７８', ['phone']],
  ['03-1234-5678', ['phone']],
  ['電話：0312345678', ['phone']],
  ['TEL 045-123-4567', ['phone']],
  ['電話番号 090 1234 5678', ['phone']],
  ['taro@example.jp', ['email']],
  ['長男 yamada.taro@example.com', ['email']],
  ['長男（鈴木一郎・090-1111-2222）', ['name', 'phone']],
]

/** Roles, age bands and case vocabulary that must not warn. */
const falsePositives = [
  '本人',
  '母',
  '長男',
  '長女',
  '祖父',
  '叔母',
  '父方の祖母',
  '近所の人',
  '民生委員',
  '友人',
  '次男',
  '孫',
  '同居の兄',
  '別居の姉',
  '元夫',
  '担任',
  'ケアマネジャー',
  '大家',
  '本人（40代）',
  '弟の妻',
  'ひきこもりの長男',
  '長女（別居）',
  '次女（30代）',
  '祖母（90代）',
  '80代の母',
  '配偶者',
  'きょうだい',
  '内縁の夫',
  '元妻の母',
  '義理の父',
  '主治医',
  '隣人',
  '保護司',
  'お母さん',
  'お兄ちゃん',
  'おばあちゃん',
  '近所の奥さん',
  '大家さん',
  '民生委員さん',
  '担当ケアマネさん',
  '息子さん',
  'お子さん',
  '末っ子ちゃん',
  '彼氏',
  'Aさん',
  'B氏',
  '担任の先生',
  '高田中学校の担任',
  '千葉の叔父',
  '中山間地域に住む祖母',
  '鈴木クリニックに通院',
  '住所不定の時期あり',
  '住所地特例の対象',
  '第2号被保険者',
  '要介護2',
  '電話で相談あり',
  '市区町村の窓口',
  '年金は月6万円',
  '週3回デイサービス',
  '2024年4月から同居',
  '認知症の疑い',
  '精神疾患の疑い（未受診）',
  'アウトリーチ（訪問を継続中、本人とはまだ会えていない）',
]

describe('personal information heuristic', () => {
  it('has at least 25 cases each way', () => {
    expect(truePositives.length).toBeGreaterThanOrEqual(25)
    expect(falsePositives.length).toBeGreaterThanOrEqual(25)
  })

  it.each(truePositives)('warns about %s', (text, kinds) => {
    expect(findPersonalInfo(text).map((m) => m.kind)).toEqual(kinds)
  })

  it.each(falsePositives.map((t) => [t]))('accepts %s', (text) => {
    expect(findPersonalInfo(text)).toEqual([])
  })

  it('says in Japanese what was found and how to write a person instead', () => {
    const message = personalInfoWarning('山田太郎（本人・住所：〇〇町1-2-3）', 'label')!
    expect(message).toContain('「山田太郎」')
    expect(message).toContain('〇〇町1-2-3')
    expect(message).toMatch(/氏名・住所のように見えます/)
    expect(message).toMatch(/本人、母、長男/)
    expect(message).toMatch(/「長男（40代）」なら続柄は「長男」、年代は「40代」/)
    expect(personalInfoWarning('長男と面談。連絡は090-1234-5678', 'note')).toMatch(/^メモの「090-1234-5678」は電話番号のように見えます。.*続柄で書いてください/)
    expect(personalInfoWarning('Call 090-1234-5678', 'note', 'en')).toMatch(/^The note .* looks like a phone number/)
    expect(personalInfoWarning('長男', 'label')).toBeNull()
    expect(personalInfoWarning(undefined, 'note')).toBeNull()
  })
})
