import { defaultCatalog, type IntegrationCatalog } from 'integration-webhooks/core'
import { type RouteContext, type ServerParts, type ServerSettings, toApiWebhook } from './context'
import { createDispatcher, defaultBackoff, type WebhookEvent } from './dispatch'
import { DEFAULT_EVENT_TIMEOUT_MS, DEFAULT_FAILURE_THRESHOLD, DEFAULT_MAX_ATTEMPTS } from './dispatch-defaults'
import { HttpError } from './errors'
import { errorResponse, handleLight, standardResponse, withoutBody } from './http'
import { isWellFormedId } from './ids'
import { retryExecution, sendTestEvent } from './routes/deliveries'
import { listExecutions } from './routes/executions'
import { receiveEvent } from './routes/receive'
import { revealSecret, rotateSecret, setSecret } from './routes/secrets'
import { getWebhookStats, listWebhookStats } from './routes/stats'
import { openStream } from './routes/stream'
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, setWebhookStatus } from './routes/webhooks'
import type { SchemeRequest } from './schemes/types'
import { createSecretBox } from './secrets'
import type { WebhookStore } from './store'
import { createLiveStreams } from './stream'

/** An HTTP method a route answers. */
export type RouteMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

type RouteHandler = (context: RouteContext) => Promise<Response>

/** One row of the route table: a path pattern (`:name` segments are ids) and its methods. */
interface Route {
  readonly pattern: readonly string[]
  readonly methods: Partial<Record<RouteMethod, RouteHandler>>
  /** No session: the receiver, where the provider's signature is the proof. */
  readonly public?: true
}

// Routing is data: method + path pattern → route function. Literal segments are matched
// before parameters, so `executions/…` never reads as a webhook id.
const routes: readonly Route[] = [
  { pattern: [], methods: { GET: listWebhooks, POST: createWebhook } },
  { pattern: ['executions', ':webhookId'], methods: { GET: listExecutions } },
  { pattern: ['stats'], methods: { GET: listWebhookStats } },
  { pattern: ['executions', ':webhookId', ':executionId', 'retry'], methods: { POST: retryExecution } },
  {
    pattern: ['receive', ':token'],
    methods: { GET: receiveEvent, HEAD: receiveEvent, POST: receiveEvent },
    public: true,
  },
  { pattern: ['stream'], methods: { GET: openStream } },
  { pattern: [':id'], methods: { GET: getWebhook, PATCH: setWebhookStatus, DELETE: deleteWebhook } },
  { pattern: [':id', 'test'], methods: { POST: sendTestEvent } },
  { pattern: [':id', 'stats'], methods: { GET: getWebhookStats } },
  { pattern: [':id', 'secret'], methods: { GET: revealSecret, PUT: setSecret } },
  { pattern: [':id', 'secret', 'rotate'], methods: { POST: rotateSecret } },
]

/** Options of {@link createWebhookServer}. */
export interface WebhookServerOptions {
  /** Where webhooks and executions live: `createPgliteStore()`, `createPostgresStore()` or your own. */
  store: WebhookStore
  /**
   * The signed-in user's id for a request, or `null` (answered with 401). Every route but
   * the receiver needs it; each sees only that user's rows. An exception here is a 500
   * that says nothing of its cause to the caller, and goes to `onError`.
   */
  authenticate: (request: Request) => string | null | undefined | Promise<string | null | undefined>
  /**
   * Where the handler is mounted. Requests may arrive with it (Next.js, Hono, `node:http`)
   * or without it (a router that strips its mount path, like Express's `app.use(path, …)`).
   * @defaultValue '/api/integration-webhooks'
   */
  basePath?: string
  /**
   * The origin providers reach (`https://app.example.com`, behind any proxy): receiving
   * URLs are `{publicUrl}{basePath}/receive/{token}`.
   * @defaultValue the origin of each request
   */
  publicUrl?: string
  /**
   * The integrations users can create webhooks for.
   * @defaultValue the built-in catalog (`defaultCatalog`)
   */
  catalog?: IntegrationCatalog
  /**
   * Answer a user who has nothing saved with the catalog's suggestions (`source: "generated"`,
   * never stored). `false`: an empty list.
   * @defaultValue true
   */
  fallback?: boolean
  /**
   * The largest JSON body an API route reads, in bytes (413 past it).
   * @defaultValue 65536
   */
  maxBodyBytes?: number
  /**
   * How many webhooks one user may have (409 past it).
   * @defaultValue 1000
   */
  maxWebhooksPerUser?: number
  /**
   * Called with every unexpected error (a throwing `authenticate`, a database failure).
   * The caller gets `500 { "error": "Internal server error" }` and nothing of the cause.
   * @defaultValue logs to `console.error`
   */
  onError?: (error: unknown, request: Request) => void
  /**
   * The host's workflow trigger: called with each received event, at least once
   * (`execution.id` is its idempotency key). A throw (or a rejection, or `eventTimeoutMs`
   * passing) is retried with backoff up to `maxAttempts`; what it returns is stored as the
   * execution's response body. Without it, events are recorded and stay `pending` until a
   * server with one (another instance on the same PostgreSQL) dispatches them.
   */
  onEvent?: (event: WebhookEvent) => unknown | Promise<unknown>
  /**
   * `background`: answer the provider at once and dispatch from a worker loop (woken by
   * NOTIFY, polling as a fallback). `inline`: await `onEvent` before answering, for
   * serverless hosts that cannot run a loop (mind the provider's timeout: Slack allows 3 s).
   * @defaultValue 'background'
   */
  dispatch?: 'background' | 'inline'
  /**
   * The wait before attempt `attempt + 1` of a failed `onEvent`, in ms.
   * @defaultValue 5 s, 30 s, 2 min, 10 min, 30 min…, each ±20 %
   */
  backoff?: (attempt: number) => number
  /** Attempts of `onEvent` per execution before it is an error. @defaultValue 5 */
  maxAttempts?: number
  /** Failed executions in a row that turn the webhook's status to `error`. @defaultValue 5 */
  failureThreshold?: number
  /** How long one `onEvent` call may take, in ms. @defaultValue 30000 */
  eventTimeoutMs?: number
  /** Executions the worker loop runs at once. @defaultValue 4 */
  concurrency?: number
  /** How long a claim holds before another worker may take the execution over, in ms. @defaultValue 60000 */
  leaseMs?: number
  /** How often the worker looks for due executions without a notification, in ms. @defaultValue 1000 */
  pollIntervalMs?: number
  /**
   * What is kept: executions older than `maxAgeDays`, and past the newest `maxPerWebhook`
   * of each webhook, are deleted (checked at start and every 10 minutes; pending ones are kept).
   * @defaultValue { maxAgeDays: 30, maxPerWebhook: 10000 }
   */
  retention?: { maxAgeDays?: number | null; maxPerWebhook?: number | null }
  /**
   * 32 random bytes (64 hex digits or base64) that seal signing secrets at rest with
   * AES-256-GCM. Without it secrets are stored as they are, and the server warns once.
   */
  encryptionKey?: string | Uint8Array
  /**
   * Verifiers for providers whose proof needs a call to the provider (Gmail's Google Pub/Sub
   * OIDC token, PayPal's verify API), by provider id. Without one, such events are refused.
   */
  verifiers?: Record<string, (request: SchemeRequest) => Promise<boolean>>
  /**
   * The largest event the receiver reads, in bytes (413 past it).
   * @defaultValue 1048576
   */
  maxEventBytes?: number
  /**
   * How far a provider's signed timestamp may be from now, in seconds (older: a replay, 401).
   * @defaultValue 300
   */
  toleranceSeconds?: number
  /**
   * How often a live stream (`GET {basePath}/stream`) sends a heartbeat comment (`: ping`),
   * in ms, so proxies keep an idle stream open and a dead client is noticed.
   * @defaultValue 15000
   */
  streamHeartbeatMs?: number
  /**
   * Live streams one user may hold open at once on this server instance (more: 429
   * `too_many_streams` with `Retry-After`).
   * @defaultValue 5
   */
  maxStreamsPerUser?: number
  /** The clock, for tests. @defaultValue `() => new Date()` */
  now?: () => Date
}

/** The server: a Web-standard request handler and its shutdown. */
export interface WebhookServer {
  /** Answers one request of the HTTP contract. Never rejects: every failure is a JSON error response. */
  handle(request: Request): Promise<Response>
  /** Waits for the requests in flight and ends the live streams; later requests get 503. Does not close the store. */
  close(): Promise<void>
}

function normalizeBasePath(value: string | undefined): string {
  const path = (value ?? '/api/integration-webhooks').replace(/\/+$/, '')
  if (path !== '' && !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(path)) {
    throw new TypeError(
      `createWebhookServer: basePath must be a URL path starting with "/", got ${JSON.stringify(value)}`,
    )
  }
  return path
}

function normalizePublicUrl(value: string | undefined): string | null {
  if (value === undefined) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`createWebhookServer: publicUrl must be an absolute http(s) URL, got ${JSON.stringify(value)}`)
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new TypeError(
      `createWebhookServer: publicUrl must be an http(s) origin (and path) without credentials, query or fragment, got ${JSON.stringify(value)}`,
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`createWebhookServer: ${name} must be a positive integer, got ${String(value)}`)
  return value
}

/** The path segments after the base path, percent-decoded; null when a segment cannot be decoded. */
function segmentsOf(pathname: string, basePath: string): string[] | null {
  let rest = pathname
  if (basePath && (pathname === basePath || pathname.startsWith(`${basePath}/`))) rest = pathname.slice(basePath.length)
  const raw = rest.replace(/^\/+/, '').replace(/\/$/, '')
  if (raw === '') return []
  const segments: string[] = []
  for (const part of raw.split('/')) {
    try {
      segments.push(decodeURIComponent(part))
    } catch {
      return null
    }
  }
  return segments
}

type Match = { route: Route; params: Record<string, string> } | { malformedId: true } | null

function match(segments: readonly string[]): Match {
  let malformed = false
  for (const route of routes) {
    if (route.pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    let ok = true
    for (const [index, part] of route.pattern.entries()) {
      const segment = segments[index] as string
      if (part.startsWith(':')) {
        if (!isWellFormedId(segment)) {
          malformed = true
          ok = false
          break
        }
        params[part.slice(1)] = segment
      } else if (part !== segment) {
        ok = false
        break
      }
    }
    if (ok) return { route, params }
  }
  return malformed ? { malformedId: true } : null
}

const notFound = () => new HttpError('not_found', 'Not found')

/**
 * The endpoint of the HTTP contract (see DESIGN.md) as one Web-standard
 * `(Request) => Promise<Response>`: mount it in Next.js, Hono, Bun, Deno, workers, or
 * `node:http`/Express through `toNodeListener`.
 *
 * Every route but the receiver needs `authenticate` to name a user, and sees only that
 * user's rows: another user's id answers 404 exactly like a missing one. Bad input is a
 * JSON error (`{ error, code }`, 400 with `issues`, 405 with `Allow`, 413, 415) and
 * writes nothing.
 *
 * `GET {basePath}/stream` is the user's live stream (Server-Sent Events: `execution`,
 * `webhook` and `reset` events with ids that are the same on every instance, resumed after
 * `Last-Event-ID` within a window of at least 10 minutes; see `streamHeartbeatMs` and
 * `maxStreamsPerUser`). It holds one LISTEN per process, whatever the number of streams.
 *
 * @example
 * ```ts
 * const store = await createPgliteStore({ dataDir: '.data/webhooks' })
 * const webhooks = createWebhookServer({
 *   store,
 *   publicUrl: 'https://app.example.com',
 *   authenticate: async (request) => (await getSession(request))?.userId ?? null,
 * })
 * const response = await webhooks.handle(request)
 * ```
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  if (!options?.store)
    throw new TypeError('createWebhookServer: a store is required (createPgliteStore() or createPostgresStore())')
  if (typeof options.authenticate !== 'function') {
    throw new TypeError(
      'createWebhookServer: authenticate(request) is required: it returns the signed-in user id or null',
    )
  }
  const settings: ServerSettings = {
    basePath: normalizeBasePath(options.basePath),
    publicUrl: normalizePublicUrl(options.publicUrl),
    fallback: options.fallback ?? true,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 64 * 1024),
    maxWebhooksPerUser: positive('maxWebhooksPerUser', options.maxWebhooksPerUser, 1000),
    maxEventBytes: positive('maxEventBytes', options.maxEventBytes, 1024 * 1024),
    toleranceSeconds: positive('toleranceSeconds', options.toleranceSeconds, 300),
    now: options.now ?? (() => new Date()),
  }
  const catalog = options.catalog ?? defaultCatalog
  const { store, authenticate } = options
  const report =
    options.onError ??
    ((error: unknown) => {
      console.error('[integration-webhooks] request failed:', error)
    })
  const inFlight = new Set<Promise<Response>>()
  let closing = false

  if (options.encryptionKey === undefined) {
    console.warn(
      '[integration-webhooks] no encryptionKey: signing secrets are stored unencrypted. Pass 32 random bytes (`openssl rand -base64 32`) to seal them with AES-256-GCM.',
    )
  }
  const box = createSecretBox(options.encryptionKey)
  // A key of the wrong form is the host's mistake, said when the server is made.
  box.catch(() => {})
  const secrets: ServerParts['secrets'] = {
    encrypted: options.encryptionKey !== undefined,
    seal: async (secret) => (await box).seal(secret),
    open: async (stored) => (await box).open(stored),
  }
  const dispatchMode = options.dispatch ?? 'background'
  const retention = { maxAgeDays: 30, maxPerWebhook: 10_000, ...options.retention }
  const dispatcher = options.onEvent
    ? createDispatcher({
        store,
        onEvent: options.onEvent,
        // Providers' events carry no request: the stored receiving URL's origin is publicUrl's.
        toApiWebhook: (record) =>
          toApiWebhook(record, `${settings.publicUrl ?? ''}${settings.basePath}/receive/`, catalog),
        workerId: `${crypto.randomUUID()}`,
        concurrency: positive('concurrency', options.concurrency, 4),
        leaseMs: positive('leaseMs', options.leaseMs, 60_000),
        pollIntervalMs: positive('pollIntervalMs', options.pollIntervalMs, 1000),
        maxAttempts: positive('maxAttempts', options.maxAttempts, DEFAULT_MAX_ATTEMPTS),
        failureThreshold: positive('failureThreshold', options.failureThreshold, DEFAULT_FAILURE_THRESHOLD),
        timeoutMs: positive('eventTimeoutMs', options.eventTimeoutMs, DEFAULT_EVENT_TIMEOUT_MS),
        backoff: options.backoff ?? defaultBackoff,
        retention: {
          maxAgeMs: retention.maxAgeDays == null ? null : retention.maxAgeDays * 86_400_000,
          maxPerWebhook: retention.maxPerWebhook ?? null,
        },
        report: (error) => report(error, new Request('http://internal/dispatch')),
      })
    : null
  if (dispatcher && dispatchMode === 'background') void dispatcher.start()
  const live = createLiveStreams({
    store,
    catalog,
    heartbeatMs: positive('streamHeartbeatMs', options.streamHeartbeatMs, 15_000),
    maxStreamsPerUser: positive('maxStreamsPerUser', options.maxStreamsPerUser, 5),
    report: (error) => report(error, new Request('http://internal/stream')),
  })
  const parts: ServerParts = {
    secrets,
    live,
    dispatcher,
    dispatchMode,
    verifiers: options.verifiers ?? {},
    // The receiver called directly (test events): the same code path, whatever the mount.
    async receive(request, token) {
      try {
        const url = new URL(request.url)
        return await receiveEvent({ request, url, userId: '', params: { token }, store, catalog, settings, parts })
      } catch (error) {
        if (error instanceof HttpError) return errorResponse(error)
        throw error
      }
    },
  }

  async function answer(request: Request): Promise<Response> {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      throw new HttpError('bad_request', 'The request URL is not valid')
    }
    const segments = segmentsOf(url.pathname, settings.basePath)
    const found = segments && match(segments)
    if (!found || 'malformedId' in found) throw notFound()
    const method = request.method.toUpperCase() as RouteMethod
    const handler = found.route.methods[method] ?? (method === 'HEAD' ? found.route.methods.GET : undefined)
    if (!handler) {
      const allow = Object.keys(found.route.methods)
      if (allow.includes('GET') && !allow.includes('HEAD')) allow.push('HEAD')
      throw new HttpError('method_not_allowed', `${request.method} is not allowed here`, {
        headers: { allow: allow.join(', ') },
      })
    }
    if (found.route.public) {
      const response = await handler({
        request,
        url,
        userId: '',
        params: found.params,
        store,
        catalog,
        settings,
        parts,
      })
      return method === 'HEAD' ? withoutBody(response) : response
    }
    let userId: unknown
    try {
      userId = await authenticate(request)
    } catch (error) {
      report(error, request)
      return errorResponse(new HttpError('internal', 'Internal server error'))
    }
    if (userId === null || userId === undefined || userId === '') throw new HttpError('unauthorized', 'Unauthorized')
    if (typeof userId !== 'string') {
      report(new TypeError(`authenticate must return a user id string or null, got ${typeof userId}`), request)
      return errorResponse(new HttpError('internal', 'Internal server error'))
    }
    const response = await handler({ request, url, userId, params: found.params, store, catalog, settings, parts })
    return request.method === 'HEAD' ? withoutBody(response) : response
  }

  async function handle(request: Request): Promise<Response> {
    if (closing) return errorResponse(new HttpError('unavailable', 'The server is shutting down'))
    try {
      return await answer(request)
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error)
      report(error, request)
      return errorResponse(new HttpError('internal', 'Internal server error'))
    }
  }

  function tracked(request: Request): Promise<Response> {
    const pending = handle(request)
    inFlight.add(pending)
    pending.finally(() => inFlight.delete(pending))
    return pending
  }

  const server = {
    handle: (request: Request) => tracked(request).then(standardResponse),
    // The Node adapter's way in: the server's own responses as they are, written without a Web Response.
    [handleLight]: tracked,
    async close() {
      closing = true
      await Promise.allSettled([...inFlight])
      live.closeAll()
      await dispatcher?.close()
    },
  }
  return server
}
