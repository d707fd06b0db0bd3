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
