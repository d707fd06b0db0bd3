// Shared helpers of the benchmark harness: statistics, formatting, Markdown tables.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const benchDir = path.dirname(fileURLToPath(import.meta.url))
export const rootDir = path.resolve(benchDir, '../..')
/** A copy of `dist/` taken right after the build, so a rebuild elsewhere cannot change it mid-run. */
export const pkgDir = path.join(benchDir, '.dist/pkg')
export const pageOutDir = path.join(benchDir, '.dist/page')

/** The value at quantile q (0…1) of sorted numbers, interpolated linearly. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

/** Median, min, max, p25 and p75 of a list of samples. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted.at(-1),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    samples,
  }
}

/** `12.3` with a sensible number of digits for milliseconds. */
export function ms(value) {
  if (!Number.isFinite(value)) return '–'
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** `median (min–max)` in milliseconds. */
export function msSpread(s) {
  return `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
export const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`
export const int = (value) => Math.round(value).toLocaleString('en-US')

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows, align) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  const sep = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'))
  return [line(header), line(sep), ...rows.map(line)].join('\n')
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The installed version of a package (from its package.json in node_modules). */
export function versionOf(name) {
  try {
    return readJson(path.join(rootDir, 'node_modules', name, 'package.json')).version
  } catch {
    return 'not installed'
  }
}

/** Runs a command in the project root, inheriting the terminal; throws on failure. */
export function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: rootDir, stdio: 'inherit', ...options })
}

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`)
}

export const verdict = (met) => (met ? '**met**' : '**not met**')

/** Self time per function from a V8 CPU profile, top `count`, with the module each is in (`moduleOf(callFrame)`). */
export function topSelfTime(profile, moduleOf, count = 10) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
    total += delta
    const frame = byId.get(profile.samples[i]).callFrame
    const name = frame.functionName || '(anonymous)'
    const where = frame.url ? moduleOf(frame) : ''
    const key = `${name}\u0000${where}`
    self.set(key, (self.get(key) ?? 0) + delta)
  }
  const rows = [...self]
    .map(([key, time]) => {
      const [name, where] = key.split('\u0000')
      return { name, where, time }
    })
    .filter((row) => row.name !== '(idle)')
    .sort((a, b) => b.time - a.time)
  const busy = rows.reduce((sum, row) => sum + row.time, 0)
  // Self time per module: a source file of ours, a package, or a V8 bucket like (program).
  const modules = {}
  for (const row of rows) {
    const file = row.where.replace(/:\d+$/, '')
    const module = !file
      ? row.name.startsWith('(')
        ? row.name
        : '(native)'
      : file.startsWith('src/')
        ? file
        : file.startsWith('@')
          ? file.split('/').slice(0, 2).join('/')
          : file.split('/')[0]
    modules[module] = (modules[module] ?? 0) + row.time
  }
  // Every function of our own source, for the Findings.
  const ours = rows.filter((row) => row.where.startsWith('src/'))
  return { total, busy, top: rows.slice(0, count), modules, ours }
}

/** A top-10 self-time table of a CPU profile summary from {@link topSelfTime}. */
export function selfTimeTable(summary) {
  return table(
    ['function', 'module', 'self ms', 'share'],
    summary.top.map((row) => [
      `\`${row.name}\``,
      row.where ? `\`${row.where}\`` : '',
      ms(row.time),
      `${((100 * row.time) / summary.busy).toFixed(0)} %`,
    ]),
    ['l', 'l', 'r', 'r'],
  )
}

/**
 * Waits (at most `maxWait` ms) until the 1-minute load average is no more than the core count:
 * other work on a shared machine (a test run, say) skews the timings. Returns the load it started at.
 */
export async function waitForQuiet(phase, maxWait = 20_000) {
  const limit = os.cpus().length
  const start = Date.now()
  const load = os.loadavg()[0]
  if (load > limit)
    log(`${phase}: load average ${load.toFixed(1)} on ${limit} cores, waiting up to ${maxWait / 1000} s`)
  while (os.loadavg()[0] > limit && Date.now() - start < maxWait) {
    await new Promise((resolve) => setTimeout(resolve, 3000))
  }
  return load
}
