import { readFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import {
  createPgliteStore,
  createPostgresStore,
  createWebhookServer,
  type SqlStore,
  type WebhookServerOptions,
} from 'integration-webhooks/server'
import pg from 'pg'
import { inject } from 'vitest'

export const databaseUrl = inject('databaseUrl')

/** The stores every store test runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const storeKinds = (databaseUrl ? ['pglite', 'postgres'] : ['pglite']) as readonly ('pglite' | 'postgres')[]

/** A PGlite instance loaded from the migrated template (fast), in memory. */
export async function templatePglite(): Promise<PGlite> {
  const bytes = await readFile(inject('pgliteTemplate'))
  return PGlite.create({ loadDataDir: new Blob([bytes]) })
}

/** A fresh, empty PostgreSQL database on the test server; `drop` removes it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `iw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

export interface OpenStore {
  store: SqlStore
  /** Empties every table (between tests). */
  reset(): Promise<void>
  /** Closes the store and removes its database. */
  dispose(): Promise<void>
}

/** A migrated, empty store of the given kind. */
export async function openStore(kind: 'pglite' | 'postgres'): Promise<OpenStore> {
  if (kind === 'pglite') {
    const db = await templatePglite()
    const store = await createPgliteStore({ db })
    return {
      store,
      reset: () => store.driver.exec('TRUNCATE integration_webhooks CASCADE'),
      async dispose() {
        await store.close()
        await db.close()
      },
    }
  }
  const database = await freshDatabase()
  const store = await createPostgresStore({ connectionString: database.url, max: 5 })
  return {
    store,
    reset: () => store.driver.exec('TRUNCATE integration_webhooks CASCADE'),
    async dispose() {
      await store.close()
      await database.drop()
    },
  }
}

/** How many rows each table holds: a bad request must leave both unchanged. */
export async function countRows(store: SqlStore): Promise<{ webhooks: number; executions: number }> {
  const [row] = await store.driver.query<{ webhooks: number; executions: number }>(
    'SELECT (SELECT count(*)::int FROM integration_webhooks) AS webhooks, (SELECT count(*)::int FROM webhook_executions) AS executions',
  )
  return row as { webhooks: number; executions: number }
}

export const BASE = '/api/integration-webhooks'
/** 32 bytes, hex: the test servers seal secrets like a production one. */
export const TEST_KEY = '7f'.repeat(32)
export const ORIGIN = 'https://app.example.com'

/** A server whose users sign in with an `x-user` header (tests only). */
export function testServer(store: SqlStore, options: Partial<WebhookServerOptions> = {}) {
  return createWebhookServer({
    store,
    publicUrl: ORIGIN,
    authenticate: (request) => request.headers.get('x-user'),
    onError: () => {},
    encryptionKey: TEST_KEY,
    ...options,
  })
}

export interface CallOptions {
  user?: string | null
  body?: unknown
  /** A raw body: sent as it is. */
  raw?: BodyInit
  headers?: Record<string, string>
}

/** One request to the handler; the response with its parsed JSON body. */
export async function call(
  server: { handle(request: Request): Promise<Response> },
  method: string,
  path: string,
  options: CallOptions = {},
) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.user !== null) headers['x-user'] = options.user ?? 'user_a'
  let body: BodyInit | undefined = options.raw
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const response = await server.handle(new Request(`http://localhost${BASE}${path}`, { method, headers, body }))
  const text = await response.text()
  // biome-ignore lint/suspicious/noExplicitAny: a response body the test reads field by field
  let json: any = null
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
  }
  return { status: response.status, headers: response.headers, json, text }
}

/** Inserts executions straight into the table (the receiver that writes them is the next issue's). */
export async function insertExecutions(
  store: SqlStore,
  webhook: { id: string; user_id: string; provider_id: string },
  count: number,
  start = Date.parse('2026-01-01T00:00:00.000Z'),
) {
  await store.driver.query(
    `INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, status, triggered_at)
     SELECT 'exec_' || lpad(i::text, 7, '0'), $1, $2, $3, $3 || '_trigger_event', jsonb_build_object('n', i),
            CASE WHEN i % 5 = 0 THEN 'error' ELSE 'success' END,
            to_timestamp(($4::float8 + (i / 3) * 1000) / 1000)
     FROM generate_series(1, $5::int) AS i`,
    [webhook.id, webhook.user_id, webhook.provider_id, start, count],
  )
}

/** Waits until `check` holds (a worker runs on its own), failing after a generous limit. */
export async function until(check: () => Promise<boolean> | boolean, what: string, limitMs = 30_000) {
  const end = Date.now() + limitMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

export { signedPush } from '../support/signed-push'
