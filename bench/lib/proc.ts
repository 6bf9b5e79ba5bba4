import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

let clkTck: number | null = null

/** Clock ticks per second used by /proc/<pid>/stat (`getconf CLK_TCK`, normally 100). */
export function clockTicks(): number {
  if (clkTck === null) {
    try {
      clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clkTck = 100
    }
  }
  return clkTck
}

interface StatFields {
  pgrp: number
  /** utime + stime + cutime + cstime, in ticks. */
  ticks: number
}

function readStat(pid: number): StatFields | null {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // The command name (field 2) may contain spaces; everything after the last ')' is fixed.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ')
  // rest[0] is field 3 (state); field n is rest[n - 3].
  const pgrp = Number(rest[5 - 3])
  const utime = Number(rest[14 - 3])
  const stime = Number(rest[15 - 3])
  const cutime = Number(rest[16 - 3])
  const cstime = Number(rest[17 - 3])
  return { pgrp, ticks: utime + stime + cutime + cstime }
}

/** Pids of every live process in process group `pgid` (the server is spawned as a group leader,
 *  so this covers any worker processes it might start). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = []
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid <= 0) continue
    if (pid === pgid) {
      pids.push(pid)
      continue
    }
    const st = readStat(pid)
    if (st && st.pgrp === pgid) pids.push(pid)
  }
  return pids
}

/** CPU seconds (user + system, including reaped children) of the whole process group. */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0
  for (const pid of groupPids(pgid)) ticks += readStat(pid)?.ticks ?? 0
  return ticks / clockTicks()
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/** CPU seconds (user + system) of one process. */
export function pidCpuSeconds(pid: number): number {
  return (readStat(pid)?.ticks ?? 0) / clockTicks()
}

/** Current RSS of the group in bytes. */
export function groupRssBytes(pgid: number): number {
  let kb = 0
  for (const pid of groupPids(pgid)) kb += statusKb(pid, 'VmRSS')
  return kb * 1024
}

/** Kernel-tracked peak RSS (VmHWM) of the group, in bytes (sum over members). */
export function groupPeakRssBytes(pgid: number): number {
  let kb = 0
  for (const pid of groupPids(pgid)) kb += statusKb(pid, 'VmHWM')
  return kb * 1024
}

/** Whole-machine CPU time from /proc/stat, in seconds: `task` = user + nice + system + steal
 *  (time charged to processes), `irq` = irq + softirq (largely our own loopback TCP traffic). */
export function machineCpuSeconds(): { task: number; irq: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] // "cpu  user nice system idle iowait irq softirq steal ..."
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number)
    return { task: (user + nice + system + (steal || 0)) / clockTicks(), irq: (irq + softirq) / clockTicks() }
  } catch {
    return { task: 0, irq: 0 }
  }
}
