import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'
import { createPgliteStore, createWebhookServer, toNodeListener } from '../../src/server/index'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real server's API URL, for the browser tests (`http://127.0.0.1:{port}/api/integration-webhooks`). */
    realApiUrl: string
  }
}

/**
 * The real handler on PGlite, served over HTTP on loopback for the browser tests: the
 * component in Chromium talks to it exactly as a host's page would. Users sign in with an
 * `x-user` header (each test takes its own). The page is on the test server's origin, so
 * this wrapper answers CORS (the library leaves CORS to the host).
 */
export default async function setup(project: TestProject) {
  const store = await createPgliteStore()
  const webhooks = createWebhookServer({
    store,
    authenticate: (request) => request.headers.get('x-user'),
    onError: (error) => console.error('[e2e server]', error),
    // The host's workflow trigger: accepting every event turns its execution `success`.
    onEvent: async () => ({ accepted: true }),
  })
  const listener = toNodeListener(webhooks)
  const server: Server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*')
    res.setHeader('access-control-expose-headers', 'allow, location, retry-after')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      })
      res.end()
      return
    }
    listener(req, res)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  project.provide('realApiUrl', `http://127.0.0.1:${port}/api/integration-webhooks`)
  return async () => {
    server.close()
    await webhooks.close()
    await store.close()
  }
}
