// The stream clients of the live stream benchmark (test/bench/server-stream.mjs): a second
// process, forked by it, so that reading and parsing 200 streams costs the server's process
// nothing and the measurement is of the server. It opens the stream clients it is asked for
// (real sockets, `GET {basePath}/stream`), parses each one's Server-Sent Events, and tells the
// parent, for each execution event, when the last of its clients read it: a time on
// `process.hrtime` (CLOCK_MONOTONIC on Linux, one clock for every process of the machine).
import { get } from 'node:http'

/** Execution id → how many of the clients have read its event. */
const reads = new Map()
const clients = []
/** Reported ids: a later status change of the same execution is another event, not counted again. */
const reported = new Set()

const now = () => Number(process.hrtime.bigint()) / 1e6

function arrived(id) {
  if (reported.has(id)) return
  const count = (reads.get(id) ?? 0) + 1
  if (count < clients.length) {
    reads.set(id, count)
    return
  }
  reads.delete(id)
  reported.add(id)
  process.send({ type: 'arrived', id, at: now() })
}

function connect({ port, path, headers }) {
  return new Promise((resolve, reject) => {
    let text = ''
    const request = get({ port, path, agent: false, headers }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`stream: ${response.statusCode}`))
        return
      }
      response.setEncoding('utf8')
      response.on('data', (chunk) => {
        text += chunk
        let end = text.indexOf('\n\n')
        while (end >= 0) {
          const block = text.slice(0, end)
          text = text.slice(end + 2)
          end = text.indexOf('\n\n')
          const match =
            block.startsWith('id:') && /\nevent: execution\ndata: .*?"execution":\{"id":"([^"]+)"/.exec(block)
          if (match) arrived(match[1])
        }
      })
      response.on('error', () => {})
      // The server registers a stream before it answers: events committed from now on reach it.
      resolve(request)
    })
    request.on('error', reject)
  })
}

process.on('message', async (message) => {
  if (message.type === 'connect') {
    try {
      while (clients.length < message.count) clients.push(await connect(message))
      process.send({ type: 'connected', count: clients.length })
    } catch (error) {
      process.send({ type: 'failed', error: String(error) })
    }
  } else if (message.type === 'close') {
    for (const request of clients) request.destroy()
    process.send({ type: 'closed' }, () => process.exit(0))
  }
})
