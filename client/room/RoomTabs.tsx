/**
 * The room's tab bar: the views (a WAI-ARIA tablist with a roving tabindex, so Tab reaches the
 * chosen tab and the arrow keys, Home and End move between tabs and show them), and the button
 * that folds the side panel away so that the board or the graph gets the width.
 */
import { useRef, type KeyboardEvent } from 'react'

export interface RoomTab<V extends string> {
  id: V
  label: string
}

interface RoomTabsProps<V extends string> {
  tabs: readonly RoomTab<V>[]
  current: V
  onSelect: (view: V) => void
  label: string
  side: { open: boolean; onToggle: () => void; showText: string; hideText: string; title: string }
}

/** The tab a key moves to from index `at` of `count` tabs, or null for any other key. */
export function tabAfterKey(key: string, at: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count
    case 'ArrowLeft':
      return (at - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

export function RoomTabs<V extends string>({ tabs, current, onSelect, label, side }: RoomTabsProps<V>) {
  const buttons = useRef(new Map<V, HTMLButtonElement>())

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, at: number) => {
    const next = tabAfterKey(e.key, at, tabs.length)
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return
    e.preventDefault()
    const tab = tabs[next]
    onSelect(tab.id)
    buttons.current.get(tab.id)?.focus()
  }

  return (
    <div className="room-tabbar">
      <div className="room-tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, at) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el)
              else buttons.current.delete(tab.id)
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={current === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={current === tab.id ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(e) => onKeyDown(e, at)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="side-toggle"
        aria-expanded={side.open}
        aria-controls="room-side"
        title={side.title}
        data-testid="side-toggle"
        onClick={side.onToggle}
      >
        <svg className="side-toggle-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
          <rect x="9.5" y="3" width="4.5" height="10" fill={side.open ? 'currentColor' : 'none'} opacity="0.45" />
          <line x1="9.5" y1="2.5" x2="9.5" y2="13.5" stroke="currentColor" />
        </svg>
        {side.open ? side.hideText : side.showText}
      </button>
    </div>
  )
}
