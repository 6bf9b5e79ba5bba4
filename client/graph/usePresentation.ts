/**
 * 発表モード of the graph view: the view full screen through the Fullscreen API where the
 * browser allows it, else the same view over the whole window (CSS). Esc leaves either way, and
 * so does leaving full screen by the browser's own means.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react'

export function usePresentation(ref: RefObject<HTMLElement | null>) {
  // When presentation mode began (the date shown under the title), null when not presenting.
  const [since, setSince] = useState<Date | null>(null)
  const presenting = since !== null

  const enter = useCallback(() => {
    setSince(new Date())
    const el = ref.current
    if (el && document.fullscreenEnabled && !document.fullscreenElement) {
      // Refused (a policy, an iframe): the full-window overlay stays.
      el.requestFullscreen().catch(() => {})
    }
  }, [ref])

  const leave = useCallback(() => {
    setSince(null)
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {})
  }, [])

  useEffect(() => {
    if (!presenting) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      leave()
    }
    const onChange = () => {
      if (!document.fullscreenElement) setSince(null)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('fullscreenchange', onChange)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('fullscreenchange', onChange)
    }
  }, [presenting, leave])

  return { presenting, since, enter, leave }
}
