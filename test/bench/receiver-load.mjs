// The load generator of the receiver benchmark (test/bench/server.mjs): a second process,
// forked by it, that sends signed GitHub events with autocannon over loopback and sends
// back what it measured. Each request is a new delivery: a fresh X-GitHub-Delivery, the
// delivery id in the body too, and X-Hub-Signature-256 computed over those exact bytes with
// the webhook's secret (as GitHub does), so neither side can answer from a duplicate.
//
// Latency: every 2xx answer's own time, recorded here. At a fixed rate a stalled server also
// delays the requests it kept from being sent (coordinated omission): those are added back
// as HdrHistogram does, a response of L ms at an expected interval of I ms between one
// connection's requests also counting L - I, L - 2I, … down to I. autocannon 8.0.0 means to
// do the same but passes `Math.ceil(1 / rate)` — a per-second rate read as a millisecond
// interval, always 1 ms — so a response of L ms would count L times and the tail be that of
// the slow answers only. Its own correction is off here (`ignoreCoordinatedOmission`).
import { createHmac, randomBytes } from 'node:crypto'
import autocannon from 'autocannon'

process.once('message', async (job) => {
  const { url, secret, body, connections, durationSeconds, overallRate } = job
  const run = randomBytes(6).toString('hex')
  // The body as a template: the delivery id goes in where `__DELIVERY__` is.
  const [head, tail] = body.split('__DELIVERY__')
  let sequence = 0
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(overallRate ? { overallRate, ignoreCoordinatedOmission: true } : {}),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          const delivery = `${run}-${++sequence}`
          const bytes = `${head}${delivery}${tail}`
          const signature = `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`
          request.body = bytes
          request.headers = {
            'content-type': 'application/json',
            'user-agent': 'GitHub-Hookshot/bench',
            'x-github-event': 'push',
            'x-github-delivery': delivery,
            'x-hub-signature-256': signature,
          }
          return request
        },
      },
    ],
  })
  const latencies = []
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms)
  })
  const result = await instance
  const measured = latencyOf(latencies, overallRate ? (1000 * connections) / overallRate : 0)
  process.send(
    {
      requests: result.requests.total,
      perSecond: result.requests.average,
      ...measured,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      durationSeconds: result.duration,
    },
    () => process.exit(0),
  )
})

/**
 * p50, p99 and mean of the answers' latencies (ms, rounded to whole ms as autocannon reports
 * them), corrected for coordinated omission when requests were due every `intervalMs` on each
 * connection; `p99Raw` is the uncorrected p99, for comparison.
 */
function latencyOf(latencies, intervalMs) {
  const corrected = [...latencies]
  if (intervalMs > 0) {
    for (const ms of latencies) {
      for (let missing = ms - intervalMs; missing >= intervalMs; missing -= intervalMs) corrected.push(missing)
    }
  }
  const at = (sorted, p) =>
    sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]) : 0
  const sorted = corrected.sort((a, b) => a - b)
  const raw = [...latencies].sort((a, b) => a - b)
  const mean = sorted.length ? sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length : 0
  return {
    p50: at(sorted, 0.5),
    p99: at(sorted, 0.99),
    p99Raw: at(raw, 0.99),
    mean,
    corrected: corrected.length - latencies.length,
  }
}
