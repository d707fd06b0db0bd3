import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim()

describe('integration-webhooks/core as published', () => {
  it('loads in plain Node through import', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `const core = await import('integration-webhooks/core')
       console.log(core.defaultCatalog.integrations.length, typeof core.createWebhookClient, typeof document)`,
    ])
    expect(out).toBe('30 function undefined')
  })

  it('loads in plain Node through require', () => {
    const out = node([
      '-e',
      `const core = require('integration-webhooks/core')
       const rows = core.generateFallbackWebhooks({ userId: 'u', origin: 'https://a.example', now: 0 })
       console.log(rows.length > 0, core.getTriggerTypes('gmail').includes('gmail_trigger_new_email'))`,
    ])
    expect(out).toBe('true true')
  })

  it('ships neither React nor "use client" in its built files', () => {
    const dir = join(root, 'dist/core')
    const files = readdirSync(dir).filter((f) => /\.(c?js|d\.c?ts)$/.test(f))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8')
      expect(text, file).not.toMatch(/use client/)
      expect(text, file).not.toMatch(/from ['"]react|require\(['"]react/)
    }
  })

  it('pulls zod/mini, never the full zod, into the browser bundle', () => {
    const text = readFileSync(join(root, 'dist/core/index.js'), 'utf8')
    expect(text).toMatch(/from ['"]zod\/mini['"]/)
    expect(text).not.toMatch(/from ['"]zod['"]/)
  })
})

describe('integration-webhooks/react as published', () => {
  it('starts with "use client" in both formats', () => {
    expect(readFileSync(join(root, 'dist/react/index.js'), 'utf8').startsWith('"use client";')).toBe(true)
    expect(readFileSync(join(root, 'dist/react/index.cjs'), 'utf8')).toMatch(/^"use strict";\s*"use client";/)
  })

  it('loads the published core instead of carrying its own copy', () => {
    const esm = readFileSync(join(root, 'dist/react/index.js'), 'utf8')
    expect(esm).toMatch(/from ['"]integration-webhooks\/core['"]/)
    expect(esm).not.toContain('class WebhookApiError')
    const types = readFileSync(join(root, 'dist/react/index.d.ts'), 'utf8')
    expect(types).toMatch(/from ['"]integration-webhooks\/core['"]/)
  })

  it('loads in plain Node through import and require, sharing core with the core entry', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `const hooks = await import('integration-webhooks/react')
       const { createRequire } = await import('node:module')
       const cjs = createRequire(process.cwd() + '/')('integration-webhooks/react')
       console.log(typeof hooks.useIntegrationWebhooks, typeof cjs.useWebhookTable, typeof hooks.WebhooksProvider)`,
    ])
    expect(out).toBe('function function function')
  })
})
