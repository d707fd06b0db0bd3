import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The README's example of a host app testing its own code against the mocks, read from
 * the README and run exactly as written (only the package imports point at the source),
 * so the README cannot drift from what works.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const README_EXAMPLE =
  readFileSync(`${root}README.md`, 'utf8').match(
    /<!-- readme-test: mocks-in-your-tests -->\s*```ts\n([\s\S]*?)```/,
  )?.[1] ?? ''

const here = fileURLToPath(new URL('.', import.meta.url))

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
