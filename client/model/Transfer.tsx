import { useRef, useState } from 'react'
import { ExcludePersonsOption, useExcludePersons } from './ExcludePersonsOption'
import type * as Y from 'yjs'
import type { RoomKind } from '../../shared/rooms'
import { collection } from '../../shared/model/doc'
import { applyImport, exportModel, ImportFormatError, parseImport, type ParsedImport } from '../../shared/model/transfer'
import caseSample from '../../shared/samples/case-8050.json'
import communitySample from '../../shared/samples/community-platform.json'
import wideSample from '../../shared/samples/wide-area-prefecture.json'
import { downloadText, safeFileName } from '../downloads'
import { fill } from '../../shared/i18n/catalog'
import type { RecordKind } from '../../shared/model/schema'
import { useCatalog, useI18n } from '../i18n'
import { ConfirmDialog } from './ConfirmDialog'
import { modelText, type ModelTextKey } from './labels'

const samples: { key: string; label: ModelTextKey; json: unknown }[] = [
  { key: 'case', label: 'sampleCase', json: caseSample },
  { key: 'community', label: 'sampleCommunity', json: communitySample },
  { key: 'wide', label: 'sampleWide', json: wideSample },
]

/**
 * Export the model as JSON; import a file or a sample through one path: parse, show the
 * report (what will be imported, what is rejected and why, what to check), then apply on
 * confirmation. Importing adds to the map (applyImport with replace: false: records with the
 * same id are updated, the rest kept); replacing the map is a choice of its own, asked again. `canExportPersons` is false for a view link: it may export only without persons.
 */
export function Transfer({
  doc,
  canEdit,
  canExportPersons,
  roomKind,
  roomTitle,
  origin,
}: {
  doc: Y.Doc
  canEdit: boolean
  canExportPersons: boolean
  roomKind: RoomKind
  roomTitle: string
  origin?: unknown
}) {
  const { lang } = useI18n()
  const L = useCatalog(modelText)
  const [excludePersons, setExcludePersons] = useExcludePersons(canExportPersons)
  const [pending, setPending] = useState<ParsedImport | null>(null)
  const [replace, setReplace] = useState(false)
  const [confirmingReplace, setConfirmingReplace] = useState(false)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const download = () => {
    const data = exportModel(doc, { includePersons: !excludePersons, roomKind })
    downloadText(JSON.stringify(data, null, 2), 'application/json', `${exportFileBase(roomTitle, roomKind, excludePersons, L)}.json`)
  }

  const prepare = (json: unknown) => {
    try {
      setPending(parseImport(json, { roomKind }))
      // Each import starts from adding: replacing is chosen for one import at a time.
      setReplace(false)
      setMessage(null)
    } catch (err) {
      setPending(null)
      setMessage({ error: true, text: err instanceof ImportFormatError ? err.messageIn(lang) : L.importReadError })
    }
  }

  const readFile = async (file: File) => {
    try {
      prepare(JSON.parse(await file.text()))
    } catch {
      setMessage({ error: true, text: L.importReadError })
    }
  }

  const apply = () => {
    if (!pending) return
    setConfirmingReplace(false)
    applyImport(doc, pending.model, { replace }, origin)
    setMessage({ error: false, text: fill(L.importDone, { counts: counts(pending.report.accepted) }) })
    setPending(null)
  }

  const counts = (a: ParsedImport['report']['accepted']) => fill(L.importCounts, a)
  const currentCounts = () =>
    counts({ actors: collection(doc, 'actor').size, persons: collection(doc, 'person').size, relations: collection(doc, 'relation').size })
  const kindText: Record<RecordKind, string> = {
    actor: L.recordActor,
    person: L.recordPerson,
    relation: L.recordRelation,
    info: L.recordInfo,
  }
  const where = (item: { kind: RecordKind; index: number | null }) =>
    item.index === null ? kindText[item.kind] : fill(L.itemAt, { kind: kindText[item.kind], index: item.index })
  const text = (item: { message: string; messageEn: string }) => (lang === 'en' ? item.messageEn : item.message)

  return (
    <section className="transfer" aria-labelledby="transfer-heading" data-testid="transfer">
      <h3 id="transfer-heading">{L.transferHeading}</h3>
      <div className="transfer-row">
        <button type="button" onClick={download}>
          {L.exportJson}
        </button>
        <ExcludePersonsOption
          label={L.excludePersons}
          exclude={excludePersons}
          canExportPersons={canExportPersons}
          onChange={setExcludePersons}
          forcedHintId="transfer-persons-forced"
          className="inline"
          testId="export-exclude-persons"
        />
      </div>
      {!canExportPersons && (
        <p className="forced-hint" id="transfer-persons-forced" data-testid="export-persons-forced">
          {L.excludePersonsForced}
        </p>
      )}
      {canEdit && (
        <div className="transfer-row">
          <button type="button" onClick={() => fileInput.current?.click()}>
            {L.importJson}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void readFile(file)
              e.target.value = ''
            }}
          />
          <select
            aria-label={L.loadSample}
            value=""
            data-testid="load-sample"
            onChange={(e) => {
              const sample = samples.find((s) => s.key === e.target.value)
              if (sample) prepare(sample.json)
            }}
          >
            <option value="">{L.loadSample}…</option>
            {samples.map((s) => (
              <option key={s.key} value={s.key}>
                {L[s.label]}
              </option>
            ))}
          </select>
        </div>
      )}
      {message && (
        <p className={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {pending && (
        <div className="import-preview" role="dialog" aria-labelledby="import-preview-heading" data-testid="import-preview">
          <h4 id="import-preview-heading">{L.importPreview}</h4>
          <p>{fill(L.importAccepted, { counts: counts(pending.report.accepted) })}</p>
          {pending.report.rejected.length > 0 && (
            <>
              <p>{L.importRejected}:</p>
              <ul className="rejections">
                {pending.report.rejected.map((r, i) => (
                  <li key={i}>
                    {where(r)} {r.id && <code>{r.id}</code>} — {text(r)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {pending.report.warnings.length > 0 && (
            <>
              <p>{L.importWarnings}:</p>
              <ul className="rejections" data-testid="import-warnings">
                {pending.report.warnings.map((w, i) => (
                  <li key={i} className="personal-info-warning">
                    {where(w)} {w.id && <code>{w.id}</code>} — {text(w)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <fieldset className="import-mode" data-testid="import-mode">
            <legend>{L.importModeLegend}</legend>
            <label>
              <input type="radio" name="import-mode" value="add" checked={!replace} onChange={() => setReplace(false)} data-testid="import-mode-add" />
              <span>
                {L.importModeMerge}
                <span className="hint">{L.importModeMergeHint}</span>
              </span>
            </label>
            <label>
              <input type="radio" name="import-mode" value="replace" checked={replace} onChange={() => setReplace(true)} data-testid="import-mode-replace" />
              <span>
                {L.importModeReplace}
                <span className="hint">{L.importModeReplaceHint}</span>
              </span>
            </label>
          </fieldset>
          <button type="button" className="primary" onClick={() => (replace ? setConfirmingReplace(true) : apply())} data-testid="import-apply">
            {replace ? L.importModeReplace : L.importApply}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {L.importCancel}
          </button>
        </div>
      )}
      {pending && confirmingReplace && (
        <ConfirmDialog
          title={L.importReplaceTitle}
          confirmLabel={L.importReplaceConfirm}
          cancelLabel={L.importReplaceCancel}
          testId="import-replace-confirm"
          onCancel={() => setConfirmingReplace(false)}
          onConfirm={apply}
        >
          <p>{L.importModeReplaceHint}</p>
          <p>{fill(L.importReplaceBody, { counts: currentCounts() })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/**
 * A case room's title names the household (「Aさん世帯（8050・生活困窮）」), so a file written
 * without persons does not carry it in its name either; a district map's title is kept.
 */
function exportFileBase(roomTitle: string, roomKind: RoomKind, excludePersons: boolean, L: Readonly<Record<ModelTextKey, string>>): string {
  if (excludePersons && roomKind !== 'community') return `${L.mapFileName}_${L.noPersonsFileName}_${new Date().toISOString().slice(0, 10)}`
  return safeFileName(roomTitle, { fallback: 'map' }) + (excludePersons ? `_${L.noPersonsFileName}` : '')
}
