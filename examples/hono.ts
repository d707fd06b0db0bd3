// Hono (Node, Bun, Deno, workers) — hand it the Web Request as it is.
import { Hono } from 'hono'
import type { WebhookServer } from 'integration-webhooks/server'

export function createHonoApp(webhooks: WebhookServer) {
  const app = new Hono()
  app.all('/api/integration-webhooks', (c) => webhooks.handle(c.req.raw))
  app.all('/api/integration-webhooks/*', (c) => webhooks.handle(c.req.raw))
  return app
}
