// node:http — the handler as a request listener.
import { createServer } from 'node:http'
import { toNodeListener, type WebhookServer } from 'integration-webhooks/server'

export function createNodeServer(webhooks: WebhookServer) {
  const listener = toNodeListener(webhooks)
  return createServer((req, res) => {
    if (req.url?.startsWith('/api/integration-webhooks')) return listener(req, res)
    res.writeHead(404).end()
  })
}
