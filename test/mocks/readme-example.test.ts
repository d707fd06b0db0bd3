import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The README's example of a host app testing its own code against the mocks.
 * It is run below exactly as written (only the package imports point at the source),
 * so the README cannot drift from what works.
 */
const README_EXAMPLE = `import { createWebhookClient } from 'integration-webhooks/core'
import { createWebhookHandlers } from 'integration-webhooks/mocks'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

const apiUrl = 'http://app.test/api/integration-webhooks'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers()) // drops the handlers, and with them the mock state
afterAll(() => server.close())
const client = createWebhookClient({ apiUrl, retry: false })

it('disables a webhook', async () => {
  server.use(...createWebhookHandlers({ apiUrl }))
  await client.setStatus('github-webhook', 'inactive')
  const { webhooks } = await client.listWebhooks()
  expect(webhooks.find((w) => w.id === 'github-webhook')?.status).toBe('inactive')
})

it('tells an expired session apart', async () => {
  server.use(...createWebhookHandlers({ apiUrl, scenario: 'unauthorized' }))
  await expect(client.listWebhooks()).rejects.toMatchObject({ kind: 'unauthorized' })
})
`

const here = fileURLToPath(new URL('.', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('README example: testing a host app with the mocks', () => {
  it('is short and imports the package by its public names', () => {
    expect(README_EXAMPLE.trim().split('\n').length).toBeLessThanOrEqual(25)
    expect(README_EXAMPLE).toContain("from 'integration-webhooks/mocks'")
  })

  // The example's own hooks and tests register here, as they would in a host's test file.
  describe('as written', async () => {
    mkdirSync(`${here}.tmp`, { recursive: true })
    const file = `${here}.tmp/readme-example.ts`
    writeFileSync(
      file,
      README_EXAMPLE.replaceAll("'integration-webhooks/core'", `'${root}src/core/index.ts'`).replaceAll(
        "'integration-webhooks/mocks'",
        `'${root}mocks/index.ts'`,
      ),
    )
    await import(/* @vite-ignore */ file)
  })
})
