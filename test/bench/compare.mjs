#!/usr/bin/env node
// `npm run bench:compare -- <ref>`: the 10,000-row rendering cases (mount, the three sorts, the
// filter) of this checkout beside those of another commit, in one browser, interleaved run by
// run (A B, then B A, …), so a slow spell of a shared machine hits both sides alike. Prints a
// Markdown table with the load average; BENCHMARKS.md is left alone (quote the table where a
// change needs it, as its commit message does).
//
//   npm run bench:compare -- main                    this checkout (A) against main (B)
//   npm run bench:compare -- HEAD                    the same code twice: how noisy the machine is
//   npm run bench:compare -- main --runs 9           runs per side and table (the first is a warm-up)
//   npm run bench:compare -- main --base-dist <dir>  B from a dist/ built already (no checkout, no build)
//   npm run bench:compare -- main --no-build         A from ./dist as it is
//   npm run bench:compare -- 3e9bf43 --a ada08a7     A from another commit too (to bisect: each side
//                                                    is that commit's tree, built once and kept in
//                                                    $TMPDIR/integration-webhooks-compare/<commit>)
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumPath } from '../support/chromium.mjs'
import { benchDir, log, ms, msSpread, rootDir, run, table, waitForQuiet } from './lib.mjs'
import { buildPage, launchArgs, runOnce, serve, summarize } from './render.mjs'
import { snapshotDist } from './snapshot.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index < 0 ? fallback : args[index + 1]
}
const ref = args[0]?.startsWith('--') ? undefined : args[0]
if (!ref) {
  log('usage: npm run bench:compare -- <git ref> [--runs 7] [--a <git ref>] [--base-dist <dir>] [--no-build]')
  process.exit(2)
}
// Each side runs first of its pair in half of the measured runs, so their number is made even:
// with --runs 4 (three measured, B first in two) B was the slower side in every manager figure
// twice, once against a build that differed from A only in CSS (dialog 307 vs 110 ms).
const asked = Number(option('--runs', 7))
const runs = 1 + 2 * Math.ceil((asked - 1) / 2)
if (runs !== asked) log(`--runs ${asked}: ${runs} (a warm-up and ${runs - 1} runs, each side first in half of them)`)
const count = 10_000
const workDir = path.join(benchDir, '.dist/compare')
const git = (...a) => execFileSync('git', a, { cwd: rootDir, encoding: 'utf8' }).trim()

const refA = option('--a')
const sides = {
  A: {
    name: refA
      ? `${refA} (${git('rev-parse', '--short', refA)})`
      : `this checkout (${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src') ? ', with changes in src/' : ''})`,
    pkg: path.join(workDir, 'a/pkg'),
  },
  B: { name: `${ref} (${git('rev-parse', '--short', ref)})`, pkg: path.join(workDir, 'b/pkg') },
}

/**
 * A commit's `dist/`: its files (git archive: no worktree, nothing changed in the repository), built
 * with this checkout's node_modules; kept per commit, so a bisection builds each commit once.
 */
function buildCommit(side, commitRef) {
  const commit = git('rev-parse', commitRef)
  // Outside the repository: its tests and biome.json would be found by this checkout's vitest and biome.
  const checkout = path.join(os.tmpdir(), 'integration-webhooks-compare', commit)
  const dist = path.join(checkout, 'dist')
  if (existsSync(path.join(dist, 'index.js'))) {
    log(`${side}: ${commitRef} built already (${dist})`)
    return dist
  }
  rmSync(checkout, { recursive: true, force: true })
  mkdirSync(checkout, { recursive: true })
  log(`${side}: ${commitRef} into ${checkout}, then npm run build there`)
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${JSON.stringify(checkout)}`], {
    cwd: rootDir,
    stdio: 'inherit',
  })
  symlinkSync(path.join(rootDir, 'node_modules'), path.join(checkout, 'node_modules'), 'dir')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: checkout, stdio: ['ignore', 'ignore', 'inherit'] })
  return dist
}

if (refA) snapshotDist(buildCommit('A', refA), sides.A.pkg)
else {
  if (!args.includes('--no-build')) {
    log('A: npm run build')
    run('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  snapshotDist(path.join(rootDir, 'dist'), sides.A.pkg)
}

const baseDist = option('--base-dist')
snapshotDist(baseDist ? path.resolve(baseDist) : buildCommit('B', ref), sides.B.pkg)

log('building the bench page against each side (production React)')
const servers = {}
for (const [key, side] of Object.entries(sides)) {
  const out = path.join(workDir, `${key.toLowerCase()}/page`)
  await buildPage(out, true, side.pkg)
  servers[key] = await serve(out)
}

await waitForQuiet('compare')
const loadBefore = os.loadavg()
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs })
const samples = {}
try {
  for (let i = 0; i < runs; i++) {
    log(`run ${i + 1} of ${runs}${i === 0 ? ' (warm-up, discarded)' : ''}`)
    for (const impl of ['table', 'manager']) {
      // A then B, then B then A: neither side always runs right after the other's page, and
      // each runs first as often as the other.
      for (const key of i % 2 === 1 ? ['A', 'B'] : ['B', 'A']) {
        const result = await runOnce(browser, servers[key].url, impl, count)
        if (i === 0) continue
        samples[`${key}:${impl}`] ??= []
        samples[`${key}:${impl}`].push(result)
      }
    }
  }
} finally {
  await browser.close()
  for (const { server } of Object.values(servers)) server.close()
}
const loadAfter = os.loadavg()
const summary = summarize(samples)

const metrics = [
  ['mount → paint', 'mount'],
  ['no-op → paint (the floor)', 'floor'],
  ['sort by name → paint (first click)', 'sort'],
  ['↳ commit', 'sortWork'],
  ['sort by name again → paint', 'sortAgain'],
  ['sort by errors → paint', 'sortErrors'],
  ['filter "slack" → paint', 'filter'],
  ['↳ commit', 'filterWork'],
  ['open dialog → paint', 'dialog'],
]
const rows = []
for (const impl of ['table', 'manager']) {
  for (const [label, key] of metrics) {
    const a = summary[`A:${impl}`]?.[key]
    const b = summary[`B:${impl}`]?.[key]
    if (!a || !b) continue
    rows.push([
      impl === 'table' ? '`WebhookTable`' : 'manager',
      label,
      msSpread(a),
      msSpread(b),
      `${a.median - b.median >= 0 ? '+' : ''}${ms(a.median - b.median)}`,
    ])
  }
}
const load = (l) => l.map((v) => v.toFixed(1)).join(' / ')
const markdown = `${table(['table', `${count.toLocaleString('en-US')} rows, ms median (min–max)`, `A: ${sides.A.name}`, `B: ${sides.B.name}`, 'A − B'], rows, ['l', 'l', 'r', 'r', 'r'])}

${runs - 1} runs per side and table (after a warm-up), interleaved; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores, load average (1 / 5 / 15 min) ${load(loadBefore)} before, ${load(loadAfter)} after.
`
writeFileSync(path.join(workDir, 'result.md'), markdown)
process.stdout.write(markdown)
