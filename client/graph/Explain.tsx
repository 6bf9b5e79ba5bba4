/** The analysis panel's figures and the one plain sentence each shows beside it. */

export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–'
}

export function Explain({ text }: { text: string }) {
  return <p className="graph-explain">{text}</p>
}
