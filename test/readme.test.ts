import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

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
