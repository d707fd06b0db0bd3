import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import ts from 'typescript'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebhookMockStore } from '../mocks'

const root = fileURLToPath(new URL('..', import.meta.url))
const API = 'https://app.example.com/api/integration-webhooks'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

/** The code block that follows `<!-- readme-test: name -->` in the README. */
function readmeBlock(name: string): string {
  const readme = readFileSync(`${root}README.md`, 'utf8')
  const match = readme.match(new RegExp(`<!-- readme-test: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``))
  if (!match?.[1]) throw new Error(`README has no block marked "readme-test: ${name}"`)
  return match[1]
}

// The blocks import the core from source: load it while the file is collected (no time limit),
// not in the first test, where transforming its module graph took over 5 s on a loaded machine.
await import('../src/core/index')

let runs = 0
/** Runs a README block as a module, importing the package from source, and returns what it logged. */
async function run(code: string): Promise<string[]> {
  const logs: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')))
  vi.spyOn(console, 'warn').mockImplementation((...args) => void logs.push(args.join(' ')))
  mkdirSync(`${root}.tmp`, { recursive: true })
  const file = `${root}.tmp/readme-${++runs}.mjs`
  writeFileSync(file, code.replaceAll("'integration-webhooks/core'", `'${root}src/core/index.ts'`))
  await import(/* @vite-ignore */ file)
  return logs
}

describe('README quick start (core)', () => {
  const code = readmeBlock('core-quick-start')

  it('shows suggested configurations when nothing is saved, and the GitHub setup steps', async () => {
    let authorization: string | null = null
    server.use(
      http.get(API, ({ request }) => {
        authorization = request.headers.get('authorization')
        return HttpResponse.json({ webhooks: [] })
      }),
    )
    const logs = await run(code)
    expect(authorization).toBe('Bearer session-token')
    expect(logs[0]).toBe('Nothing saved yet: these are suggested configurations')
    expect(logs).toContain('Gmail: inactive https://app.example.com/api/integration-webhooks/gmail')
    expect(logs.at(-1)).toMatch(/^1\. .*\n2\. /s)
    expect(logs.at(-1)).toContain('https://app.example.com/api/integration-webhooks/github')
  })

  it('tells an expired session apart instead of showing rows', async () => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })))
    const logs = await run(code)
    expect(logs[0]).toBe('Please sign in again')
    expect(logs.some((line) => line.includes('integration-webhooks/gmail'))).toBe(false)
  })
})

describe('README: live updates', () => {
  const block = readmeBlock('live-subscribe')

  /** The block as a module importing the core from source; its `watchDeliveries`. */
  async function load(name: string) {
    mkdirSync(`${root}.tmp`, { recursive: true })
    const file = `${root}.tmp/readme-live-${name}.ts`
    writeFileSync(file, block.replaceAll("'integration-webhooks/core'", `'${root}src/core/index.ts'`))
    return (await import(/* @vite-ignore */ file)) as { watchDeliveries: (signal: AbortSignal) => Promise<string> }
  }

  function capture() {
    const logs: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args.join(' ')))
    return logs
  }

  it('logs each delivery of the signed-in user as it happens, with the bearer token, until aborted', async () => {
    const store = createWebhookMockStore({ apiUrl: API, stream: 'live' })
    server.use(...store.handlers)
    let authorization: string | null = null
    server.events.on('request:start', ({ request }) => {
      if (request.url === `${API}/stream`) authorization = request.headers.get('authorization')
    })
    const logs = capture()
    const { watchDeliveries } = await load('live')
    const controller = new AbortController()
    const watching = watchDeliveries(controller.signal)
    await vi.waitFor(() => expect(logs).toContain('stream live'), { timeout: 15_000 })
    expect(authorization).toBe('Bearer session-token')

    const execution = store.receive('github-webhook', { status: 'error' })
    const webhook = store.getWebhooks().find((w) => w.id === 'github-webhook')
    await vi.waitFor(() => expect(logs).toContain(`github-webhook: ${webhook?.trigger_count} executions`), {
      timeout: 15_000,
    })
    expect(logs).toContain(`github-webhook: ${execution?.trigger_type} error`)
    controller.abort()
    expect(await watching).toMatch(/^\d+$/)
    expect(logs.at(-1)).toBe('stream closed')
    expect(store.getStats().openStreams).toBe(0)
  })

  it('stops by itself and says so where the endpoint has no stream', async () => {
    server.use(...createWebhookMockStore({ apiUrl: API, stream: 'none' }).handlers)
    const logs = capture()
    const { watchDeliveries } = await load('none')
    await watchDeliveries(new AbortController().signal)
    expect(logs[0]).toBe('stream connecting')
    expect(logs[1]).toMatch(/^stream unsupported: GET .*\/stream answered 404/)
    expect(logs.at(-1)).toBe('no stream here: polling')
  })

  it('type-checks, as do the hooks’ lines beside it', () => {
    const hooks = readFileSync(`${root}README.md`, 'utf8').match(
      /const \{ webhooks, liveState, lastUpdatedAt \} = [\s\S]*?\n```/,
    )?.[0]
    if (!hooks) throw new Error('README has no live hooks example')
    mkdirSync(`${root}.tmp`, { recursive: true })
    const files = {
      subscribe: `${root}.tmp/readme-live-check.ts`,
      hooks: `${root}.tmp/readme-live-hooks-check.tsx`,
    }
    writeFileSync(files.subscribe, block)
    writeFileSync(
      files.hooks,
      `import { useIntegrationWebhooks, useWebhookExecutions, useWebhookStats } from 'integration-webhooks/react'
       export function Example({ openId }: { openId: string }) {
         ${hooks.replace(/```$/, '')}
         return [webhooks, liveState, lastUpdatedAt, executions, newIds, markAllSeen, stats]
       }`,
    )
    const config = ts.getParsedCommandLineOfConfigFile(
      `${root}tsconfig.json`,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
        },
      },
    )
    const program = ts.createProgram(Object.values(files), { ...config?.options, noEmit: true })
    const errors = Object.values(files).flatMap((file) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
    )
    expect(errors).toEqual([])
  }, 120_000)
})
