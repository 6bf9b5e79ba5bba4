import { defineCatalog } from './catalog.ts'

/**
 * Messages of the HTTP API's error bodies (shared/rooms.ts ApiErrorBody: `message` is the
 * Japanese, `messageEn` the English of one key, see server/http/errors.ts). Each says what to
 * do. The access messages are the same sentences the room page shows when the WebSocket
 * closes with 4401 / 4403 / 4404 (closeCodeCatalog in shared/i18n/rooms.ts).
 */
export const apiErrorCatalog = defineCatalog(
  'api.error',
  {
    missingToken: 'アクセス用の鍵がありません。招待されたリンクをそのまま開いてください。',
    forbidden: 'このリンクではルームに入れません。ファシリテーターに正しいリンクを確認してください。',
    roomNotFound: 'ルームが見つかりません。リンクが正しいか確認してください。',
    bodyTooLarge: '送信内容が大きすぎます。タイトルを短くしてください。',
    invalidJson: 'リクエストの形式が正しくありません（JSON）。',
    invalidRoomKind: 'ルームの種類は「ケース検討」「地域資源マップ」「研修」から選んでください。',
    invalidRoom: 'タイトルと種類を入力してください。',
    notFound: 'そのAPIはありません。',
    invalidPersonsQuery: 'persons には 0（人物を除く）か 1（人物を含む）を指定してください。',
    invalidLangQuery: 'lang には ja（日本語）か en（英語）を指定してください。',
    personsNeedEditLink:
      '閲覧用リンクでは人物を除いた書き出しだけができます。URL に ?persons=0 を付けてください（人物を含めるには編集用かファシリテーター用のリンクが必要です）。',
    unsupportedMediaType: '送信形式が正しくありません。アプリの画面から操作してください（JSON で送ってください）。',
    foreignOrigin: '別のサイトからの操作は受け付けていません。このアプリの画面から操作してください。',
    rateLimited: '{what}が短時間に多すぎます。{wait}ほど待ってからやり直してください。',
    rateLimitedGlobal:
      'このサーバーで{what}が短時間に多すぎます。{wait}ほど待ってからやり直してください。急ぐときはサーバーの管理者に連絡してください。',
    waitSecond: '1秒',
    waitSeconds: '{seconds}秒',
    waitMinutes: '{minutes}分',
    facilitatorOnly: 'この操作はファシリテーター用のリンクでだけできます。ファシリテーターに依頼してください。',
    versionNotFound: 'その版は見つかりません。履歴を開き直して、一覧から選んでください。',
    invalidRecord: '会議記録の内容が正しくありません。タイトル（必須）、日付（任意）、出席者の所属（任意）を JSON で送ってください。',
    invalidRecordTitle: '会議記録のタイトルを{max}文字以内で入力してください（空白だけにはできません）。',
    invalidRecordDate: '会議の日付は 2025-04-01 のように「年-月-日」で、実在する日付を指定してください。',
    invalidRecordAttendees:
      '出席者は所属（機関・部署名）の一覧で、{maxCount}件まで、1件{maxLength}文字以内で指定してください。個人の氏名は入れないでください。',
    recordTooLarge: '送信内容が大きすぎます。タイトルと出席者の一覧を短くしてください。',
    recordNotFound: 'その会議記録は見つかりません。記録の一覧を開き直して、そこから選んでください。',
    roomFileTooLarge: 'ファイルが大きすぎます。このサーバーが受け付けるのは {mb} MB までです。',
    invalidClosure: '終結の理由を{max}文字以内で入力してください（空白だけにはできません）。',
    closureTooLarge: '送信内容が大きすぎます。終結の理由を短くしてください。',
    alreadyClosed: 'この事例はすでに終結しています。画面を再読み込みして、終結の理由と日時を確かめてください。',
    notClosed: 'この事例は終結していないため、再開する必要はありません。画面を再読み込みして状態を確かめてください。',
    closureCaseOnly: '終結できるのはケース検討のルームだけです。この部屋（地域資源マップ・研修）には終結はありません。事例を終結するには、そのケース検討のルームの「支援プラン」タブから行ってください。',
    caseClosed: 'この事例は終結しているため変更できません。変更するには、先にファシリテーターが終結を取り消して事例を再開してください。',
    limitedRequests: 'リクエスト',
    limitedRoomCreation: 'ルームの作成',
    serverError: 'サーバーで問題が起きました。しばらくしてからやり直してください。',
    clientNotBuilt: 'クライアントがビルドされていません。`npm run build` を実行してから起動してください。',
  },
  {
    missingToken: 'There is no access key. Open the invitation link exactly as you received it.',
    forbidden: 'This link does not let you into the room. Please check with the facilitator that you have the right link.',
    roomNotFound: 'The room was not found. Please check that the link is correct.',
    bodyTooLarge: 'The request is too large. Please shorten the title.',
    invalidJson: 'The request is not in the expected form (JSON).',
    invalidRoomKind: 'Choose the kind of room: case review, community resource map or training.',
    invalidRoom: 'Please enter a title and choose the kind of room.',
    notFound: 'There is no such API endpoint.',
    invalidPersonsQuery: 'Set persons to 0 (leave persons out) or 1 (include persons).',
    invalidLangQuery: 'Set lang to ja (Japanese) or en (English).',
    personsNeedEditLink:
      'A view-only link can download the map only without persons: add ?persons=0 to the URL (including persons needs an edit or facilitator link).',
    unsupportedMediaType: 'The request is not in the expected form. Please use the app’s own pages (send JSON).',
    foreignOrigin: 'Requests from another website are not accepted. Please use this app’s own pages.',
    rateLimited: 'Too many {what} in a short time. Please wait {wait} and try again.',
    rateLimitedGlobal:
      'Too many {what} on this server in a short time. Please wait {wait} and try again; if it is urgent, contact the server’s administrator.',
    waitSecond: '1 second',
    waitSeconds: '{seconds} seconds',
    waitMinutes: '{minutes} minutes',
    facilitatorOnly: 'Only a facilitator link can do this. Please ask the facilitator.',
    versionNotFound: 'That version was not found. Reopen the history and choose one from the list.',
    invalidRecord: 'The meeting record is not in the expected form. Send JSON with a title (required), a date and the attendees’ organisations (both optional).',
    invalidRecordTitle: 'Enter a title for the meeting record of at most {max} characters (not only spaces).',
    invalidRecordDate: 'Give the meeting date as year-month-day, like 2025-04-01, and make it a real date.',
    invalidRecordAttendees:
      'List the attendees by organisation or department, at most {maxCount} entries of at most {maxLength} characters each. Do not include personal names.',
    recordTooLarge: 'The request is too large. Please shorten the title and the list of attendees.',
    recordNotFound: 'That meeting record was not found. Reopen the list of records and choose one from it.',
    roomFileTooLarge: 'The file is too large: this server accepts up to {mb} MB.',
    invalidClosure: 'Enter the reason for closing the case, at most {max} characters (not only spaces).',
    closureTooLarge: 'The request is too large. Please shorten the reason for closing the case.',
    alreadyClosed: 'This case is already closed. Reload the page to see when and why it was closed.',
    notClosed: 'This case is not closed, so there is nothing to reopen. Reload the page to see its current state.',
    closureCaseOnly: 'Only a case review room can be closed. This room (a community resource map or a training room) has no closure: close a case from the Support plan tab of its case review room.',
    caseClosed: 'This case is closed and cannot be changed. To change it, the facilitator must first reopen the case.',
    limitedRequests: 'requests',
    limitedRoomCreation: 'rooms created',
    serverError: 'Something went wrong on the server. Please try again in a little while.',
    clientNotBuilt: 'The client has not been built. Run `npm run build`, then start the server.',
  },
)

export type ApiErrorKey = keyof (typeof apiErrorCatalog)['ja']
