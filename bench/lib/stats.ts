import type { Percentiles } from './protocol'

/** Append-only float list without per-push allocation. */
export class FloatList {
  private buf: Float64Array
  length = 0
  constructor(initial = 1 << 16) {
    this.buf = new Float64Array(initial)
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2)
      next.set(this.buf)
      this.buf = next
    }
    this.buf[this.length++] = v
  }
  clear(): void {
    this.length = 0
  }
  values(): Float64Array {
    return this.buf.subarray(0, this.length)
  }
}

const round = (v: number): number => Math.round(v * 100) / 100

/** Nearest-rank percentile p (0–100) of unsorted values; NaN when there are none. */
export function quantile(values: ArrayLike<number>, p: number): number {
  const n = values.length
  if (n === 0) return NaN
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]
}

/** Nearest-rank percentiles. */
export function percentiles(list: FloatList): Percentiles {
  const n = list.length
  if (n === 0) return { count: 0, p50: null, p95: null, p99: null, max: null, mean: null }
  const sorted = Float64Array.from(list.values()).sort()
  const at = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]
  let sum = 0
  for (let i = 0; i < n; i++) sum += sorted[i]
  return {
    count: n,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[n - 1]),
    mean: round(sum / n),
  }
}

/** Render rows as a fixed-width text table (first row = header). */
export function table(rows: string[][], rightAlignFrom = 2): string {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)))
  const line = (row: string[]) =>
    row.map((cell, i) => (i >= rightAlignFrom ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')]
  for (const row of rows.slice(1)) out.push(line(row))
  return out.join('\n')
}
