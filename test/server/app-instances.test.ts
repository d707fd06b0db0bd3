import { once } from 'node:events'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp } from '../../app/launch.mjs'
import { runCommand } from '../support/cli'
import { databaseUrl, freshDatabase, until } from './support'

// README "Several instances": two `npm start` processes on one PostgreSQL, behind a proxy that
// sends each request to the next one, work as one app.

type App = Awaited<ReturnType<typeof launchApp>>

/** A round-robin reverse proxy: request n goes to instance n mod 2. */
function roundRobin(targets: string[]): { server: Server; served: string[] } {
  const served: string[] = []
  let next = 0
  const server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length] as string)
    served.push(target.port)
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  return { server, served }
}

describe.skipIf(!databaseUrl)('npm start ×2 on one PostgreSQL, behind a proxy', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  const apps: App[] = []
  let proxy: ReturnType<typeof roundRobin>
  let origin: string
  beforeAll(async () => {
    database = await freshDatabase()
    // The proxy listens first: its origin is the public URL both instances build receiving URLs on.
    const targets: string[] = []
    proxy = roundRobin(targets)
    proxy.server.listen(0, '127.0.0.1')
    await once(proxy.server, 'listening')
    origin = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`
    const env = { DATABASE_URL: database.url, PUBLIC_URL: origin, WEBHOOKS_KEY: '5a'.repeat(32) }
    // Started together: migrations run once, under the advisory lock.
    apps.push(...(await Promise.all([launchApp({ env }), launchApp({ env })])))
    targets.push(...apps.map((app) => app.url))
  }, 360_000)
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()))
    proxy?.server.close()
    await database?.drop()
  })

  it('a webhook set up through one is served by both; events received by either are dispatched once', async () => {
    const page = await fetch(`${origin}/`)
    const cookie = /demo_user=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0] ?? ''
    expect(cookie).toMatch(/^demo_user=demo_/)
    const api = `${origin}/api/integration-webhooks`
    const headers = { cookie, 'content-type': 'application/json' }
    const created = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ provider_id: 'github' }) })
    expect(created.status).toBe(201)
    const { webhook } = (await created.json()) as { webhook: { id: string; webhook_url: string } }
    expect(webhook.webhook_url.startsWith(`${origin}/api/integration-webhooks/receive/`)).toBe(true)
    // The secret, sealed by one instance, opened by the other (one WEBHOOKS_KEY).
    const { secret } = (await (await fetch(`${api}/${webhook.id}/secret`, { headers })).json()) as { secret: string }
    expect(secret).toEqual(expect.any(String))

    // Four events through the proxy: two received by each instance.
    for (let i = 0; i < 4; i++) {
      const sent = await runCommand(['send', 'github', '--url', webhook.webhook_url, '--secret', secret])
      expect([sent.code, sent.stderr]).toEqual([0, ''])
    }
    expect(new Set(proxy.served).size).toBe(2)

    // Each instance, asked directly, has all four, dispatched (onEvent) exactly once each.
    for (const app of apps) {
      await until(async () => {
        const response = await fetch(`${app.url}/api/integration-webhooks/executions/${webhook.id}`, { headers })
        const { executions } = (await response.json()) as { executions: { status: string }[] }
        return executions.length === 4 && executions.every((execution) => execution.status === 'success')
      }, `four dispatched executions on ${app.url}`)
    }
    const handled = apps.flatMap(
      (app) => app.output().match(/event: github_trigger_push for GitHub \(execution \S+\)/g) ?? [],
    )
    expect(handled).toHaveLength(4)
    expect(new Set(handled).size).toBe(4)
  }, 240_000)
})
