// One server for every mounting guide: the embedded store by default, PostgreSQL when
// DATABASE_URL is set. Your app's session lookup goes in `authenticate`.
import {
  createPgliteStore,
  createPostgresStore,
  createWebhookServer,
  type WebhookServer,
  type WebhookStore,
} from 'integration-webhooks/server'

export interface ExampleOptions {
  /** Your session lookup: the signed-in user's id, or null. */
  authenticate: (request: Request) => string | null | Promise<string | null>
  /** A store you made; by default PostgreSQL when DATABASE_URL is set, else PGlite in WEBHOOKS_DATA_DIR (default `.data/webhooks`). */
  store?: WebhookStore
  /** The origin providers reach, e.g. https://app.example.com. */
  publicUrl?: string
}

export async function createWebhooks(
  options: ExampleOptions,
): Promise<{ webhooks: WebhookServer; store: WebhookStore }> {
  const store =
    options.store ??
    (process.env.DATABASE_URL
      ? await createPostgresStore({ connectionString: process.env.DATABASE_URL })
      : await createPgliteStore({ dataDir: process.env.WEBHOOKS_DATA_DIR ?? '.data/webhooks' }))
  const webhooks = createWebhookServer({
    store,
    basePath: '/api/integration-webhooks',
    publicUrl: options.publicUrl ?? process.env.PUBLIC_URL,
    authenticate: options.authenticate,
  })
  return { webhooks, store }
}
