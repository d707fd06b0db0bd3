// Node: parsing and validating 10,000 rows with `parseWebhookList`, and generating the
// fallback set with `generateFallbackWebhooks`, from the dist snapshot. Run in a child process
// of its own (`node --expose-gc node.mjs`, see run.mjs), so earlier work does not warm it up;
// it prints its results as JSON.
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { int, ms, msSpread, pkgDir, selfTimeTable, stats, table, topSelfTime } from './lib.mjs'
import { createLocator, shortLocation } from './sourcemap.mjs'

const count = 10_000

/** Times `fn` `runs` times after `warmup` discarded calls, each after a full GC. */
function time(fn, { runs, warmup }) {
  const samples = []
  for (let i = 0; i < warmup + runs; i++) {
    globalThis.gc?.()
    const start = performance.now()
    fn()
    const elapsed = performance.now() - start
    if (i >= warmup) samples.push(elapsed)
  }
  return stats(samples)
}

async function measure() {
  const { parseWebhookList, generateFallbackWebhooks } = await import(pathToFileURL(path.join(pkgDir, 'core/index.js')))
  const { mockWebhooks } = await import(pathToFileURL(path.join(pkgDir, 'mocks/index.js')))

  // 10,000 rows from the 5,000 of `large`, cycled with unique ids, as plain JSON data.
  const large = mockWebhooks('large')
  const body = JSON.stringify(
    Array.from({ length: count }, (_, i) => {
      const row = large[i % large.length]
      const cycle = Math.floor(i / large.length)
      return cycle === 0 ? row : { ...row, id: `${row.id}~${cycle}` }
    }),
  )
  const rows = JSON.parse(body)

  // The very first call pays for compiling the schemas' code paths: reported on its own.
  globalThis.gc?.()
  let start = performance.now()
  const first = parseWebhookList(rows)
  const cold = performance.now() - start
  if (first.webhooks.length !== count || first.invalid.length !== 0) {
    throw new Error(`expected ${count} valid rows, got ${first.webhooks.length} (${first.invalid.length} invalid)`)
  }

  const parse = time(() => parseWebhookList(rows), { runs: 25, warmup: 2 })
  const parseWithJson = time(() => parseWebhookList(JSON.parse(body)), { runs: 10, warmup: 1 })

  const fallbackOptions = { userId: 'user_1', origin: 'https://app.example.com', now: '2026-01-01T00:00:00.000Z' }
  start = performance.now()
  const fallbackRows = generateFallbackWebhooks(fallbackOptions).length
  const fallbackCold = performance.now() - start
  const batch = 200
  const fallbackBatch = time(
    () => {
      for (let i = 0; i < batch; i++) generateFallbackWebhooks(fallbackOptions)
    },
    { runs: 15, warmup: 2 },
  )
  const perCall = (value) => value / batch
  const fallback = {
    ...fallbackBatch,
    median: perCall(fallbackBatch.median),
    min: perCall(fallbackBatch.min),
    max: perCall(fallbackBatch.max),
    p25: perCall(fallbackBatch.p25),
    p75: perCall(fallbackBatch.p75),
  }

  // A CPU profile of five warm parses, to show where the time goes.
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  for (let i = 0; i < 5; i++) parseWebhookList(rows)
  const { profile } = await session.post('Profiler.stop')
  session.disconnect()
  const locate = createLocator()
  const parseProfile = topSelfTime(profile, (frame) =>
    frame.url.startsWith('file:')
      ? shortLocation(locate(fileURLToPath(frame.url), frame.lineNumber, frame.columnNumber))
      : frame.url,
  )

  return {
    count,
    bodyBytes: Buffer.byteLength(body),
    cold,
    parse,
    parseWithJson,
    fallbackRows,
    fallbackCold,
    fallback,
    parseProfile,
  }
}

export function nodeTargets(result) {
  return [
    {
      name: 'Node: parse and validate 10,000 rows in under 25 ms (median, warm)',
      value: `${ms(result.parse.median)} ms (first call: ${ms(result.cold)} ms)`,
      met: result.parse.median < 25,
    },
  ]
}

export function nodeReport(result) {
  const perSecond = (rows, milliseconds) => int((rows * 1000) / milliseconds)
  return [
    `Rows: ${int(result.count)} from \`mockWebhooks('large')\` cycled with unique ids (${(result.bodyBytes / 1e6).toFixed(1)} MB of JSON). ` +
      'Each sample after a full GC; warm-up calls discarded; ms, median (min–max).',
    table(
      ['task', 'ms', 'p25–p75', 'rows per second (median)', 'samples'],
      [
        [
          '`parseWebhookList` (validate every row), 10,000 rows',
          msSpread(result.parse),
          `${ms(result.parse.p25)}–${ms(result.parse.p75)}`,
          perSecond(result.count, result.parse.median),
          result.parse.n,
        ],
        ['the same, very first call (cold code)', ms(result.cold), '', perSecond(result.count, result.cold), 1],
        [
          '`JSON.parse` + `parseWebhookList`, 10,000 rows',
          msSpread(result.parseWithJson),
          `${ms(result.parseWithJson.p25)}–${ms(result.parseWithJson.p75)}`,
          perSecond(result.count, result.parseWithJson.median),
          result.parseWithJson.n,
        ],
        [
          `\`generateFallbackWebhooks\` (${result.fallbackRows} rows, the whole catalog), per call`,
          msSpread(result.fallback),
          `${ms(result.fallback.p25)}–${ms(result.fallback.p75)}`,
          perSecond(result.fallbackRows, result.fallback.median),
          `${result.fallback.n} × 200 calls`,
        ],
        [
          'the same, very first call',
          ms(result.fallbackCold),
          '',
          perSecond(result.fallbackRows, result.fallbackCold),
          1,
        ],
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  ].join('\n\n')
}

export function nodeProfileReport(result) {
  return [
    `**CPU profile: five warm \`parseWebhookList\` calls on 10,000 rows in Node** (${ms(result.parseProfile.busy)} ms ` +
      'of samples). Top 10 by self time:',
    selfTimeTable(result.parseProfile),
  ].join('\n\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await measure())}\n`)
}
