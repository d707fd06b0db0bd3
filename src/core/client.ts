import type * as z from 'zod/mini'
import { errorKindForStatus, WebhookApiError } from './errors'
import { formatIssues } from './issues'
import { type ExecutionsPage, parseExecutionsPage, parseWebhookList, type WebhookList } from './parse'
import {
  backoffDelay,
  defaultRetryPolicy,
  isRetryableKind,
  MAX_TIMER_MS,
  parseRetryAfter,
  type RetryPolicy,
} from './retry'
import {
  type AllWebhookStats,
  allWebhookStatsSchema,
  executionResponseSchema,
  type IntegrationWebhook,
  integrationWebhookSchema,
  type SigningSecret,
  type StatsWindow,
  signingSecretSchema,
  statsWindows,
  type WebhookExecution,
  type WebhookStats,
  webhookExecutionSchema,
  webhookResponseSchema,
  webhookStatsSchema,
} from './schemas'
import { runSubscription, type SubscribeOptions, type WebhookStreamEnd } from './stream'

/**
 * The default `apiUrl`, compatible with the product's existing endpoint.
 *
 * @example
 * ```ts
 * createWebhookClient({ apiUrl: `https://app.example.com${DEFAULT_API_URL}` })
 * ```
 */
export const DEFAULT_API_URL = '/api/integration-webhooks'

/**
 * Paths of the endpoint, relative to `apiUrl` (or absolute URLs). Ids arrive URL-encoded.
 */
export interface WebhookRoutes {
  /** @defaultValue `''` (the `apiUrl` itself) */
  list: () => string
  /** @defaultValue `` id => `executions/${id}` `` */
  executions: (webhookId: string) => string
  /** @defaultValue `` id => id `` */
  status: (webhookId: string) => string
  /** @defaultValue `` id => `${id}/test` `` */
  test: (webhookId: string) => string
  /** @defaultValue `` (id, executionId) => `executions/${id}/${executionId}/retry` `` */
  retry: (webhookId: string, executionId: string) => string
  /** Where `createWebhook` POSTs. @defaultValue `''` (the `apiUrl` itself) */
  create: () => string
  /** Where `getWebhook` GETs one webhook. @defaultValue `` id => id `` */
  get: (webhookId: string) => string
  /** Where `deleteWebhook` sends its DELETE. @defaultValue `` id => id `` */
  delete: (webhookId: string) => string
  /** Where `revealSecret` GETs and `setSecret` PUTs. @defaultValue `` id => `${id}/secret` `` */
  secret: (webhookId: string) => string
  /** Where `rotateSecret` POSTs. @defaultValue `` id => `${id}/secret/rotate` `` */
  rotateSecret: (webhookId: string) => string
  /** Where `subscribe` reads the live stream. @defaultValue `'stream'` */
  stream: () => string
  /** Where `getStats` GETs one webhook's statistics. @defaultValue `` id => `${id}/stats` `` */
  stats: (webhookId: string) => string
  /** Where `getAllStats` GETs every webhook's statistics. @defaultValue `'stats'` */
  allStats: () => string
}

/**
 * The endpoint's paths as DESIGN.md documents them.
 *
 * @example
 * ```ts
 * createWebhookClient({ routes: { ...defaultWebhookRoutes, test: (id) => `${id}/ping` } })
 * ```
 */
export const defaultWebhookRoutes: Readonly<WebhookRoutes> = {
  list: () => '',
  executions: (id) => `executions/${id}`,
  status: (id) => id,
  test: (id) => `${id}/test`,
  retry: (id, executionId) => `executions/${id}/${executionId}/retry`,
  create: () => '',
  get: (id) => id,
  delete: (id) => id,
  secret: (id) => `${id}/secret`,
  rotateSecret: (id) => `${id}/secret/rotate`,
  stream: () => 'stream',
  stats: (id) => `${id}/stats`,
  allStats: () => 'stats',
}

type Awaitable<T> = T | Promise<T>

/** Options of {@link createWebhookClient}. */
export interface WebhookClientOptions {
  /**
   * Where the endpoint lives. A relative URL is resolved against the page's location;
   * outside a browser (Node, workers without a location) pass an absolute URL.
   * @defaultValue '/api/integration-webhooks'
   */
  apiUrl?: string
  /**
   * The `fetch` to use (a wrapped one for tracing, or one from a test).
   * @defaultValue globalThis.fetch, looked up at call time
   */
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  /** Extra headers for every request, or a function that returns them (called per attempt). */
  headers?: HeadersInit | (() => Awaitable<HeadersInit>)
  /** Returns an access token sent as `Authorization: Bearer …`; called per attempt, so it may refresh. */
  getToken?: () => Awaitable<string | null | undefined>
  /** `fetch`'s `credentials` (e.g. `'include'` for cookies on another origin). */
  credentials?: RequestCredentials
  /**
   * How long one attempt may take, in milliseconds (headers and body). `Infinity` means no
   * timeout; a finite value above {@link MAX_TIMER_MS} (about 24.8 days, the longest delay a
   * timer can hold) is clamped to it.
   * @defaultValue 15000
   */
  timeoutMs?: number
  /**
   * Retry policy for idempotent requests, or `false` for none.
   * @defaultValue {@link defaultRetryPolicy}
   */
  retry?: Partial<RetryPolicy> | false
  /** Override any path of the endpoint. */
  routes?: Partial<WebhookRoutes>
}

/** Options every call takes. */
export interface RequestOptions {
  /** Cancels the request (and any wait before a retry); the call rejects with kind `aborted`. */
  signal?: AbortSignal
}

/** Options of {@link WebhookClient.listExecutions}. */
export interface ListExecutionsOptions extends RequestOptions {
  /** Page size. */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string | null
}

/** Options of {@link WebhookClient.createWebhook}. */
export interface CreateWebhookOptions extends RequestOptions {
  /**
   * A name for this webhook, to tell several of one provider apart.
   * @defaultValue the catalog's name of the integration (the server's choice)
   */
  name?: string
}

/** Options of {@link WebhookClient.setSecret} and {@link WebhookClient.rotateSecret}. */
export interface SecretOptions extends RequestOptions {
  /**
   * How long the secret being replaced still verifies, in seconds (0 to 2,592,000, 30 days):
   * time for the provider's side to switch to the new one.
   * @defaultValue 0 (the old secret stops verifying at once)
   */
  graceSeconds?: number
}

/** Options of {@link WebhookClient.getStats} and {@link WebhookClient.getAllStats}. */
export interface StatsOptions extends RequestOptions {
  /**
   * The window: the last 24 hours in hourly buckets, or the last 7 or 30 days in daily ones.
   * @defaultValue '24h'
   */
  window?: StatsWindow
}

/**
 * The longest grace period the server accepts: 30 days, in seconds.
 *
 * @example
 * ```ts
 * client.rotateSecret(id, { graceSeconds: Math.min(days * 86_400, MAX_GRACE_SECONDS) })
 * ```
 */
export const MAX_GRACE_SECONDS = 30 * 24 * 3600

function graceBody(graceSeconds: number | undefined): { grace_seconds?: number } {
  if (graceSeconds === undefined) return {}
  if (!(Number.isInteger(graceSeconds) && graceSeconds >= 0 && graceSeconds <= MAX_GRACE_SECONDS)) {
    throw new TypeError(
      `graceSeconds must be a whole number of seconds from 0 to ${MAX_GRACE_SECONDS}, got ${String(graceSeconds)}`,
    )
  }
  return { grace_seconds: graceSeconds }
}

/**
 * A typed client for the webhook endpoint. Every failure of a request is a
 * {@link WebhookApiError}; a bad argument (an empty id, an unknown status) is a `TypeError`.
 */
export interface WebhookClient {
  /** The `apiUrl` the client was made with. */
  readonly apiUrl: string
  /** `GET {apiUrl}`: all webhooks, leniently parsed (invalid rows reported in `invalid`). */
  listWebhooks(options?: RequestOptions): Promise<WebhookList>
  /** `GET {apiUrl}/executions/{id}?limit=&cursor=`: one page of executions, newest first. */
  listExecutions(webhookId: string, options?: ListExecutionsOptions): Promise<ExecutionsPage>
  /** `PATCH {apiUrl}/{id}` with `{ status }`: enables or disables a webhook. */
  setStatus(webhookId: string, status: 'active' | 'inactive', options?: RequestOptions): Promise<IntegrationWebhook>
  /** `POST {apiUrl}/{id}/test`: sends a sample event through the webhook. Never retried. */
  sendTest(webhookId: string, options?: RequestOptions): Promise<WebhookExecution>
  /** `POST {apiUrl}/executions/{id}/{executionId}/retry`: redelivers one execution. Never retried. */
  retryExecution(webhookId: string, executionId: string, options?: RequestOptions): Promise<WebhookExecution>
  /**
   * `POST {apiUrl}` with `{ provider_id, name? }`: saves a webhook for the user from the catalog
   * entry `providerId`, with a receiving URL of its own (201 `{ webhook }`). Never retried: a
   * repeat would save a second webhook. An unknown provider is a `bad-request` (400).
   */
  createWebhook(providerId: string, options?: CreateWebhookOptions): Promise<IntegrationWebhook>
  /** `GET {apiUrl}/{id}`: one saved webhook (`not-found` when it is not the user's). */
  getWebhook(webhookId: string, options?: RequestOptions): Promise<IntegrationWebhook>
  /**
   * `DELETE {apiUrl}/{id}` (204): deletes a webhook and its executions. Never retried: after a
   * lost answer the webhook may be gone already, and a repeat would report `not-found`.
   */
  deleteWebhook(webhookId: string, options?: RequestOptions): Promise<void>
  /**
   * `GET {apiUrl}/{id}/secret`: the webhook's signing secret (null while none is set) and until
   * when the previous one still verifies. The only call that returns a secret: keep it out of
   * logs and caches.
   */
  revealSecret(webhookId: string, options?: RequestOptions): Promise<SigningSecret>
  /**
   * `PUT {apiUrl}/{id}/secret` with `{ secret, grace_seconds? }`: stores a secret the provider
   * issued; returns the webhook (its `signing.secret_set` now true). A secret of the wrong form
   * is a `bad-request` with `code: 'invalid_secret'` and the server's sentence in `serverMessage`.
   */
  setSecret(webhookId: string, secret: string, options?: SecretOptions): Promise<IntegrationWebhook>
  /**
   * `POST {apiUrl}/{id}/secret/rotate` with `{ grace_seconds? }`: a new secret we issue. Never
   * retried (a repeat would rotate twice). A secret the provider issues is a `conflict` with
   * `code: 'not_rotatable'`.
   */
  rotateSecret(webhookId: string, options?: SecretOptions): Promise<SigningSecret>
  /**
   * `GET {apiUrl}/stream`: live `execution`, `webhook` and `reset` events (Server-Sent Events
   * read over `fetch`, so the client's headers, credentials and token go with it), until
   * `signal` aborts. Reconnects after a drop, a 5xx or a 429 with backoff and jitter (the
   * server's `retry:` as the first delay) and `Last-Event-ID`; stops on 401/403 (`closed`, with
   * the error) and on 404/405 (`unsupported`: poll instead). Event data is checked against the
   * schemas: an invalid event goes to `onInvalid`, never to `onEvent`. Resolves when it stops;
   * never rejects.
   */
  subscribe(options: SubscribeOptions): Promise<WebhookStreamEnd>
  /**
   * `GET {apiUrl}/{id}/stats?window=`: one webhook's counts, success rate, p50/p95 execution time
   * and buckets over the window. An answer for another window than asked is `invalid-response`.
   */
  getStats(webhookId: string, options?: StatsOptions): Promise<WebhookStats>
  /** `GET {apiUrl}/stats?window=`: the same figures for every saved webhook of the user, by id. */
  getAllStats(options?: StatsOptions): Promise<AllWebhookStats>
}

interface Call<T> {
  method: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
  /** Retried on network, timeout, 429 and 5xx only when true. */
  idempotent: boolean
  parse: (json: unknown) => T
  /** The answer has no body to read (`204 No Content`): whatever comes is ignored. */
  noContent?: boolean
  signal: AbortSignal | undefined
}

const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url)

function requireId(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${name} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`)
  }
  // `encodeURIComponent` leaves dots alone, and a URL resolves "." and ".." as path steps:
  // `setStatus('..')` would PATCH the parent of apiUrl, with the user's token.
  if (value === '.' || value === '..') {
    throw new TypeError(`${name} must not be "." or "..": it would address a path outside apiUrl`)
  }
  return encodeURIComponent(value)
}

function single<T>(envelope: z.ZodMiniType, key: string, schema: z.ZodMiniType<T>) {
  // The contract wraps the object (`{ webhook }` / `{ execution }`); a bare object is accepted too.
  return (json: unknown): T => {
    const wrapped = envelope.safeParse(json)
    if (wrapped.success) return (wrapped.data as Record<string, T>)[key] as T
    const bare = schema.safeParse(json)
    if (bare.success) return bare.data
    throw new WebhookApiError('invalid-response', `The response has no valid "${key}"`, {
      issues: formatIssues(bare.error.issues),
    })
  }
}

function statsWindowOf(window: unknown): StatsWindow {
  if (window === undefined) return '24h'
  if (!statsWindows.includes(window as StatsWindow)) {
    throw new TypeError(
      `window must be one of ${statsWindows.map((w) => `"${w}"`).join(', ')}, got ${JSON.stringify(window) ?? String(window)}`,
    )
  }
  return window as StatsWindow
}

/** A parser of a stats body that also holds it to the window asked for (a server that ignored `?window=`). */
function statsParser<T extends { window: StatsWindow }>(schema: z.ZodMiniType<T>, what: string, window: StatsWindow) {
  return (json: unknown): T => {
    const result = schema.safeParse(json)
    if (!result.success) {
      throw new WebhookApiError('invalid-response', `The response is not ${what}`, {
        issues: formatIssues(result.error.issues),
      })
    }
    if (result.data.window !== window) {
      throw new WebhookApiError('invalid-response', `The response covers window ${result.data.window}, not ${window}`, {
        issues: [`window: expected "${window}", got "${result.data.window}"`],
      })
    }
    return result.data
  }
}

function parseSigningSecret(json: unknown): SigningSecret {
  const result = signingSecretSchema.safeParse(json)
  if (result.success) return result.data
  throw new WebhookApiError('invalid-response', 'The response is not { secret, previous_expires_at }', {
    issues: formatIssues(result.error.issues),
  })
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.min(ms, MAX_TIMER_MS),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** What a failed response's body says: `{ "error", "code", "issues"? }` (or `message` for `error`). */
interface ErrorBody {
  message?: string
  code?: string
  issues?: string[]
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined)

function readErrorBody(text: string): ErrorBody {
  let body: { error?: unknown; message?: unknown; code?: unknown; issues?: unknown }
  try {
    body = JSON.parse(text)
  } catch {
    return {}
  }
  if (typeof body !== 'object' || body === null) return {}
  // Issues as `path: message` strings, or `{ path, message }` objects (path a string or an array).
  const issues = Array.isArray(body.issues)
    ? body.issues.flatMap((issue: unknown) => {
        if (typeof issue === 'string') return [issue]
        const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown }
        if (typeof message !== 'string') return []
        const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : ''
        return [`${where || '(root)'}: ${message}`]
      })
    : undefined
  return {
    message: nonEmpty(body.error) ?? nonEmpty(body.message),
    code: nonEmpty(body.code),
    ...(issues?.length ? { issues } : {}),
  }
}

/**
 * Creates a typed client for the webhook endpoint over `fetch`.
 *
 * Runs anywhere `fetch` does (browsers, Node ≥ 20, workers). Failures are
 * {@link WebhookApiError} values with a `kind`. Idempotent requests (GET, and the
 * status PATCH, which sets an absolute value) are retried with exponential backoff
 * and jitter on network errors, timeouts, 429 (honouring `Retry-After`) and 5xx;
 * creates, deletes, test and retry POSTs are never repeated behind the user's back.
 *
 * @example
 * ```ts
 * const client = createWebhookClient({
 *   apiUrl: 'https://app.example.com/api/integration-webhooks',
 *   getToken: () => session.accessToken,
 * })
 * const { webhooks, invalid } = await client.listWebhooks({ signal: AbortSignal.timeout(10_000) })
 * ```
 */
export function createWebhookClient(options: WebhookClientOptions = {}): WebhookClient {
  const apiUrl = options.apiUrl ?? DEFAULT_API_URL
  if (typeof apiUrl !== 'string' || apiUrl.trim() === '') throw new TypeError('apiUrl must be a non-empty string')
  const timeoutOption = options.timeoutMs ?? 15_000
  if (!(timeoutOption > 0)) throw new TypeError(`timeoutMs must be a positive number, got ${String(timeoutOption)}`)
  // Infinity: no timer at all; any other value clamped (a longer timer fires at once).
  const timeoutMs = timeoutOption === Number.POSITIVE_INFINITY ? undefined : Math.min(timeoutOption, MAX_TIMER_MS)
  const policy: RetryPolicy =
    options.retry === false ? { ...defaultRetryPolicy, retries: 0 } : { ...defaultRetryPolicy, ...options.retry }
  const routes: WebhookRoutes = { ...defaultWebhookRoutes, ...options.routes }

  function resolveUrl(path: string, query: Record<string, string | undefined> = {}): string {
    let base = apiUrl
    if (!hasScheme(base)) {
      const here = (globalThis as { location?: { href?: string } }).location?.href
      if (!here) {
        throw new TypeError(
          `apiUrl "${apiUrl}" is relative and there is no page location to resolve it against; ` +
            'pass an absolute URL (e.g. "https://app.example.com/api/integration-webhooks") outside a browser',
        )
      }
      base = new URL(base, here).href
    }
    let url: URL
    if (hasScheme(path)) url = new URL(path)
    else if (path.startsWith('/')) url = new URL(path, base)
    else {
      const root = base.replace(/[?#].*$/, '').replace(/\/+$/, '')
      url = new URL(path ? `${root}/${path}` : base)
      // A path relative to apiUrl stays under it, whatever a custom route makes of an id.
      const inside = new URL(root).pathname
      if (path && !url.pathname.startsWith(`${inside}/`)) {
        throw new TypeError(`The path "${path}" leads outside apiUrl ("${apiUrl}"): no request was sent`)
      }
    }
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value)
    return url.href
  }

  async function buildHeaders(hasBody: boolean): Promise<Headers> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers
    const headers = new Headers(extra)
    if (!headers.has('accept')) headers.set('accept', 'application/json')
    if (hasBody) headers.set('content-type', 'application/json')
    const token = await options.getToken?.()
    if (token) headers.set('authorization', `Bearer ${token}`)
    return headers
  }

  /**
   * The headers of one attempt. A `getToken` or `headers` that throws is the host's session
   * failing, not the network: kind `credentials`, the cause kept, no request sent, no retry.
   */
  async function headersFor(call: Call<unknown>, url: string): Promise<Headers> {
    try {
      return await buildHeaders(call.body !== undefined)
    } catch (error) {
      throw new WebhookApiError(
        'credentials',
        `${call.method} ${url} was not sent: the session could not be read (getToken or headers threw: ${
          (error as Error)?.message ?? String(error)
        })`,
        { method: call.method, url, cause: error },
      )
    }
  }

  async function attempt<T>(call: Call<T>, url: string): Promise<T> {
    const { method, signal } = call
    const fail = (kind: ConstructorParameters<typeof WebhookApiError>[0], message: string, details = {}) =>
      new WebhookApiError(kind, message, { method, url, ...details })
    if (signal?.aborted) throw fail('aborted', `${method} ${url} was aborted`, { cause: signal.reason })
    const headers = await headersFor(call, url)

    const controller = new AbortController()
    let timedOut = false
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            controller.abort()
          }, timeoutMs)
    const onAbort = () => controller.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    // Aborted while the headers were awaited (getToken): the listener came too late to hear it.
    if (signal?.aborted) controller.abort()
    const failure = (error: unknown, stage: string) =>
      signal?.aborted
        ? fail('aborted', `${method} ${url} was aborted`, { cause: signal.reason })
        : timedOut
          ? fail('timeout', `${method} ${url} got no answer within ${timeoutMs} ms`, { cause: error })
          : fail('network', `${method} ${url} failed ${stage}: ${(error as Error)?.message ?? String(error)}`, {
              cause: error,
            })
    try {
      const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init))
      let response: Response
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          credentials: options.credentials,
          signal: controller.signal,
        })
      } catch (error) {
        throw failure(error, 'before an answer')
      }
      let text: string
      try {
        text = await response.text()
      } catch (error) {
        throw failure(error, 'while reading the answer')
      }
      if (!response.ok) {
        const kind = errorKindForStatus(response.status)
        const body = readErrorBody(text)
        const reason = body.message ?? response.statusText
        throw fail(kind, `${method} ${url} answered ${response.status}${reason ? `: ${reason}` : ''}`, {
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          code: body.code,
          serverMessage: body.message,
          issues: body.issues,
        })
      }
      if (call.noContent) return call.parse(undefined)
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch (error) {
        const type = response.headers.get('content-type') ?? 'no content type'
        throw fail(
          'invalid-response',
          `${method} ${url} answered ${response.status} with a body that is not JSON (${type})`,
          {
            status: response.status,
            cause: error,
            issues: [`(root): expected JSON, got ${JSON.stringify(text.slice(0, 60))}`],
          },
        )
      }
      try {
        return call.parse(json)
      } catch (error) {
        const e = error as WebhookApiError
        throw fail('invalid-response', `${method} ${url}: ${e.message}`, { status: response.status, issues: e.issues })
      }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  async function send<T>(call: Call<T>): Promise<T> {
    const url = resolveUrl(call.path, call.query)
    for (let retry = 0; ; retry++) {
      try {
        return await attempt(call, url)
      } catch (error) {
        const e = error as WebhookApiError
        const canRetry =
          call.idempotent &&
          retry < policy.retries &&
          isRetryableKind(e.kind) &&
          (e.retryAfterMs === undefined || e.retryAfterMs <= policy.maxRetryAfterMs)
        if (!canRetry) throw e
        const delayMs = backoffDelay(retry, policy, e.retryAfterMs)
        policy.onRetry?.({ attempt: retry + 1, delayMs, error: e })
        try {
          await sleep(delayMs, call.signal)
        } catch (reason) {
          throw new WebhookApiError('aborted', `${call.method} ${url} was aborted`, {
            method: call.method,
            url,
            cause: reason,
          })
        }
      }
    }
  }

  const parseWebhook = single<IntegrationWebhook>(webhookResponseSchema, 'webhook', integrationWebhookSchema)
  const parseExecution = single<WebhookExecution>(executionResponseSchema, 'execution', webhookExecutionSchema)

  return {
    apiUrl,
    listWebhooks: (opts = {}) =>
      send({ method: 'GET', path: routes.list(), idempotent: true, parse: parseWebhookList, signal: opts.signal }),
    listExecutions: async (webhookId, opts = {}) => {
      const { limit, cursor } = opts
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
        throw new TypeError(`limit must be a positive integer, got ${String(limit)}`)
      }
      return send({
        method: 'GET',
        path: routes.executions(requireId(webhookId, 'webhookId')),
        query: { limit: limit?.toString(), cursor: cursor ?? undefined },
        idempotent: true,
        parse: parseExecutionsPage,
        signal: opts.signal,
      })
    },
    setStatus: async (webhookId, status, opts = {}) => {
      if (status !== 'active' && status !== 'inactive') {
        throw new TypeError(`status must be "active" or "inactive", got ${JSON.stringify(status)}`)
      }
      return send({
        method: 'PATCH',
        path: routes.status(requireId(webhookId, 'webhookId')),
        body: { status },
        idempotent: true,
        parse: parseWebhook,
        signal: opts.signal,
      })
    },
    sendTest: async (webhookId, opts = {}) =>
      send({
        method: 'POST',
        path: routes.test(requireId(webhookId, 'webhookId')),
        body: {},
        idempotent: false,
        parse: parseExecution,
        signal: opts.signal,
      }),
    retryExecution: async (webhookId, executionId, opts = {}) =>
      send({
        method: 'POST',
        path: routes.retry(requireId(webhookId, 'webhookId'), requireId(executionId, 'executionId')),
        body: {},
        idempotent: false,
        parse: parseExecution,
        signal: opts.signal,
      }),
    createWebhook: async (providerId, opts = {}) => {
      if (typeof providerId !== 'string' || providerId.length === 0) {
        throw new TypeError(
          `providerId must be a non-empty string, got ${JSON.stringify(providerId) ?? String(providerId)}`,
        )
      }
      const { name } = opts
      if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
        throw new TypeError(`name must be a non-empty string when given, got ${JSON.stringify(name) ?? String(name)}`)
      }
      return send({
        method: 'POST',
        path: routes.create(),
        body: name === undefined ? { provider_id: providerId } : { provider_id: providerId, name },
        idempotent: false,
        parse: parseWebhook,
        signal: opts.signal,
      })
    },
    getWebhook: async (webhookId, opts = {}) =>
      send({
        method: 'GET',
        path: routes.get(requireId(webhookId, 'webhookId')),
        idempotent: true,
        parse: parseWebhook,
        signal: opts.signal,
      }),
    deleteWebhook: async (webhookId, opts = {}) =>
      send({
        method: 'DELETE',
        path: routes.delete(requireId(webhookId, 'webhookId')),
        idempotent: false,
        noContent: true,
        parse: () => undefined,
        signal: opts.signal,
      }),
    revealSecret: async (webhookId, opts = {}) =>
      send({
        method: 'GET',
        path: routes.secret(requireId(webhookId, 'webhookId')),
        idempotent: true,
        parse: parseSigningSecret,
        signal: opts.signal,
      }),
    setSecret: async (webhookId, secret, opts = {}) => {
      if (typeof secret !== 'string' || secret.trim() === '') {
        throw new TypeError(
          `secret must be a non-empty string, got ${typeof secret === 'string' ? 'blanks' : typeof secret}`,
        )
      }
      return send({
        method: 'PUT',
        path: routes.secret(requireId(webhookId, 'webhookId')),
        body: { secret, ...graceBody(opts.graceSeconds) },
        // PUT sets an absolute value: repeating it after a lost answer stores the same secret. Not
        // with a grace period: a repeat would keep the new secret as "previous" and drop the old one.
        idempotent: !opts.graceSeconds,
        parse: parseWebhook,
        signal: opts.signal,
      })
    },
    rotateSecret: async (webhookId, opts = {}) =>
      send({
        method: 'POST',
        path: routes.rotateSecret(requireId(webhookId, 'webhookId')),
        body: graceBody(opts.graceSeconds),
        idempotent: false,
        parse: parseSigningSecret,
        signal: opts.signal,
      }),
    subscribe: async (opts) => {
      const url = resolveUrl(routes.stream())
      return runSubscription(
        {
          url,
          headers: () => headersFor({ method: 'GET', body: undefined } as Call<unknown>, url),
          fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
          credentials: options.credentials,
          random: policy.random,
        },
        opts,
      )
    },
    getStats: async (webhookId, opts = {}) => {
      const window = statsWindowOf(opts.window)
      return send({
        method: 'GET',
        path: routes.stats(requireId(webhookId, 'webhookId')),
        query: { window },
        idempotent: true,
        parse: statsParser(webhookStatsSchema, "a webhook's statistics", window),
        signal: opts.signal,
      })
    },
    getAllStats: async (opts = {}) => {
      const window = statsWindowOf(opts.window)
      return send({
        method: 'GET',
        path: routes.allStats(),
        query: { window },
        idempotent: true,
        parse: statsParser(allWebhookStatsSchema, 'the statistics of every webhook ({ window, stats })', window),
        signal: opts.signal,
      })
    },
  }
}
