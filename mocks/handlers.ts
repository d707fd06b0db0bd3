import {
  defaultCatalog,
  type ExecutionStatus,
  fillSetupSteps,
  type IntegrationWebhook,
  numberSteps,
  type StatsWindow,
  type WebhookExecution,
  type WebhookStatsFigures,
} from 'integration-webhooks/core'
import { delay, type HttpHandler, HttpResponse, http } from 'msw'
import { schemeFor } from '../src/server/schemes/index'
import { executionId, failures, liveExecution } from './history'
import { iso, mockReceiveToken, receivingUrl, SECOND } from './options'
import { createRandom, deriveSeed } from './random'
import type { ScenarioBehavior } from './scenarios'
import { mockSigning } from './signing'
import { ensureExecutions, type StoreState } from './state'
import { isStatsWindow, mockWebhookStats } from './stats'
import type { MockEventHub, MockStreamMode } from './stream'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

const error = (status: number, message: string) => HttpResponse.json({ error: message }, { status })
/** An error as the contract writes it: `{ error, code }`, and the issues of a 400. */
const coded = (status: number, message: string, code: string, issues?: string[]) =>
  HttpResponse.json({ error: message, code, ...(issues ? { issues } : {}) }, { status })
/** The server's one 404 for a missing webhook (and another user's). */
const webhookNotFound = () => coded(404, 'No webhook with this id', 'not_found')

const MAX_GRACE_SECONDS = 30 * 24 * 3600

/** Why a pasted secret does not fit (null: it does), as the server's scheme checks its form. */
function secretProblem(webhook: IntegrationWebhook, secret: string): string | null {
  if (secret !== secret.trim()) return 'must not start or end with spaces'
  return schemeFor(defaultCatalog.resolve(webhook.provider_id)).secret.validate(secret)
}

/** Whether events of a scheme with this secret source are refused until a secret is set (as the server's `needsSecretFor`). */
const needsSecret = (source: string) => source === 'generated' || source === 'provider' || source === 'handshake'

/**
 * A webhook's signing as the server would report it. A host's own row without `signing` counts
 * as set up, its secret set (the fixtures carry theirs), so its test events go through.
 */
const signingOf = (webhook: IntegrationWebhook) => webhook.signing ?? mockSigning(webhook.provider_id, true)

/**
 * The stored secret of a webhook that has one: the fixtures' secrets are made on first reveal,
 * the same for the same seed, in the form the scheme expects (a Stripe `whsec_…`, Discord's
 * public key in hex, …).
 */
function storedSecret(state: StoreState, webhook: IntegrationWebhook) {
  let stored = state.secrets.get(webhook.id)
  const signing = signingOf(webhook)
  if (!stored && signing.secret_set) {
    const rng = createRandom(deriveSeed(state.options.seed, 'secret', webhook.id))
    const { validate, generate } = schemeFor(defaultCatalog.resolve(webhook.provider_id)).secret
    const candidates = [
      rng.alphanumeric(40),
      `whsec_${rng.alphanumeric(32)}`,
      rng.hex(64),
      rng.hex(32),
      `secret_${rng.alphanumeric(40)}`,
    ]
    // A form none of these fits (a scheme added later) still gets a valid secret, if not the same each time.
    const secret = candidates.find((candidate) => validate(candidate) === null) ?? generate()
    stored = { secret, previous: null, previous_expires_at: signing.previous_expires_at }
    state.secrets.set(webhook.id, stored)
  }
  return stored
}

/** The `window` of a statistics request (absent: 24h), or undefined for anything the server refuses. */
function windowOf(request: Request): StatsWindow | undefined {
  const values = new URL(request.url).searchParams.getAll('window')
  if (values.length === 0 || (values.length === 1 && values[0] === '')) return '24h'
  return values.length === 1 && isStatsWindow(values[0] as string) ? (values[0] as StatsWindow) : undefined
}

/** The server's 400 for a bad window. */
const badWindow = (request: Request) => {
  const given = new URL(request.url).searchParams.getAll('window').join(',').slice(0, 20)
  return coded(400, 'window must be one of 24h, 7d, 30d', 'invalid_query', [
    `window: expected 24h, 7d or 30d, got ${JSON.stringify(given)}`,
  ])
}

/** A marker for a body the server refuses, with its answer. */
class Refused {
  constructor(readonly response: Response) {}
}

/**
 * The JSON body of a request as the server reads it: 415 for another media type, 400
 * `invalid_json` when it is empty or not JSON (the same sentences).
 */
async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    return new Refused(
      coded(415, 'The request body must be JSON (Content-Type: application/json)', 'unsupported_media_type'),
    )
  }
  const text = await request.text()
  if (text.trim() === '') {
    return new Refused(coded(400, 'The request body is empty: a JSON object is required', 'invalid_json'))
  }
  try {
    return JSON.parse(text)
  } catch {
    return new Refused(coded(400, 'The request body is not valid JSON', 'invalid_json'))
  }
}

/** The server's 400 for a JSON body of the wrong shape. */
const invalidBody = (issues: string[]) => coded(400, 'The request body is not valid', 'invalid_body', issues)

/** The issues of a create body, as `path: message` (none: it is valid). */
function createBodyIssues(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['(root): expected an object']
  const { provider_id: providerId, name } = body as { provider_id?: unknown; name?: unknown }
  const issues: string[] = []
  if (typeof providerId !== 'string' || providerId === '') issues.push('provider_id: expected a non-empty string')
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > 200)) {
    issues.push('name: expected a string of 1 to 200 characters')
  }
  return issues
}

/**
 * The MSW path of `apiUrl`. MSW resolves a relative path against `location` in a
 * browser; where there is none (Node), `*` in front matches the path on any origin.
 */
export function basePath(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, '')
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed
  if (typeof location !== 'undefined') return trimmed
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`
}

/** `limit` as the server reads it: absent → 20; a whole number from 1 to 100; anything else is a 400. */
function parseLimit(raw: string | null): number | undefined {
  if (raw === null || raw === '') return DEFAULT_LIMIT
  const size = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN
  return size >= 1 && size <= MAX_LIMIT ? size : undefined
}

/** Puts each invalid row after a valid one, so they show up mixed in, not at the end. */
function interleave(rows: readonly unknown[], extra: readonly unknown[]): unknown[] {
  const out = [...rows]
  extra.forEach((row, k) => {
    out.splice(Math.min(out.length, 2 * k + 1), 0, row)
  })
  return out
}

interface HandlerConfig {
  readonly apiUrl: string
  readonly behavior: ScenarioBehavior
  readonly latencyMs: number
  /** Where changes are streamed (`GET {apiUrl}/stream`). */
  readonly hub: MockEventHub
  readonly stream: MockStreamMode
}

/** The handlers of the HTTP contract over a store's state (read through `get`, as `reset` replaces it). */
export function buildHandlers(
  get: () => StoreState,
  config: HandlerConfig,
): { handlers: HttpHandler[]; receive: (webhookId: string, status?: ExecutionStatus) => WebhookExecution | undefined } {
  const base = basePath(config.apiUrl)
  const { behavior, latencyMs, hub } = config
  const changed = (webhook: IntegrationWebhook) => hub.webhook(webhook.id, webhook)

  /** Latency and scenario failures, in front of every route. */
  async function gate(): Promise<Response | undefined> {
    const state = get()
    const request = ++state.requests
    if (latencyMs > 0) await delay(latencyMs)
    if (behavior.fail) return error(behavior.fail.status, behavior.fail.error)
    if (behavior.flaky && request % 2 === 0) return error(503, 'Service temporarily unavailable')
    return undefined
  }

  // What the mock creates now (a test event, a redelivery) is dated now — the real clock — so the
  // UI says "just now", not "2 weeks ago" against the fixtures' fixed date; with a \`now\` in the
  // future, a second after it for each event, as before.
  const tick = (state: StoreState) => Math.max(Date.now(), state.options.nowMs + ++state.ticks * SECOND)

  function record(state: StoreState, webhook: IntegrationWebhook, execution: WebhookExecution) {
    const list = ensureExecutions(state, webhook.id)
    // Newest first by `triggered_at`, as the server lists them (a finished failure was recorded
    // as long ago as its attempts took).
    const at = list.findIndex((other) => other.triggered_at <= execution.triggered_at)
    list.splice(at < 0 ? list.length : at, 0, execution)
    webhook.trigger_count += 1
    if (execution.status === 'error') webhook.error_count += 1
    if (!webhook.last_triggered || webhook.last_triggered < execution.triggered_at) {
      webhook.last_triggered = execution.triggered_at
    }
    hub.execution(execution)
    changed(webhook)
  }

  /** An event from the provider: recorded as a new execution, and streamed. */
  function receive(webhookId: string, status: ExecutionStatus = 'success'): WebhookExecution | undefined {
    const state = get()
    const webhook = state.byId.get(webhookId)
    if (!webhook) return undefined
    const list = ensureExecutions(state, webhook.id)
    // As it stands once the server is done with it: recorded (pending), or dispatched to the end.
    const execution = liveExecution({
      id: nextExecutionId(list, webhook.id),
      webhook,
      atMs: tick(state),
      rng: state.liveRng,
      dispatch: status === 'pending' ? 'pending' : 'finished',
      ...(status === 'error' ? { failure: state.dataset.failures.get(webhook.id) ?? failures.handler } : {}),
    })
    record(state, webhook, execution)
    return structuredClone(execution)
  }

  // Order matters: the `executions/…` routes come before the `/:webhookId` ones.
  const handlers = [
    http.get(base || '/', async () => {
      const failed = await gate()
      if (failed) return failed
      const { webhooks, dataset } = get()
      const rows: unknown[] = [...webhooks]
      for (const { index, row } of dataset.invalidWebhookRows) rows.splice(Math.min(index, rows.length), 0, row)
      return HttpResponse.json({ webhooks: rows, source: 'saved' })
    }),

    // Before `/:webhookId`: "stream" is not a webhook id.
    http.get(`${base}/stream`, async ({ request }) => {
      if (config.stream === 'none') return coded(404, 'Not found', 'not_found')
      const failed = await gate()
      if (failed) return failed
      if (config.stream === 'dropping') return coded(503, 'The live stream is unavailable', 'unavailable')
      return hub.respond(request)
    }),

    http.post(base || '/', async ({ request }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      const body = await readJson(request)
      if (body instanceof Refused) return body.response
      const issues = createBodyIssues(body)
      if (issues.length > 0) return invalidBody(issues)
      const { provider_id: providerId, name } = body as { provider_id: string; name?: string }
      const integration = defaultCatalog.get(providerId)
      if (!integration) {
        return coded(
          400,
          `Unknown provider_id "${providerId}": the catalog has no such integration`,
          'unknown_provider',
        )
      }
      if (!integration.isAvailable) {
        return coded(400, `The integration "${providerId}" is not available`, 'unknown_provider')
      }
      const id = `wh_${state.liveRng.alphanumeric(16)}`
      const webhookUrl = receivingUrl(state.options.origin, config.apiUrl, mockReceiveToken(state.liveRng))
      const stamp = iso(tick(state))
      const webhook: IntegrationWebhook = {
        id,
        user_id: state.options.userId,
        provider_id: integration.id,
        webhook_url: webhookUrl,
        trigger_types: integration.triggers.map((trigger) => trigger.type),
        integration_config: {},
        external_config: {
          type: integration.delivery,
          setup_required: true,
          instructions: numberSteps(fillSetupSteps(integration, webhookUrl)),
          integration_name: integration.name,
          category: integration.category,
          capabilities: [...integration.capabilities],
          ...(integration.docsUrl ? { docs_url: integration.docsUrl } : {}),
        },
        // Active at once, as the real server saves it (events are refused until a needed secret is set).
        status: 'active',
        last_triggered: null,
        trigger_count: 0,
        error_count: 0,
        created_at: stamp,
        updated_at: stamp,
        name: name ?? integration.name,
      }
      // A secret we issue is made now; one the provider issues waits to be pasted.
      const signing = mockSigning(integration.id, false)
      if (signing.source === 'generated') {
        signing.secret_set = true
        state.secrets.set(id, { secret: state.liveRng.alphanumeric(40), previous: null, previous_expires_at: null })
      }
      webhook.signing = signing
      state.webhooks.push(webhook)
      state.byId.set(id, webhook)
      state.executions.set(id, [])
      changed(webhook)
      return HttpResponse.json({ webhook: structuredClone(webhook) }, { status: 201 })
    }),

    http.get<{ webhookId: string }>(`${base}/executions/:webhookId`, async ({ request, params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      if (!state.byId.has(params.webhookId)) return webhookNotFound()
      const query = new URL(request.url).searchParams
      const limit = parseLimit(query.get('limit'))
      if (limit === undefined) {
        return coded(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`, 'invalid_query', [
          `limit: expected 1–${MAX_LIMIT}, got ${JSON.stringify((query.get('limit') ?? '').slice(0, 20))}`,
        ])
      }
      const cursor = query.get('cursor') || null
      const all = ensureExecutions(state, params.webhookId)
      let start = 0
      if (cursor !== null) {
        // The cursor is the id of the last execution of the previous page, so executions
        // added in between (a test event) neither repeat nor skip rows.
        const at = all.findIndex((execution) => execution.id === cursor)
        if (at < 0) {
          return coded(400, 'The cursor is not valid for this webhook: start from the first page', 'invalid_cursor')
        }
        start = at + 1
      }
      const page = all.slice(start, start + limit)
      const nextCursor = start + limit < all.length ? (page.at(-1)?.id ?? null) : null
      const first = page[0]
      const invalid = cursor === null && first ? (state.dataset.invalidExecutionRows?.(first) ?? []) : []
      return HttpResponse.json({ executions: interleave(page, invalid), next_cursor: nextCursor })
    }),

    http.post<{ webhookId: string; executionId: string }>(
      `${base}/executions/:webhookId/:executionId/retry`,
      async ({ params }) => {
        const failed = await gate()
        if (failed) return failed
        const state = get()
        const webhook = state.byId.get(params.webhookId)
        if (!webhook) return webhookNotFound()
        const list = ensureExecutions(state, webhook.id)
        const original = list.find((execution) => execution.id === params.executionId)
        if (!original) return coded(404, 'No execution with this id', 'not_found')
        // As the server refuses them.
        if (webhook.status === 'inactive') {
          return coded(409, 'The webhook is disabled: enable it, then retry', 'webhook_disabled')
        }
        if (original.payload_truncated) {
          return coded(
            409,
            'This execution kept only the first 256 KiB of its payload: it cannot be sent again whole',
            'conflict',
          )
        }
        if (original.status === 'pending') {
          return coded(409, 'This execution is still being delivered: wait for it to finish', 'already_pending')
        }
        const execution = liveExecution({
          id: nextExecutionId(list, webhook.id),
          webhook,
          atMs: tick(state),
          rng: state.liveRng,
          original,
        })
        record(state, webhook, execution)
        return HttpResponse.json({ execution: structuredClone(execution) }, { status: 202 })
      },
    ),

    // Statistics (issue 14): `stats` before `/:webhookId`, which would take it for an id.
    http.get(`${base}/stats`, async ({ request }) => {
      const failed = await gate()
      if (failed) return failed
      const window = windowOf(request)
      if (!window) return badWindow(request)
      const state = get()
      const stats: Record<string, WebhookStatsFigures> = {}
      for (const webhook of state.webhooks) {
        const live = state.executions.get(webhook.id) ?? []
        stats[webhook.id] = mockWebhookStats(webhook, live, window, state.options.nowMs, state.options.seed)
      }
      return HttpResponse.json({ window, stats })
    }),

    http.get<{ webhookId: string }>(`${base}/:webhookId/stats`, async ({ request, params }) => {
      const failed = await gate()
      if (failed) return failed
      const window = windowOf(request)
      if (!window) return badWindow(request)
      const state = get()
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      const live = state.executions.get(webhook.id) ?? []
      return HttpResponse.json({
        window,
        ...mockWebhookStats(webhook, live, window, state.options.nowMs, state.options.seed),
      })
    }),

    http.get<{ webhookId: string }>(`${base}/:webhookId/secret`, async ({ params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      const stored = storedSecret(state, webhook)
      const live = stored?.previous_expires_at && Date.parse(stored.previous_expires_at) > Date.now()
      return HttpResponse.json({
        secret: stored?.secret ?? null,
        previous_expires_at: live ? (stored?.previous_expires_at ?? null) : null,
      })
    }),

    http.put<{ webhookId: string }>(`${base}/:webhookId/secret`, async ({ request, params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      // As the server: the body first, then the webhook.
      const read = await readJson(request)
      if (read instanceof Refused) return read.response
      const body = read as { secret?: unknown; grace_seconds?: unknown } | null
      const grace = body?.grace_seconds
      if (
        typeof body?.secret !== 'string' ||
        body.secret === '' ||
        (grace !== undefined &&
          !(Number.isInteger(grace) && (grace as number) >= 0 && (grace as number) <= MAX_GRACE_SECONDS))
      ) {
        return invalidBody(['secret: expected a string of 1 to 4096 characters'])
      }
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      const signing = webhook.signing ?? mockSigning(webhook.provider_id, false)
      const value = body.secret.trim()
      const problem = secretProblem(webhook, value)
      if (problem) {
        return coded(400, `This is not a ${signing.label} secret: ${problem}`, 'invalid_secret', [`secret: ${problem}`])
      }
      const current = storedSecret(state, webhook)
      const keep = grace && current?.secret ? current.secret : null
      const expires = keep ? iso(Date.now() + (grace as number) * 1000) : null
      state.secrets.set(webhook.id, { secret: value, previous: keep, previous_expires_at: expires })
      webhook.signing = { ...signing, secret_set: true, previous_expires_at: expires }
      webhook.updated_at = iso(tick(state))
      changed(webhook)
      return HttpResponse.json({ webhook: structuredClone(webhook) })
    }),

    http.post<{ webhookId: string }>(`${base}/:webhookId/secret/rotate`, async ({ request, params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      // The body is optional; one that is there is read as the server reads it, before the webhook.
      const hasBody = request.headers.get('content-length') !== '0' && request.body !== null
      const read = hasBody ? await readJson(request) : {}
      if (read instanceof Refused) return read.response
      const body = read as { grace_seconds?: unknown } | null
      const grace = body?.grace_seconds
      if (
        grace !== undefined &&
        !(Number.isInteger(grace) && (grace as number) >= 0 && (grace as number) <= MAX_GRACE_SECONDS)
      ) {
        return invalidBody(['grace_seconds: expected a whole number of seconds from 0 to 2592000'])
      }
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      const signing = webhook.signing ?? mockSigning(webhook.provider_id, false)
      if (signing.source !== 'generated') {
        const provider = webhook.external_config.integration_name
        return coded(
          409,
          `${provider} issues this secret: roll it in ${provider}'s settings, then paste the new one here`,
          'not_rotatable',
        )
      }
      const current = storedSecret(state, webhook)
      const keep = grace && current?.secret ? current.secret : null
      const expires = keep ? iso(Date.now() + (grace as number) * 1000) : null
      const secret = state.liveRng.alphanumeric(40)
      state.secrets.set(webhook.id, { secret, previous: keep, previous_expires_at: expires })
      webhook.signing = { ...signing, secret_set: true, previous_expires_at: expires }
      webhook.updated_at = iso(tick(state))
      changed(webhook)
      return HttpResponse.json({ secret, previous_expires_at: expires })
    }),

    http.get<{ webhookId: string }>(`${base}/:webhookId`, async ({ params }) => {
      const failed = await gate()
      if (failed) return failed
      const webhook = get().byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      return HttpResponse.json({ webhook: structuredClone(webhook) })
    }),

    http.delete<{ webhookId: string }>(`${base}/:webhookId`, async ({ params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      if (!state.byId.has(params.webhookId)) return webhookNotFound()
      // Its executions go with it.
      state.webhooks = state.webhooks.filter((webhook) => webhook.id !== params.webhookId)
      state.byId.delete(params.webhookId)
      state.executions.delete(params.webhookId)
      hub.webhook(params.webhookId, null)
      return new HttpResponse(null, { status: 204 })
    }),

    http.patch<{ webhookId: string }>(`${base}/:webhookId`, async ({ request, params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      // As the server: the body first, then the webhook.
      const read = await readJson(request)
      if (read instanceof Refused) return read.response
      const status = (read as { status?: unknown } | null)?.status
      if (status !== 'active' && status !== 'inactive') {
        return invalidBody(['status: expected one of "active", "inactive"'])
      }
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      webhook.status = status
      webhook.updated_at = iso(tick(state))
      changed(webhook)
      return HttpResponse.json({ webhook: structuredClone(webhook) })
    }),

    http.post<{ webhookId: string }>(`${base}/:webhookId/test`, async ({ params }) => {
      const failed = await gate()
      if (failed) return failed
      const state = get()
      const webhook = state.byId.get(params.webhookId)
      if (!webhook) return webhookNotFound()
      // As the server decides: a scheme we cannot sign (Google's OIDC token, PayPal's API,
      // Discord's Ed25519 key) has no test event here; one that needs a secret waits for it.
      const integration = defaultCatalog.resolve(webhook.provider_id)
      const scheme = schemeFor(integration)
      if (!scheme.sign) {
        return coded(
          409,
          `${integration.name} events are proved by ${integration.name} itself (${scheme.label}): send a test event from ${integration.name}'s console`,
          'cannot_sign',
        )
      }
      if (needsSecret(scheme.secret.source) && !storedSecret(state, webhook)) {
        return coded(
          409,
          `Set this webhook's signing secret first (${scheme.secret.formHint}): test events are signed with it, like ${integration.name}'s`,
          'secret_required',
        )
      }
      const list = ensureExecutions(state, webhook.id)
      // A webhook in error fails its test the way its deliveries fail: answered after the first
      // attempt (as a server with inline dispatch answers), pending, its next attempt due. A
      // disabled one records the test event as an error, not dispatched (liveExecution).
      const failure =
        webhook.status === 'error' ? (state.dataset.failures.get(webhook.id) ?? failures.handler) : undefined
      const execution = liveExecution({
        id: nextExecutionId(list, webhook.id),
        webhook,
        atMs: tick(state),
        rng: state.liveRng,
        test: true,
        ...(failure ? { failure } : {}),
      })
      record(state, webhook, execution)
      return HttpResponse.json({ execution: structuredClone(execution) }, { status: 202 })
    }),
  ]
  return { handlers, receive }
}

/** `{webhookId}-exec-{n}` with `n` past every execution already there. */
function nextExecutionId(list: readonly WebhookExecution[], webhookId: string): string {
  const ids = new Set(list.map((execution) => execution.id))
  let n = list.length + 1
  let id = executionId(webhookId, n)
  while (ids.has(id)) id = executionId(webhookId, ++n)
  return id
}
