// `client.subscribe`: the live stream (`GET {apiUrl}/stream`, Server-Sent Events) over `fetch`.
//
// Not an EventSource: that cannot send the client's headers or bearer token, and it retries
// 401s and 404s forever. This reads the body with the parser in sse.ts, checks each event's
// data with the schemas, and reconnects with backoff, jitter and `Last-Event-ID`.
import { errorKindForStatus, WebhookApiError, type WebhookApiErrorKind } from './errors'
import { formatIssues } from './issues'
import { backoffDelay, MAX_TIMER_MS, parseRetryAfter } from './retry'
import { executionEventSchema, type IntegrationWebhook, type WebhookExecution, webhookEventSchema } from './schemas'
import { feedSse, initialSseState } from './sse'

/** An event of the live stream, its data checked against the schemas. */
export type WebhookStreamEvent =
  | {
      readonly type: 'execution'
      /** The event id (`Last-Event-ID` resumes after it). */
      readonly id: string
      readonly webhookId: string
      /** The execution, created or with a new status: the executions route's shape. */
      readonly execution: WebhookExecution
    }
  | {
      readonly type: 'webhook'
      readonly id: string
      readonly webhookId: string
      /** The webhook as `getWebhook` returns it, or `null`: it was deleted. */
      readonly webhook: IntegrationWebhook | null
    }
  | {
      /** The server cannot say what was missed: refetch everything. */
      readonly type: 'reset'
      readonly id: string
    }

/**
 * Where a subscription is:
 * - `connecting`: the first request is on its way;
 * - `live`: connected, events arrive as they happen;
 * - `reconnecting`: the connection dropped (or the server answered 5xx or 429); the next
 *   attempt follows after a backoff, resuming with `Last-Event-ID`;
 * - `unsupported`: the endpoint has no stream (404, 405, or not `text/event-stream`): stopped,
 *   poll instead;
 * - `closed`: stopped for good — the signal aborted, or the server refused (401, 403, another
 *   4xx: the error says which).
 */
export type WebhookStreamState = 'connecting' | 'live' | 'reconnecting' | 'unsupported' | 'closed'

/** What {@link SubscribeOptions.onStateChange} is told besides the state. */
export interface WebhookStreamStateDetail {
  /** Why the connection dropped (`reconnecting`), or why the stream stopped (`closed`, `unsupported`). */
  readonly error?: WebhookApiError
  /** `reconnecting`: how long until the next attempt, in milliseconds. */
  readonly retryInMs?: number
}

/** An event whose data failed its schema (or is not JSON): dropped, and reported here. */
export interface InvalidStreamEvent {
  /** The event's type (`execution`, `webhook`, …). */
  readonly event: string
  readonly id: string
  /** Each problem as `path: message`. */
  readonly issues: readonly string[]
}

/** How a subscription ended. */
export interface WebhookStreamEnd {
  readonly state: 'closed' | 'unsupported'
  /** Why, unless the signal aborted it. */
  readonly error?: WebhookApiError
  /** The id of the last event seen: pass it as `lastEventId` to resume. */
  readonly lastEventId: string
}

/** Options of `client.subscribe`. */
export interface SubscribeOptions {
  /** Called with each valid event, in order. A throw here is reported (rethrown apart), not allowed to end the stream. */
  onEvent: (event: WebhookStreamEvent) => void
  /** Called when the state changes (and on each new reconnect attempt, with its error and delay). */
  onStateChange?: (state: WebhookStreamState, detail: WebhookStreamStateDetail) => void
  /** Called with each event dropped because its data failed the schema. */
  onInvalid?: (event: InvalidStreamEvent) => void
  /** Ends the subscription: the request, the body's reader, every timer and listener are let go. */
  signal: AbortSignal
  /** Resume after this event id (sent as `Last-Event-ID`). */
  lastEventId?: string
  /**
   * The wait before the first reconnect, until the server sends its own (`retry:`); it doubles
   * (with jitter) on each failure in a row, up to `maxReconnectDelayMs`.
   * @defaultValue 3000
   */
  reconnectDelayMs?: number
  /** @defaultValue 30000 */
  maxReconnectDelayMs?: number
  /**
   * A connection that sends nothing (not even its heartbeat, every 15 s) for this long is
   * taken as dead and replaced. `Infinity` turns it off.
   * @defaultValue 45000
   */
  idleTimeoutMs?: number
}

/** What the client lends the stream: its URL, headers and fetch. */
export interface StreamTransport {
  url: string
  /** The request's headers (may throw a `credentials` error). */
  headers: () => Promise<Headers>
  fetch: (input: string, init: RequestInit) => Promise<Response>
  credentials: RequestCredentials | undefined
  random: (() => number) | undefined
}

const failWith = (kind: WebhookApiErrorKind, message: string, details = {}) =>
  new WebhookApiError(kind, message, { method: 'GET', ...details })

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, Math.min(ms, MAX_TIMER_MS))
    signal.addEventListener('abort', done, { once: true })
  })
}

function parseEvent(event: string, id: string, data: string): WebhookStreamEvent | InvalidStreamEvent | undefined {
  if (event !== 'execution' && event !== 'webhook' && event !== 'reset') return undefined // a later kind: ignored
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return { event, id, issues: [`(root): expected JSON, got ${JSON.stringify(data.slice(0, 60))}`] }
  }
  if (event === 'reset') return { type: 'reset', id }
  if (event === 'execution') {
    const result = executionEventSchema.safeParse(json)
    if (!result.success) return { event, id, issues: formatIssues(result.error.issues) }
    return { type: 'execution', id, webhookId: result.data.webhook_id, execution: result.data.execution }
  }
  const result = webhookEventSchema.safeParse(json)
  if (!result.success) return { event, id, issues: formatIssues(result.error.issues) }
  return { type: 'webhook', id, webhookId: result.data.webhook_id, webhook: result.data.webhook }
}

/**
 * Runs one subscription until its signal aborts or the server refuses; see `client.subscribe`.
 * Never rejects.
 */
export async function runSubscription(
  transport: StreamTransport,
  options: SubscribeOptions,
): Promise<WebhookStreamEnd> {
  const { signal, onEvent, onStateChange, onInvalid } = options
  if (!signal || typeof signal.aborted !== 'boolean') throw new TypeError('subscribe needs a signal (an AbortSignal)')
  if (typeof onEvent !== 'function') throw new TypeError('subscribe needs an onEvent function')
  const { url } = transport
  const idleMs = options.idleTimeoutMs ?? 45_000
  const maxDelayMs = options.maxReconnectDelayMs ?? 30_000
  let retryMs = options.reconnectDelayMs ?? 3000
  let lastEventId = options.lastEventId ?? ''
  let failures = 0
  let state: WebhookStreamState | undefined

  const setState = (next: WebhookStreamState, detail: WebhookStreamStateDetail = {}) => {
    if (next === state && next !== 'reconnecting') return
    state = next
    onStateChange?.(next, detail)
  }
  const end = (final: 'closed' | 'unsupported', error?: WebhookApiError): WebhookStreamEnd => {
    setState(final, error ? { error } : {})
    return error ? { state: final, error, lastEventId } : { state: final, lastEventId }
  }
  const deliver = (call: () => void) => {
    try {
      call()
    } catch (error) {
      // The app's handler failed: report it like an uncaught error, keep the stream.
      queueMicrotask(() => {
        throw error
      })
    }
  }

  setState('connecting')
  while (!signal.aborted) {
    // Why this attempt ended and the connection should be tried again.
    let dropped: WebhookApiError | undefined
    let retryAfterMs: number | undefined
    const attempt = new AbortController()
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
    // Aborting a fetch does not always end a body already being read (mocked responses, some
    // runtimes): cancelling the reader does, and lets go of the connection.
    const onAbort = () => attempt.abort()
    attempt.signal.addEventListener('abort', () => reader?.cancel().catch(() => undefined), { once: true })
    signal.addEventListener('abort', onAbort, { once: true })
    let idle: ReturnType<typeof setTimeout> | undefined
    let idleFired = false
    const armIdle = () => {
      clearTimeout(idle)
      if (idleMs === Number.POSITIVE_INFINITY) return
      idle = setTimeout(
        () => {
          idleFired = true
          attempt.abort()
        },
        Math.min(idleMs, MAX_TIMER_MS),
      )
    }
    try {
      let headers: Headers
      try {
        headers = await transport.headers()
      } catch (error) {
        return end('closed', error as WebhookApiError)
      }
      headers.set('accept', 'text/event-stream')
      if (lastEventId) headers.set('last-event-id', lastEventId)
      let response: Response
      armIdle()
      try {
        response = await transport.fetch(url, {
          method: 'GET',
          headers,
          credentials: transport.credentials,
          cache: 'no-store',
          signal: attempt.signal,
        })
      } catch (error) {
        if (signal.aborted) break
        throw idleFired
          ? failWith('timeout', `GET ${url} got no answer within ${idleMs} ms`, { url, cause: error })
          : failWith('network', `GET ${url} failed before an answer: ${(error as Error)?.message ?? String(error)}`, {
              url,
              cause: error,
            })
      }
      const { status } = response
      if (!response.ok) {
        const text = await response.text().catch(() => '')
        let body: { error?: unknown; code?: unknown } = {}
        try {
          body = JSON.parse(text) ?? {}
        } catch {}
        const serverMessage = typeof body.error === 'string' && body.error ? body.error : undefined
        const error = failWith(
          errorKindForStatus(status),
          `GET ${url} answered ${status}${serverMessage ? `: ${serverMessage}` : ''}`,
          {
            url,
            status,
            code: typeof body.code === 'string' ? body.code : undefined,
            serverMessage,
            retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          },
        )
        if (status === 404 || status === 405) return end('unsupported', error)
        if (status !== 408 && status !== 429 && status < 500) return end('closed', error)
        retryAfterMs = error.retryAfterMs
        throw error
      }
      const type = response.headers.get('content-type') ?? ''
      if (!/^text\/event-stream\b/i.test(type) || !response.body) {
        response.body?.cancel().catch(() => undefined)
        // E.g. an app that answers every unknown path with its HTML page: there is no stream here.
        return end(
          'unsupported',
          failWith(
            'invalid-response',
            `GET ${url} answered ${status} with ${type || 'no content type'}, not an event stream`,
            {
              url,
              status,
            },
          ),
        )
      }
      reader = response.body.getReader()
      setState('live')
      failures = 0
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
      let parser = initialSseState(lastEventId)
      armIdle()
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>
        try {
          chunk = await reader.read()
        } catch (error) {
          if (signal.aborted) break
          throw idleFired
            ? failWith('timeout', `GET ${url} sent nothing for ${idleMs} ms`, { url, status, cause: error })
            : failWith('network', `GET ${url} broke off: ${(error as Error)?.message ?? String(error)}`, {
                url,
                status,
                cause: error,
              })
        }
        if (chunk.done) {
          if (signal.aborted) break
          throw idleFired
            ? failWith('timeout', `GET ${url} sent nothing for ${idleMs} ms`, { url, status })
            : failWith('network', `GET ${url}: the server ended the stream`, { url, status })
        }
        armIdle()
        const next = feedSse(parser, decoder.decode(chunk.value, { stream: true }))
        parser = next.state
        for (const message of next.messages) {
          if (signal.aborted) break
          if (message.type === 'retry') {
            retryMs = message.retry
            continue
          }
          lastEventId = message.id
          const parsed = parseEvent(message.event, message.id, message.data)
          if (!parsed) continue
          if ('issues' in parsed) deliver(() => onInvalid?.(parsed))
          else deliver(() => onEvent(parsed))
        }
        // An id sent without data still moves the resume point.
        lastEventId = parser.lastEventId
      }
      break
    } catch (error) {
      dropped = error as WebhookApiError
    } finally {
      clearTimeout(idle)
      signal.removeEventListener('abort', onAbort)
      attempt.abort()
      reader?.cancel().catch(() => undefined)
    }
    if (signal.aborted) break
    const delay = backoffDelay(
      failures++,
      {
        retries: 0,
        baseDelayMs: retryMs,
        maxDelayMs: Math.max(retryMs, maxDelayMs),
        maxRetryAfterMs: 0,
        random: transport.random,
      },
      retryAfterMs,
    )
    setState('reconnecting', dropped ? { error: dropped, retryInMs: delay } : { retryInMs: delay })
    await wait(delay, signal)
  }
  return end('closed')
}
