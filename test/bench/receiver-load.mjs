// The load generator of the receiver benchmark (test/bench/server.mjs): a second process,
// forked by it, that sends signed GitHub events with autocannon over loopback and sends
// back what it measured. Each request is a new delivery: a fresh X-GitHub-Delivery, the
// delivery id in the body too, and X-Hub-Signature-256 computed over those exact bytes with
// the webhook's secret (as GitHub does), so neither side can answer from a duplicate.
import { createHmac, randomBytes } from 'node:crypto'
import autocannon from 'autocannon'

process.once('message', async (job) => {
  const { url, secret, body, connections, durationSeconds, overallRate } = job
  const run = randomBytes(6).toString('hex')
  // The body as a template: the delivery id goes in where `__DELIVERY__` is.
  const [head, tail] = body.split('__DELIVERY__')
  let sequence = 0
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(overallRate ? { overallRate } : {}),
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
  process.send(
    {
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.average,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      durationSeconds: result.duration,
    },
    () => process.exit(0),
  )
})
