/**
 * Whether a side panel is open (the room's side panel, the graph's analysis), remembered in this
 * browser for every room: a participant on a tablet folds a panel once, not in every meeting.
 * Until they choose, a panel starts open only where the window leaves the board or the graph
 * most of the width beside it.
 */
import { useCallback, useState } from 'react'

export type PanelName = 'room-side' | 'graph-analysis'

const KEY = 'jusou-panels'

/** Narrowest window (CSS px) at which a panel starts open: 900 leaves a tablet in portrait its full width. */
export const openFrom: Readonly<Record<PanelName, number>> = {
  'room-side': 900,
  'graph-analysis': 1280,
}

type Remembered = Partial<Record<PanelName, boolean>>

function remembered(): Remembered {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}')
    return value && typeof value === 'object' ? (value as Remembered) : {}
  } catch {
    return {}
  }
}

function remember(name: PanelName, open: boolean): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...remembered(), [name]: open }))
  } catch {
    // storage disabled or full: the panel just starts as by default next time
  }
}

/** The panel's state on opening: the participant's last choice, else what suits the window. */
export function initialPanelOpen(name: PanelName, windowWidth: number): boolean {
  const choice = remembered()[name]
  return typeof choice === 'boolean' ? choice : windowWidth >= openFrom[name]
}

export function usePanelOpen(name: PanelName): [boolean, (next: boolean | ((open: boolean) => boolean)) => void] {
  const [open, setOpen] = useState(() => initialPanelOpen(name, window.innerWidth))
  const set = useCallback(
    (next: boolean | ((open: boolean) => boolean)) => {
      setOpen((current) => {
        const value = typeof next === 'function' ? next(current) : next
        remember(name, value)
        return value
      })
    },
    [name],
  )
  return [open, set]
}
