// Express — mount before any body parser: the receiver verifies the exact bytes a provider signed.
import express from 'express'
import { toNodeListener, type WebhookServer } from 'integration-webhooks/server'

export function createExpressApp(webhooks: WebhookServer) {
  const app = express()
  app.use('/api/integration-webhooks', toNodeListener(webhooks))
  app.use(express.json()) // your other routes' parsers come after
  return app
}
