import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

function readmeBlock(name: string): string {
  const readme = readFileSync(`${root}README.md`, 'utf8')
  const match = readme.match(new RegExp(`<!-- readme-test: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``))
  if (!match?.[1]) throw new Error(`README has no block marked "readme-test: ${name}"`)
  return match[1]
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('README: the server quick start', () => {
  it('runs as written: a saved GitHub webhook with its receiving URL, then a saved list', async () => {
    const logs: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')))
    mkdirSync(`${root}.tmp`, { recursive: true })
    const file = `${root}.tmp/readme-server.ts`
    writeFileSync(file, readmeBlock('server-quick-start'))
    await import(/* @vite-ignore */ file)
    expect(logs[0]).toMatch(/^201 https:\/\/app\.example\.com\/api\/integration-webhooks\/receive\/[A-Za-z0-9_-]{43}$/)
    expect(logs[1]).toBe('saved 1')
  })
})

describe('README: onEvent', () => {
  it('runs as written: a test event reaches onEvent with its trigger type, payload and idempotency key', async () => {
    const block = readmeBlock('server-on-event')
    const file = `${root}.tmp/readme-on-event.ts`
    const calls: unknown[] = []
    writeFileSync(
      file,
      `import { createPgliteStore, createWebhookServer } from 'integration-webhooks/server'
       const store = await createPgliteStore()
       const authenticate = (request: Request) => request.headers.get('x-user')
       const workflows = { trigger: async (...args: unknown[]) => { (globalThis as any).__calls.push(args); return { id: 'run_1' } } }
       process.env.WEBHOOKS_KEY = '${'ab'.repeat(32)}'
       ${block}
       export { webhooks, store }`,
    )
    ;(globalThis as { __calls?: unknown[] }).__calls = calls
    const { webhooks, store } = (await import(/* @vite-ignore */ file)) as {
      webhooks: { handle(r: Request): Promise<Response>; close(): Promise<void> }
      store: { close(): Promise<void> }
    }
    const api = 'https://app.example.com/api/integration-webhooks'
    const headers = { 'x-user': 'u1', 'content-type': 'application/json' }
    const { webhook } = await (
      await webhooks.handle(
        new Request(api, { method: 'POST', headers, body: JSON.stringify({ provider_id: 'github' }) }),
      )
    ).json()
    const sent = await webhooks.handle(new Request(`${api}/${webhook.id}/test`, { method: 'POST', headers }))
    expect(sent.status).toBe(202)
    for (let i = 0; i < 400 && calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25))
    expect(calls[0]).toEqual([
      'github_trigger_push',
      expect.objectContaining({ ref: expect.any(String) }),
      { idempotencyKey: expect.any(String) },
    ])
    await webhooks.close()
    await store.close()
  })
})
