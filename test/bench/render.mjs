// Rendering in headless Chromium: builds test/bench/page with Vite against the dist snapshot
// (production React), serves it on 127.0.0.1 and drives it with playwright-core. Each run is
// a fresh page; the first run of each configuration is a warm-up and is discarded.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { packageAliases } from '../support/aliases.mjs'
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs'
import {
  benchDir,
  int,
  log,
  MB,
  ms,
  msSpread,
  pageOutDir,
  pkgDir,
  selfTimeTable,
  stats,
  table,
  topSelfTime,
} from './lib.mjs'
import { createLocator, shortLocation } from './sourcemap.mjs'

export const sizes = [30, 1000, 10_000]
const impls = ['table', 'manager', 'naive']
const filterQuery = 'slack'
const viewport = { width: 1280, height: 800 }
export const launchArgs = [
  ...chromiumArgs,
  // gc() in the page, and performance.memory without its coarse bucketing.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
]

/**
 * Builds the page: minified for the timings, unminified (readable names) for the CPU profiles.
 * `pkg`: the built package it imports (the dist snapshot; compare.mjs passes another build).
 */
export async function buildPage(outDir, minify, pkg = pkgDir) {
  const layer = (file) => path.join(pkg, file)
  await build({
    root: path.join(benchDir, 'page'),
    base: './',
    mode: 'production',
    configFile: false,
    envFile: false,
    logLevel: 'error',
    plugins: [react()],
    resolve: {
      // Exact names, so the bare name never shadows a subpath.
      alias: packageAliases(
        {
          core: 'core/index.js',
          react: 'react/index.js',
          mocks: 'mocks/index.js',
          styles: 'styles.css',
          components: 'index.js',
        },
        layer(''),
      ),
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      sourcemap: !minify,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
    },
  })
}

const contentTypes = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' }

/** A static file server on 127.0.0.1 for a folder. */
export async function serve(dir) {
  const server = http.createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (!file.startsWith(dir)) return res.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!existsSync(file)) return res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${server.address().port}/` }
}

/** A fresh page with the bench API loaded and `count` rows prepared (`huge`: a hostile first row). */
async function openPage(browser, url, count, huge = false) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForFunction(() => typeof window.bench === 'object')
  const info = await page.evaluate(([n, h]) => window.bench.setup(n, h), [count, huge])
  await page.evaluate(() => window.bench.settle(200))
  return { context, page, info, errors }
}

/** The manager with 30 rows, the first holding 100,000 setup lines and 10,000 trigger types: its dialog. */
async function runHugeDialog(browser, url) {
  const { context, page, errors } = await openPage(browser, url, 30, true)
  const step = (fn, arg) => page.evaluate(fn, arg)
  try {
    await step((i) => window.bench.mount(i), 'manager')
    await step(() => window.bench.settle(300))
    const dialog = await step(() => window.bench.openDialog())
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    return { dialog }
  } finally {
    await context.close()
  }
}

/** One run of one configuration; returns its measurements. */
export async function runOnce(browser, url, impl, count) {
  const { context, page, errors } = await openPage(browser, url, count)
  const step = (fn, arg) => page.evaluate(fn, arg)
  const settle = () => step(() => window.bench.settle())
  try {
    const result = {}
    result.heapBefore = await step(() => window.bench.heap())
    result.mount = await step((i) => window.bench.mount(i), impl)
    await settle()
    result.rows = await step(() => window.bench.rowsInDom())
    if (impl === 'table') result.rowHeights = await step(() => window.bench.rowHeights())
    result.heapAfter = await step(() => window.bench.heap())
    await settle()
    if (impl !== 'naive') {
      // A user reads the table before the first click: a second in which the idle-time work of a
      // long list (its search index, each column's order) is done. Its memory is measured after.
      await step(() => window.bench.settle(1000))
      result.heapIdle = await step(() => window.bench.heap())
      result.floor = await step(() => window.bench.floor())
      await settle()
      result.sort = await step(() => window.bench.sort('name'))
      await settle()
      // The same header again (descending): the collator and the code paths are warm now.
      result.sortAgain = await step(() => window.bench.sort('name'))
      await settle()
      // Another kind of column: a count (descending first), ranked by number instead of by collator.
      result.sortErrors = await step(() => window.bench.sort('errorCount'))
      await settle()
      result.filter = await step((q) => window.bench.filter(q), filterQuery)
      await settle()
    }
    if (impl === 'manager') result.dialog = await step(() => window.bench.openDialog())
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    return result
  } finally {
    await context.close()
  }
}

/** Where a profiled function in the served bundle comes from, through the source maps. */
function moduleMapper(dir) {
  const locate = createLocator()
  return (frame) =>
    shortLocation(locate(path.join(dir, new URL(frame.url).pathname), frame.lineNumber, frame.columnNumber))
}

/**
 * Where the renderer's main thread spent a traced action: top-level script (tasks, microtasks,
 * event handlers, including what runs inside them), style, layout (and how much of both was
 * forced from script), paint and GC, in ms.
 */
function traceSummary(buffer) {
  const { traceEvents: events } = JSON.parse(buffer.toString())
  const scriptNames = new Set(['FunctionCall', 'RunMicrotasks', 'EventDispatch', 'TimerFire', 'FireAnimationFrame'])
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const onThread = (t) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.dur > 0)
  const scriptTime = (list) => list.filter((e) => scriptNames.has(e.name)).reduce((sum, e) => sum + e.dur, 0)
  const main = threads.map(onThread).sort((a, b) => scriptTime(b) - scriptTime(a))[0] ?? []
  const script = main.filter((e) => scriptNames.has(e.name))
  const inside = (e, list) => list.some((j) => j !== e && j.ts <= e.ts && e.ts + e.dur <= j.ts + j.dur)
  const topScript = script.filter((e) => !inside(e, script))
  const sum = (list) => list.reduce((total, e) => total + e.dur / 1000, 0)
  const named = (...names) => main.filter((e) => names.includes(e.name))
  const styleLayout = named('UpdateLayoutTree', 'Layout')
  return {
    script: sum(topScript),
    style: sum(named('UpdateLayoutTree')),
    layout: sum(named('Layout')),
    forced: sum(styleLayout.filter((e) => inside(e, topScript))),
    paint: sum(named('PrePaint', 'Paint', 'Layerize')),
    gc: sum(named('MinorGC', 'MajorGC')),
  }
}

/**
 * CPU profiles (100 µs sampling) of the 10,000-row cases, on the unminified page, and a
 * Chrome trace of the same action on another page (style, layout and paint are not in a
 * JS profile). Each after a warm-up page, like the timed runs.
 */
async function profile(browser, url, moduleOf) {
  const cases = [
    { name: 'sort by name, `WebhookTable`, 10,000 rows', impl: 'table', action: 'sort' },
    { name: `filter "${filterQuery}", \`WebhookTable\`, 10,000 rows`, impl: 'table', action: 'filter' },
    { name: 'mount `WebhookTable`, 10,000 rows', impl: 'table', action: 'mount' },
    { name: 'mount `IntegrationWebhookManager` (fetch from memory), 10,000 rows', impl: 'manager', action: 'mount' },
  ]
  const results = []
  for (const item of cases) {
    const result = { ...item }
    for (const mode of ['warm-up', 'profile', 'trace']) {
      const { context, page } = await openPage(browser, url, 10_000)
      try {
        const cdp = await context.newCDPSession(page)
        const start = async () => {
          if (mode === 'profile') {
            await cdp.send('Profiler.enable')
            await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
            await cdp.send('Profiler.start')
          }
          if (mode === 'trace') {
            await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink'] })
          }
        }
        if (item.action === 'mount') await start()
        const mount = await page.evaluate((i) => window.bench.mount(i), item.impl)
        // As in the timed runs: the interaction comes a second after the mount, the idle-time work done.
        await page.evaluate((wait) => window.bench.settle(wait), item.action === 'mount' ? 100 : 1000)
        if (item.action !== 'mount') await start()
        let timing = mount
        if (item.action === 'sort') timing = await page.evaluate(() => window.bench.sort('name'))
        if (item.action === 'filter') timing = await page.evaluate((q) => window.bench.filter(q), filterQuery)
        if (mode === 'profile') {
          const { profile: cpu } = await cdp.send('Profiler.stop')
          Object.assign(result, { timing, ...topSelfTime(cpu, moduleOf) })
        }
        if (mode === 'trace') result.trace = { timing, ...traceSummary(await browser.stopTracing()) }
      } finally {
        await context.close()
      }
    }
    results.push(result)
  }
  return results
}

export async function measureRendering({ runs = 7 } = {}) {
  const timedDir = path.join(pageOutDir, 'timed')
  const profiledDir = path.join(pageOutDir, 'profiled')
  log('render: building the bench page with Vite (production React, dist snapshot)')
  await buildPage(timedDir, true)
  await buildPage(profiledDir, false)
  const timed = await serve(timedDir)
  const profiled = await serve(profiledDir)
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs })
  try {
    const chromiumVersion = browser.version()
    const samples = {}
    for (let run = 0; run < runs; run++) {
      log(`render: run ${run + 1} of ${runs}${run === 0 ? ' (warm-up, discarded)' : ''}`)
      // Interleaved, so a slow spell of the machine hits every configuration alike.
      for (const count of sizes) {
        for (const impl of impls) {
          const result = await runOnce(browser, timed.url, impl, count)
          if (run === 0) continue
          const key = `${impl}:${count}`
          samples[key] ??= []
          samples[key].push(result)
        }
      }
      const huge = await runHugeDialog(browser, timed.url)
      if (run > 0) {
        samples['huge:30'] ??= []
        samples['huge:30'].push(huge)
      }
    }
    log('render: CPU profiles of the 10,000-row cases')
    const profiles = await profile(browser, profiled.url, moduleMapper(profiledDir))
    return { chromiumVersion, runs, samples: summarize(samples), profiles }
  } finally {
    await browser.close()
    timed.server.close()
    profiled.server.close()
  }
}

/** Median and spread of every measurement of every configuration. */
export function summarize(samples) {
  const out = {}
  for (const [key, list] of Object.entries(samples)) {
    const pick = (get) => {
      const values = list.map(get).filter((value) => typeof value === 'number' && Number.isFinite(value))
      return values.length ? stats(values) : undefined
    }
    out[key] = {
      mount: pick((r) => r.mount?.paint),
      mountWork: pick((r) => r.mount?.work),
      floor: pick((r) => r.floor?.paint),
      sort: pick((r) => r.sort?.paint),
      sortWork: pick((r) => r.sort?.work),
      sortRows: pick((r) => r.sort?.settledPaint),
      sortAgain: pick((r) => r.sortAgain?.paint),
      sortAgainWork: pick((r) => r.sortAgain?.work),
      sortErrors: pick((r) => r.sortErrors?.paint),
      sortErrorsWork: pick((r) => r.sortErrors?.work),
      filter: pick((r) => r.filter?.paint),
      filterWork: pick((r) => r.filter?.work),
      matches: pick((r) => r.filter?.matches),
      dialog: pick((r) => r.dialog?.paint),
      dialogWork: pick((r) => r.dialog?.work),
      rows: pick((r) => r.rows),
      heapAfter: pick((r) => r.heapAfter),
      heapDelta: pick((r) => (r.heapAfter ?? Number.NaN) - (r.heapBefore ?? Number.NaN)),
      heapIdleDelta: pick((r) => (r.heapIdle ?? Number.NaN) - (r.heapAfter ?? Number.NaN)),
      rowHeights: [...new Set(list.flatMap((r) => r.rowHeights ?? []))].sort((a, b) => a - b),
    }
  }
  return out
}

const get = (result, impl, count) => result.samples[`${impl}:${count}`]

export function renderTargets(result) {
  const ours30 = get(result, 'table', 30)
  const ours = get(result, 'table', 10_000)
  const manager = get(result, 'manager', 10_000)
  const naive = get(result, 'naive', 10_000)
  const huge = get(result, 'huge', 30)
  const ratio = naive.mount.median / ours.mount.median
  const sortMax = Math.max(ours.sort.median, manager.sort.median)
  const filterMax = Math.max(ours.filter.median, manager.filter.median)
  return [
    {
      name: '10,000 webhooks: mount within 2× of the 30-row mount (`WebhookTable`, to first paint)',
      value: `${ms(ours.mount.median)} ms vs ${ms(ours30.mount.median)} ms = ${(ours.mount.median / ours30.mount.median).toFixed(2)}×`,
      met: ours.mount.median <= 2 * ours30.mount.median,
    },
    {
      name: '10,000 webhooks: sort within one frame (16 ms) median, click → next paint',
      value: `${ms(ours.sort.median)} ms (\`WebhookTable\`), ${ms(manager.sort.median)} ms (manager)`,
      met: sortMax <= 16,
    },
    {
      name: '10,000 webhooks: filter within one frame (16 ms) median, input → next paint',
      value: `${ms(ours.filter.median)} ms (\`WebhookTable\`), ${ms(manager.filter.median)} ms (manager)`,
      met: filterMax <= 16,
    },
    {
      name: 'A row with 100,000 setup lines and 10,000 trigger types: its dialog opens within 200 ms median, click → paint',
      value: huge?.dialog
        ? `${ms(huge.dialog.median)} ms (${ms(huge.dialog.min)}–${ms(huge.dialog.max)})`
        : 'not measured',
      met: huge?.dialog ? huge.dialog.median <= 200 : false,
    },
    {
      name: '10,000 webhooks: at most 100 rows in the DOM',
      value: `${int(ours.rows.max)} (\`WebhookTable\`), ${int(manager.rows.max)} (manager)`,
      met: Math.max(ours.rows.max, manager.rows.max) <= 100,
    },
    {
      name: '10,000 webhooks: at least 20× faster to mount than the naive table',
      value: `${ratio.toFixed(1)}× (${ms(naive.mount.median)} ms vs ${ms(ours.mount.median)} ms)`,
      met: ratio >= 20,
    },
  ]
}

export function renderReport(result) {
  const out = []
  const heap = (s) => (s ? `${MB(s.median)} (${MB(s.min)}–${MB(s.max)})` : '–')
  const spread = (s) => (s ? msSpread(s) : '–')
  const label = { table: '`WebhookTable`', manager: '`IntegrationWebhookManager`', naive: 'naive `rows.map` table' }

  out.push(
    '**Mount: data → first paint that shows rows**, ms, median (min–max). `WebhookTable` gets the rows as a prop; ' +
      'the manager gets them from a `fetch` answered from memory, so its time includes `Response.json()` and ' +
      'validating every row; the naive table renders every row as text. "Commit" is when the rows are in the DOM ' +
      '(a MutationObserver right after React\'s commit), "paint" when the frame showing them has been painted ' +
      '(requestAnimationFrame, then a task). Above 100 rows the component renders only the rows in its scroll window ' +
      '(plus a few), from the first render. The heap is `performance.memory.usedJSHeapSize` ' +
      'after a forced GC; "added by the mount" is its growth over the page before the mount, with the rows already ' +
      'in memory (valid rows are kept as they are, not copied); "then by idle-time work" is what the next second ' +
      'adds, when a list of 500 rows or more gets its search index and each column its order.',
  )
  const mountRows = []
  for (const count of sizes) {
    for (const impl of impls) {
      const s = get(result, impl, count)
      mountRows.push([
        int(count),
        label[impl],
        spread(s.mountWork),
        spread(s.mount),
        int(s.rows.median),
        heap(s.heapAfter),
        heap(s.heapDelta),
        impl === 'naive' ? '–' : heap(s.heapIdleDelta),
      ])
    }
    const ratio = get(result, 'naive', count).mount.median / get(result, 'table', count).mount.median
    mountRows.push([int(count), '**ratio naive / `WebhookTable`**', '', `**${ratio.toFixed(1)}×**`, '', '', '', ''])
  }
  out.push(
    table(
      [
        'webhooks',
        'table',
        'commit',
        'paint',
        'rows in DOM',
        'JS heap after mount',
        'heap added by the mount',
        'then by idle-time work',
      ],
      mountRows,
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  )

  out.push(
    '**Interactions**, ms from the event to the next paint, median (min–max); "commit" as above. The first ' +
      'comes a second after the mount, as a user reads the table before clicking. The paint ' +
      'comes with the next frame, so it includes waiting for it (the no-op column shows what that alone costs here). ' +
      `Sort: a click on the "Integration" header's sort button (ascending by name), the first in the page; then a ` +
      'second click on it (descending), when the code is warm; then a click on the "Errors" header (descending ' +
      'first), a numeric column. ' +
      `Filter: the query "${filterQuery}" set in the ` +
      "search box at once (an `input` event: the manager's own box; for `WebhookTable`, a host's box feeding " +
      '`tableOptions={{ query }}`). Dialog: a click on the first row\'s "Details for …" button until the dialog is ' +
      'painted (its execution history answers an empty page from memory). No-op: the same measurement around an ' +
      'attribute set on the table that nothing reacts to, i.e. the floor of every figure here on this machine ' +
      '(waiting for the frame and producing it).',
  )
  const interactionRows = []
  for (const count of sizes) {
    for (const impl of ['table', 'manager']) {
      const s = get(result, impl, count)
      interactionRows.push([
        int(count),
        label[impl],
        s.floor ? spread(s.floor) : '–',
        `${spread(s.sort)} · commit ${s.sortWork ? ms(s.sortWork.median) : '–'}${
          s.sortRows && Math.abs(s.sortRows.median - s.sort.median) > 0.5 ? ` · rows ${ms(s.sortRows.median)}` : ''
        }`,
        `${spread(s.sortAgain)} · commit ${s.sortAgainWork ? ms(s.sortAgainWork.median) : '–'}`,
        s.sortErrors ? `${spread(s.sortErrors)} · commit ${ms(s.sortErrorsWork.median)}` : '–',
        `${spread(s.filter)} · commit ${s.filterWork ? ms(s.filterWork.median) : '–'}`,
        s.matches ? int(s.matches.median) : '–',
        s.dialog ? `${spread(s.dialog)} · commit ${ms(s.dialogWork.median)}` : '–',
      ])
    }
  }
  out.push(
    table(
      [
        'webhooks',
        'table',
        'no-op → paint',
        'sort → paint (first click)',
        'sort again → paint',
        'sort by errors → paint',
        'filter → paint',
        'rows matching',
        'open dialog → paint',
      ],
      interactionRows,
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  )
  return out.join('\n\n')
}

/** The CPU profiles, as top-10 tables of self time (for the Findings). */
export function profileReport(result) {
  return result.profiles
    .map((p) =>
      [
        `**CPU profile: ${p.name}** — this run: ${ms(p.timing.paint)} ms to paint (commit ${ms(p.timing.work)} ms); ` +
          `${ms(p.busy)} ms of samples outside idle. Top 10 by self time (\`(program)\` is time V8 cannot give to a ` +
          'JS function: native code such as ICU behind `Intl`, and rendering):',
        selfTimeTable(p),
        `A Chrome trace of the same action on another page (${ms(p.trace.timing.paint)} ms to paint): script ` +
          `${ms(p.trace.script)} ms (tasks, microtasks and handlers, with what runs inside them), style ` +
          `${ms(p.trace.style)} ms, layout ${ms(p.trace.layout)} ms (style and layout forced from script: ` +
          `${ms(p.trace.forced)} ms), paint ${ms(p.trace.paint)} ms, GC ${ms(p.trace.gc)} ms.`,
      ].join('\n\n'),
    )
    .join('\n\n')
}
