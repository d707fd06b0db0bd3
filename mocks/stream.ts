// The mocked live stream (`GET {apiUrl}/stream`): Server-Sent Events written from the mock's
// own changes (a test event, a redelivery, a status change, a create or delete, a secret set),
// framed as the contract says, resumable with `Last-Event-ID` within the last 100 events.
import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import { HttpResponse } from 'msw'

/**
 * How the mocked endpoint's live stream behaves:
 * - `live`: a working stream (the default);
 * - `none`: there is no stream (404), as on an older server: clients poll;
 * - `dropping`: the stream fails (503) every time: clients keep reconnecting.
 */
export type MockStreamMode = 'live' | 'none' | 'dropping'

const encoder = new TextEncoder()
const KEEP = 100
const HEARTBEAT_MS = 15_000

/** The events a store has sent, and the streams open on it. */
export interface MockEventHub {
  execution(execution: WebhookExecution): void
  webhook(webhookId: string, webhook: IntegrationWebhook | null): void
  /** Tells every open stream to refetch everything (the store was reset). */
  reset(): void
  /** Breaks off every open stream, as a dropped connection does (clients reconnect and resume). */
  drop(): void
  /** The streams open now. */
  readonly open: number
  /** The `GET …/stream` answer for a request (resuming after its `Last-Event-ID`). */
  respond(request: Request): Response
}

export function createEventHub(): MockEventHub {
  let lastId = 0
  const recent: { id: number; frame: string }[] = []
  const writers = new Set<(frame: string) => void>()
  const breakers = new Set<() => void>()

  const send = (type: string, data: unknown) => {
    const id = ++lastId
    const frame = `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`
    recent.push({ id, frame })
    if (recent.length > KEEP) recent.shift()
    for (const write of [...writers]) write(frame)
  }

  return {
    execution: (execution) =>
      send('execution', { webhook_id: execution.webhook_id, execution: structuredClone(execution) }),
    webhook: (webhookId, webhook) =>
      send('webhook', { webhook_id: webhookId, webhook: webhook && structuredClone(webhook) }),
    reset: () => send('reset', {}),
    drop: () => {
      for (const breakOff of [...breakers]) breakOff()
    },
    get open() {
      return writers.size
    },
    respond(request) {
      const since = request.headers.get('last-event-id')
      let write: ((frame: string) => void) | undefined
      let heartbeat: ReturnType<typeof setInterval> | undefined
      let breakOff: (() => void) | undefined
      const close = () => {
        if (write) writers.delete(write)
        if (breakOff) breakers.delete(breakOff)
        clearInterval(heartbeat)
      }
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const enqueue = (text: string) => {
            try {
              controller.enqueue(encoder.encode(text))
            } catch {
              close() // the reader is gone
            }
          }
          enqueue('retry: 3000\n\n')
          if (since !== null) {
            const after = /^\d+$/.test(since) ? Number(since) : Number.NaN
            const oldest = recent[0]?.id ?? lastId + 1
            // Within the window: exactly what came after; otherwise (too old, unknown, malformed) a reset.
            if (after === lastId || (after >= oldest - 1 && after < lastId)) {
              for (const { id, frame } of recent) if (id > after) enqueue(frame)
            } else enqueue(`id: ${lastId}\nevent: reset\ndata: {}\n\n`)
          } else enqueue(`id: ${lastId}\n\n`) // a new client's resume point, as the server gives
          write = enqueue
          writers.add(write)
          breakOff = () => {
            close()
            controller.error(new TypeError('The live stream was broken off'))
          }
          breakers.add(breakOff)
          heartbeat = setInterval(() => enqueue(': ping\n\n'), HEARTBEAT_MS)
          request.signal?.addEventListener('abort', close, { once: true })
        },
        cancel: close,
      })
      return new HttpResponse(stream, {
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
        },
      })
    },
  }
}
