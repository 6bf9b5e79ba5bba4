/**
 * 記録と比較: the room's meeting records, the one chosen, its map (fetched once), and its
 * comparison with the map now, recomputed on the client whenever the live model changes, so the
 * overlay follows the room as people edit.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { compareModels, type ModelComparison } from '../../shared/history/diff'
import type { RecordInfo } from '../../shared/history/records'
import type { MapModel } from '../../shared/model/schema'
import type { RoomKind } from '../../shared/rooms'
import { fetchRecordModel, fetchRecords } from './compare-api'

export interface RecordComparisonState {
  /** null until the list has loaded (or when it could not). */
  records: RecordInfo[] | null
  /** The chosen record's id, '' for 比較しない. */
  chosen: string
  choose: (recordId: string) => void
  /** Loads the list again (a record saved since the tab opened). */
  refresh: () => void
  loading: boolean
  /** The last failure (list or record), shown in the reader's language. */
  error: unknown
  record: RecordInfo | null
  /** The record's map: also drawn from, for the ghosts of what the map no longer has. */
  recordModel: MapModel | null
  comparison: ModelComparison | null
}

export function useRecordComparison(options: { roomId: string; token: string; roomKind: RoomKind; includePersons: boolean; model: MapModel }): RecordComparisonState {
  const { roomId, token, roomKind, includePersons, model } = options
  // Everything below belongs to one room and link: another one starts over (nothing chosen).
  const scope = `${roomId}\n${token}`
  const [list, setList] = useState<{ scope: string; records: RecordInfo[] } | null>(null)
  const [choice, setChoice] = useState<{ scope: string; id: string } | null>(null)
  const [loaded, setLoaded] = useState<{ scope: string; id: string; model: MapModel } | null>(null)
  const [status, setStatus] = useState<{ scope: string; loading: boolean; error: unknown } | null>(null)
  // Only the latest choice may set the record: an earlier, slower answer is dropped.
  const pending = useRef<AbortController | null>(null)

  const refresh = useCallback(() => {
    fetchRecords(roomId, token).then(
      (records) => setList({ scope, records }),
      (error: unknown) => setStatus({ scope, loading: false, error }),
    )
  }, [roomId, token, scope])

  useEffect(() => {
    refresh()
    return () => pending.current?.abort()
  }, [refresh])

  const choose = useCallback(
    (recordId: string) => {
      pending.current?.abort()
      setChoice({ scope, id: recordId })
      if (!recordId) {
        setStatus(null)
        return
      }
      const controller = new AbortController()
      pending.current = controller
      setStatus({ scope, loading: true, error: null })
      fetchRecordModel(roomId, token, recordId, { includePersons, roomKind }, controller.signal).then(
        (m) => {
          if (controller.signal.aborted) return
          setLoaded({ scope, id: recordId, model: m })
          setStatus(null)
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setStatus({ scope, loading: false, error })
        },
      )
    },
    [roomId, token, scope, includePersons, roomKind],
  )

  const records = list?.scope === scope ? list.records : null
  const chosen = choice?.scope === scope ? choice.id : ''
  const current = status?.scope === scope ? status : null
  const recordModel = loaded && loaded.scope === scope && loaded.id === chosen && !current?.loading ? loaded.model : null
  const comparison = useMemo(() => (recordModel ? compareModels(recordModel, model, { includePersons, roomKind }) : null), [recordModel, model, includePersons, roomKind])
  const record = records?.find((r) => r.id === chosen) ?? null
  return { records, chosen, choose, refresh, loading: current?.loading ?? false, error: current?.error ?? null, record, recordModel, comparison }
}
