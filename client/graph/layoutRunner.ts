/**
 * Runs a layout on the live instance: preset positions are animated into place, fcose runs on
 * cytoscape. A run that a newer one replaced (a new layout while animating) ends silently. The
 * canvas carries data-layout-run (a counter) and data-layout-state (running / done) so that the
 * browser tests can wait for a layout to settle. Every run ends with labelFit's settleLabels:
 * the view fitted and no two labels overlapping.
 */
import type cytoscape from 'cytoscape'
import type { Core } from 'cytoscape'
import type { GraphElements } from '../../shared/graph/derive'
import { settleLabels } from './labelFit'
import { stretchTo } from './labelSpacing'
import { ANIMATION_MS, fcoseOptions, fitView, needsLayout, presetPositions, type LaidOut } from './layout'
import { ghostTargets } from './overlaySync'
import { loadPositions } from './positions'

export interface LayoutRequest extends LaidOut {
  roomId: string
  /** The set of nodes or their grouping changed (elementDiff's structureChanged). */
  structureChanged: boolean
  graph: GraphElements
  sizes: Map<string, number>
}

/** One per graph view, kept across cytoscape instances so that data-layout-run keeps counting. */
export class LayoutRunner {
  private gen = 0
  private running: cytoscape.Layouts | null = null
  private laidOut: LaidOut | null = null

  /** Before the instance is destroyed: the next instance lays out from scratch. */
  reset() {
    this.running?.stop()
    this.laidOut = null
  }

  /**
   * The view changed size or its labels did (presentation mode): the nodes stay where they are,
   * spaced again for the new label size, counted as a run so that tests can wait for it.
   */
  resettle(cy: Core) {
    // A layout still running settles at its end, at the new size.
    if (cy.nodes().length === 0 || cy.container()?.getAttribute('data-layout-state') === 'running') return
    const gen = ++this.gen
    const canvas = cy.container()
    canvas?.setAttribute('data-layout-state', 'running')
    canvas?.setAttribute('data-layout-run', String(gen))
    cy.resize()
    settleLabels(cy, { animate: false })
    canvas?.setAttribute('data-layout-state', 'done')
  }

  /** Lays out again if the policy asks for it (layout.ts needsLayout); otherwise nothing moves. */
  update(cy: Core, { roomId, layout, tick, structureChanged, graph, sizes }: LayoutRequest) {
    const last = this.laidOut
    if (!needsLayout(last, { layout, tick }, structureChanged)) return
    if (cy.nodes().length === 0) {
      this.laidOut = { layout, tick }
      return
    }
    // A new layout takes over from one still animating: stop it and every node animation.
    const gen = ++this.gen
    const current = () => this.gen === gen
    // The canvas element: the instance's container (the same element for every instance of a view).
    const canvas = cy.container()
    const done = () => {
      if (current()) canvas?.setAttribute('data-layout-state', 'done')
    }
    this.running?.stop()
    this.running = null
    cy.elements().stop(true, false)
    cy.stop(true, false)
    canvas?.setAttribute('data-layout-state', 'running')
    canvas?.setAttribute('data-layout-run', String(gen))
    this.laidOut = { layout, tick }
    const first = last === null
    // The user's own positions for this layout win over the computed ones.
    const saved = loadPositions(roomId, layout)
    const computed = presetPositions(layout, graph, sizes)
    // 記録と比較's ghost nodes are not in the graph: they follow the cards they were tied to.
    const ghosted = computed && ghostTargets(cy, computed)
    if (ghosted) {
      // The computed rings stretched to the view's shape (labelSpacing.stretchTo); the user's own
      // positions are kept as they were placed, and then nothing is stretched.
      const hasSaved = Object.keys(saved).length > 0
      const targets = hasSaved || cy.height() === 0 ? ghosted : stretchTo(ghosted, cy.width() / cy.height())
      for (const [id, p] of Object.entries(saved)) if (targets.has(id)) targets.set(id, p)
      const view = fitView(cy, [...targets.values()])
      const childless = cy.nodes(':childless')
      if (first) {
        cy.batch(() => childless.forEach((n) => void (targets.has(n.id()) && n.position(targets.get(n.id())!))))
        settleLabels(cy, { animate: false })
        done()
      } else {
        childless.forEach((n) => {
          const p = targets.get(n.id())
          if (p) n.animate({ position: p }, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' })
        })
        // Aim the viewport at the estimate while nodes move, then fit exactly (labels included).
        cy.animate(view, { duration: ANIMATION_MS, easing: 'ease-in-out-cubic' })
        window.setTimeout(() => {
          if (!current()) return
          settleLabels(cy, { animate: true })
          window.setTimeout(done, 220)
        }, ANIMATION_MS + 30)
      }
      return
    }
    const run = cy.elements().layout(fcoseOptions(first, graph.nodes.length))
    this.running = run
    run.one('layoutstop', () => {
      if (!current()) return
      this.running = null
      for (const [id, p] of Object.entries(saved)) {
        const n = cy.getElementById(id)
        if (n.nonempty() && n.isChildless()) n.position(p)
      }
      // fcose makes a roundish map; nothing the user placed by hand is stretched.
      settleLabels(cy, { animate: !first, stretch: Object.keys(saved).length === 0 })
      window.setTimeout(done, first ? 0 : 220)
    })
    run.run()
  }
}
