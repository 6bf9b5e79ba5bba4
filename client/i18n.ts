/**
 * The app's own strings (home page, room shell, connection, participants) as one catalog of
 * shared/i18n/catalog.ts, and the participant's language choice. tldraw's menus get their
 * language from the `locale` prop of <Tldraw> (see board/Board.tsx), driven by the same choice.
 *
 * Keep this module small and flat: one key per visible string, same keys in both languages
 * (TypeScript checks that `en` has every key of `ja`).
 */
import { createContext, useContext } from 'react'
import { defineCatalog, inLang, type Catalog, type Lang } from '../shared/i18n/catalog'

const ja = {
  appName: '重層支援マップ',

  // Home page
  homeIntro:
    '重層的支援体制整備事業の支援会議・研修・地域懇談会で使う、共同編集ホワイトボードです。参加者は同じボードに同時に付箋や図形を書き込み、関係機関のつながりや役割分担をその場で見える化できます。ログインは不要で、ルームごとに発行されるリンクだけで参加します。外部のサーバーには一切接続しないため、庁内ネットワークでも使えます。',
  createHeading: '新しいルームをつくる',
  titleLabel: 'ルームの名前',
  titlePlaceholder: '例：〇〇地区 支援会議（2025年4月）',
  kindLabel: '種類',
  kindCase: 'ケース検討',
  kindCaseHint: '支援会議・重層的支援会議でのエコマップや役割分担',
  kindCommunity: '地域資源マップ',
  kindCommunityHint: '地域の社会資源・関係機関のつながりの整理',
  kindTraining: '研修',
  kindTrainingHint: '庁内連携会議・研修でのグループワーク',
  createButton: 'ルームをつくる',
  creating: '作成しています…',
  createdHeading: 'ルームができました：{title}',
  createdNote:
    'リンクを知っている人は誰でもそのルームに入れます。メールやチャットで共有する相手をよく確認してください。リンクは後から再表示できないので、ここで控えておいてください。',
  linkFacilitate: 'ファシリテーター用',
  linkFacilitateHint: '進行役のためのリンクです。ボードの編集に加え、ルームの管理ができます。ほかの人には渡さないでください。',
  linkEdit: '編集用',
  linkEditHint: '会議の参加者に渡すリンクです。ボードに書き込めます。',
  linkView: '閲覧用',
  linkViewHint: '見るだけの参加者に渡すリンクです。ボードの内容は変更できません。',
  copy: 'コピー',
  copied: 'コピーしました',
  open: '開く',
  networkError: 'サーバーに接続できませんでした。ネットワークを確認してから、もう一度お試しください。',
  unexpectedError: '予期しないエラーが起きました。しばらくしてから、もう一度お試しください。',

  // Room page
  loadingRoom: 'ルームを読み込んでいます…',
  noToken:
    'このページを開くには、招待されたリンクが必要です。ファシリテーターから受け取ったリンクをそのまま開いてください。',
  backHome: 'トップページへ',
  roleLabel: 'あなたの権限：',
  roleFacilitate: 'ファシリテーター',
  roleEdit: '編集',
  roleView: '閲覧のみ',
  kindLabelShort: '種類',
  offlineRoomInfo: 'サーバーに接続できないため、前回の情報で表示しています。',

  profileHeading: '参加者情報の入力',
  profileIntro: 'ほかの参加者のカーソルや参加者一覧に表示されます。次回からは自動で入力されます。',
  profileName: '表示名',
  profileNamePlaceholder: '例：山田',
  profileOrg: '所属',
  profileOrgPlaceholder: '例：〇〇市 福祉総務課／〇〇地域包括支援センター',
  profileSubmit: 'ルームに入る',
  profileSave: '保存する',
  cancel: 'キャンセル',
  profileRequired: '表示名と所属を入力してください。',
  profileEdit: '名前・所属を変更',

  statusConnecting: '接続しています…',
  statusConnected: '接続中',
  statusReconnecting: '再接続中',
  statusOffline: 'オフライン',
  statusSynced: '同期済み',
  statusClosed: '接続できません',
  offlineNote: 'オフラインの間の書き込みはこの端末に保存され、再接続すると自動で反映されます。',
  reconnect: '再接続する',

  participantsHeading: '参加者',
  you: 'あなた',
  noOtherParticipants: 'ほかの参加者はまだいません。',
  participantsGroupedHint: '参加者が多いので所属ごとにまとめています。所属を押すと名前が開きます。ボード上のカーソルは最近動いた30人分だけ表示します。',
  participantsNoOrg: '所属の入力なし',
  peopleCount: '{count}人',
  orgInParens: '（{org}）',
  separator: '・',

  boardLoading: 'ボードを準備しています…',
  boardNewerVersion:
    'このボードは、より新しい版のアプリで保存されています。ページを再読み込みしてください（Ctrl+R）。再読み込みしても変わらない場合は、システム管理者にサーバーの更新状況を確認してください。一覧（表）・四象限・関係図のタブはこのまま使えます。',
  defaultPageName: 'ページ1',
  readOnlyNotice: '閲覧用リンクで参加しています。ボードは見るだけで、変更できません。',
  licenseMissingHeading: 'ボードを表示できません',
  licenseMissingBody:
    'このサーバーには、ホワイトボード部品（tldraw）の本番利用に必要なライセンスキーが設定されていないため、ボードを表示できません。システム管理者に、サーバーの環境変数 TLDRAW_LICENSE_KEY にライセンスキーを設定するよう依頼してください。接続状況や参加者一覧はこのまま使えます。',
  boardError: 'ボードの読み込み中に問題が起きました。ページを再読み込みしてください。',

  notFound: 'ページが見つかりません。',

  viewsLabel: '表示の切り替え',
  tabBoard: 'ボード',
  tabLists: '一覧（表）',
  tabQuadrant: '四象限',
  tabGraph: '関係図',
  tabPlan: '支援プラン',
  sidePanelHide: 'パネルを閉じる',
  sidePanelShow: 'パネルを開く',
  sidePanelTitle: '右側のパネル（カードの編集・追加、凡例、参加者）を開閉します。閉じるとボードや図を広く使えます',
  sidePanelLabel: 'サイドパネル',
}

export type AppTextKey = keyof typeof ja

const en: Record<AppTextKey, string> = {
  appName: 'Multi-layered Support Map',

  homeIntro:
    'A shared whiteboard for the case meetings, trainings and community forums of the multi-layered support system program. Participants write sticky notes and shapes on the same board at the same time to map agencies, relations and the division of roles. No login: everyone joins with the link issued for the room. The tool contacts no outside server, so it works on closed town-hall networks.',
  createHeading: 'Create a new room',
  titleLabel: 'Room name',
  titlePlaceholder: 'e.g. North district support meeting (April 2025)',
  kindLabel: 'Kind',
  kindCase: 'Case review',
  kindCaseHint: 'Eco-maps and division of roles in case meetings',
  kindCommunity: 'Community resource map',
  kindCommunityHint: 'Local social resources and links between agencies',
  kindTraining: 'Training',
  kindTrainingHint: 'Group work in cross-department meetings and trainings',
  createButton: 'Create room',
  creating: 'Creating…',
  createdHeading: 'Your room is ready: {title}',
  createdNote:
    'Anyone who has a link can enter the room. Check carefully whom you share it with. The links cannot be shown again later, so keep them now.',
  linkFacilitate: 'Facilitator',
  linkFacilitateHint: 'For the facilitator: edit the board and manage the room. Do not pass it on.',
  linkEdit: 'Edit',
  linkEditHint: 'For meeting participants: they can write on the board.',
  linkView: 'View only',
  linkViewHint: 'For observers: they can see the board but not change it.',
  copy: 'Copy',
  copied: 'Copied',
  open: 'Open',
  networkError: 'Could not reach the server. Check the network and try again.',
  unexpectedError: 'Something unexpected went wrong. Please try again later.',

  loadingRoom: 'Loading the room…',
  noToken: 'You need the invitation link to open this page. Open the link you received from the facilitator as it is.',
  backHome: 'Home',
  roleLabel: 'Your role: ',
  roleFacilitate: 'Facilitator',
  roleEdit: 'Edit',
  roleView: 'View only',
  kindLabelShort: 'Kind',
  offlineRoomInfo: 'The server cannot be reached; showing the room as it was last time.',

  profileHeading: 'About you',
  profileIntro: 'Shown to other participants next to your cursor and in the participant list. Remembered for next time.',
  profileName: 'Display name',
  profileNamePlaceholder: 'e.g. Yamada',
  profileOrg: 'Department or agency',
  profileOrgPlaceholder: 'e.g. Welfare Division, X City',
  profileSubmit: 'Enter the room',
  profileSave: 'Save',
  cancel: 'Cancel',
  profileRequired: 'Please enter your name and your department or agency.',
  profileEdit: 'Change name / department',

  statusConnecting: 'Connecting…',
  statusConnected: 'Connected',
  statusReconnecting: 'Reconnecting',
  statusOffline: 'Offline',
  statusSynced: 'Synced',
  statusClosed: 'Cannot connect',
  offlineNote: 'Changes made while offline are kept on this device and merged when the connection returns.',
  reconnect: 'Reconnect',

  participantsHeading: 'Participants',
  you: 'you',
  noOtherParticipants: 'No one else is here yet.',
  participantsGroupedHint: 'Many people are here, so they are grouped by organisation; open a group to see names. The board shows the cursors of the 30 most recently active people.',
  participantsNoOrg: 'No organisation given',
  peopleCount: '{count} people',
  orgInParens: ' ({org})',
  separator: ' · ',

  boardLoading: 'Preparing the board…',
  boardNewerVersion:
    'This board was saved by a newer version of the app. Reload the page (Ctrl+R). If that does not help, ask your administrator whether the server was updated. The Lists, Quadrants and Relationship graph tabs still work.',
  defaultPageName: 'Page 1',
  readOnlyNotice: 'You joined with a view-only link. You can see the board but not change it.',
  licenseMissingHeading: 'The board cannot be shown',
  licenseMissingBody:
    'This server has no license key for the whiteboard component (tldraw), which production use requires, so the board cannot be shown. Please ask your system administrator to set the TLDRAW_LICENSE_KEY environment variable on the server. Connection status and the participant list keep working.',
  boardError: 'Something went wrong while loading the board. Please reload the page.',

  notFound: 'Page not found.',

  viewsLabel: 'Views',
  tabBoard: 'Board',
  tabLists: 'Lists',
  tabQuadrant: 'Quadrants',
  tabGraph: 'Relationship graph',
  tabPlan: 'Support plan',
  sidePanelHide: 'Hide panel',
  sidePanelShow: 'Show panel',
  sidePanelTitle: 'Shows or hides the right-hand panel (card editing and adding, legend, participants); hidden, the board or the graph gets the room',
  sidePanelLabel: 'Side panel',
}

export const appText = defineCatalog('app', ja, en)

const LANG_KEY = 'jusou-lang'

export function loadLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY)
    if (stored === 'ja' || stored === 'en') return stored
  } catch {
    // storage may be disabled; fall through to Japanese
  }
  return 'ja'
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    // not fatal: the choice just is not remembered
  }
}

export interface I18n {
  lang: Lang
  setLang: (lang: Lang) => void
}

export const I18nContext = createContext<I18n>({ lang: 'ja', setLang: () => {} })

export function useI18n(): I18n {
  return useContext(I18nContext)
}

/** The strings of one catalog (shared/i18n/catalog.ts) in the participant's language. */
export function useCatalog<K extends string>(catalog: Catalog<K>): Readonly<Record<K, string>> {
  return inLang(catalog, useContext(I18nContext).lang)
}
