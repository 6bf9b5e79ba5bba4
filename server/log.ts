/**
 * Structured one-line JSON logs. Callers pass ids and counts only: never titles, names,
 * tokens or document content (case maps hold personal data).
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

export function createLogger(quiet = false): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    if (quiet && level === 'info') return
    process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }) + '\n')
  }
  return {
    info: (event, fields) => write('info', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}
