import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { copyOfInitdbDataDir } from '../support/pglite-data-dir'

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
    const texts = esmFiles('dist/core').map((file) => readFileSync(join(root, 'dist/core', file), 'utf8'))
    expect(texts.some((text) => /from ['"]zod\/mini['"]/.test(text))).toBe(true)
    for (const text of texts) expect(text).not.toMatch(/from ['"]zod['"]/)
  })

  it('keeps the built-in catalog out of what the hooks import statically, for import() to load it', () => {
    // core/without-catalog.js is what the ESM hooks import: nothing it reaches statically may import the
    // catalog, or every bundler ties the catalog to the first chunk.
    const reached = staticImports('dist/core/without-catalog.js')
    expect(reached).not.toContain('dist/core/builtin-catalog.js')
    expect(
      reached.some((file) => readFileSync(join(root, file), 'utf8').includes("import('./builtin-catalog.js')")),
    ).toBe(true)
    // The public entry has it, as before.
    expect(staticImports('dist/core/index.js')).toContain('dist/core/builtin-catalog.js')
  })

  it('imports its chunks by name only, so bundlers with sideEffects: false have nothing to warn about', () => {
    // A bare `import './chunk-….js'` (kept for evaluation order) makes esbuild warn in every app that bundles us.
    for (const dir of ['dist', 'dist/core', 'dist/react', 'dist/mocks']) {
      for (const file of esmFiles(dir)) {
        expect(readFileSync(join(root, dir, file), 'utf8'), `${dir}/${file}`).not.toMatch(/^import\s*['"]\.\.?\//m)
      }
    }
  })

  it('leaves sorting and searching out of an app that only loads webhooks (module-level code is pure)', async () => {
    // What an app bundles for the hook alone: a table's sort columns or search index would be dead weight.
    const result = await build({
      stdin: { contents: "export { useIntegrationWebhooks } from './dist/react/index.js'", resolveDir: root },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      external: ['react', 'react-dom', 'swr', 'zod', 'zod/mini', './builtin-catalog.js'],
      logLevel: 'silent',
    })
    const code = result.outputFiles[0]?.text ?? ''
    expect(code).toContain('/api/integration-webhooks')
    // The sort columns, built at module level, and the sort itself.
    for (const sortOrSearch of ['kind:"number"', 'kind:"text"', 'Unknown sort column']) {
      expect(code, sortOrSearch).not.toContain(sortOrSearch)
    }
  })

  it('generates fallback rows through the on-demand catalog in plain Node', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `const { loadWebhooks, createWebhookClient } = await import('./dist/core/without-catalog.js')
       const client = createWebhookClient({ apiUrl: 'https://api.example', retry: false,
         fetch: async () => new Response('{"webhooks":[]}', { headers: { 'content-type': 'application/json' } }) })
       const { webhooks, source } = await loadWebhooks(client, { fallback: { userId: 'u', origin: 'https://a.example' } })
       console.log(source, webhooks.length, webhooks[0].webhook_url)`,
    ])
    expect(out).toBe('generated 27 https://a.example/api/integration-webhooks/gmail')
  })
})

/** The ESM files of a dist folder. */
function esmFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).filter((file) => file.endsWith('.js'))
}

/** Every dist file reached from `file` through static `import … from './…'`, itself included. */
function staticImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [...seen]
  seen.add(file)
  const text = readFileSync(join(root, file), 'utf8')
  for (const [, specifier] of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    staticImports(join(file, '..', specifier ?? ''), seen)
  }
  return [...seen]
}

describe('integration-webhooks/react as published', () => {
  it('starts with "use client" in both formats', () => {
    expect(readFileSync(join(root, 'dist/react/index.js'), 'utf8').startsWith('"use client";')).toBe(true)
    expect(readFileSync(join(root, 'dist/react/index.cjs'), 'utf8')).toMatch(/^"use strict";\s*"use client";/)
  })

  it('loads the published core instead of carrying its own copy', () => {
    // ESM: core/without-catalog.js, which shares its chunks with core/index.js; CommonJS: the core entry.
    const esm = readFileSync(join(root, 'dist/react/index.js'), 'utf8')
    expect(esm).toMatch(/from ['"]\.\.\/core\/without-catalog\.js['"]/)
    expect(esm).not.toMatch(/from ['"]integration-webhooks\/core['"]/)
    expect(esm).not.toContain('class WebhookApiError')
    expect(readFileSync(join(root, 'dist/react/index.cjs'), 'utf8')).toMatch(
      /require\(['"]integration-webhooks\/core['"]\)/,
    )
    const types = readFileSync(join(root, 'dist/react/index.d.ts'), 'utf8')
    expect(types).toMatch(/from ['"]integration-webhooks\/core['"]/)
    const out = node([
      '--input-type=module',
      '-e',
      `const hooks = await import('./dist/core/without-catalog.js')
       const core = await import('integration-webhooks/core')
       console.log(hooks.loadWebhooks === core.loadWebhooks, hooks.createWebhookClient === core.createWebhookClient)`,
    ])
    expect(out).toBe('true true')
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

describe('integration-webhooks (the components) as published', () => {
  it('starts with "use client" and loads core and react from their own entries', () => {
    const esm = readFileSync(join(root, 'dist/index.js'), 'utf8')
    expect(esm.startsWith('"use client";')).toBe(true)
    expect(esm).toMatch(/from ['"]integration-webhooks\/react['"]/)
    // Core through core/without-catalog.js (its chunks shared with the public entry), like the hooks.
    expect(esm).toMatch(/from ['"]\.\/core\/without-catalog\.js['"]/)
    expect(esm).not.toMatch(/from ['"]integration-webhooks\/core['"]/)
    expect(esm).not.toContain('function useIntegrationWebhooks')
    expect(esm).not.toContain('class WebhookApiError')
  })

  it('keeps the built-in catalog out of its first load: only the details dialog (and fallback rows) load it', () => {
    const files = esmFiles('dist')
    const dialog = files.filter((file) => file.startsWith('webhook-details-dialog-content-'))
    expect(dialog).toHaveLength(1)
    // Everything the entry reaches statically, through core/without-catalog.js and the shared chunks.
    const reached = staticImports('dist/index.js')
    expect(reached).not.toContain('dist/core/builtin-catalog.js')
    expect(reached).not.toContain(`dist/${dialog[0]}`)
    // The dialog's chunk shows setup steps from the catalog: it imports the public entry.
    expect(readFileSync(join(root, 'dist', dialog[0] ?? ''), 'utf8')).toMatch(/from ['"]integration-webhooks\/core['"]/)
    // Every file of the components links in Node: a name missing from core/without-catalog.js would throw here.
    const out = node([
      '--input-type=module',
      '-e',
      `const ui = await import('./dist/index.js')
       await import('./dist/${dialog[0]}')
       const core = await import('integration-webhooks/core')
       const hooks = await import('./dist/core/without-catalog.js')
       console.log(typeof ui.IntegrationWebhookManager, hooks.WebhookApiError === core.WebhookApiError)`,
    ])
    expect(out).toBe('function true')
  })

  it("keeps Radix Dialog out of its first load: the details dialog and ConfirmDialog's modal part load it on demand", () => {
    // README "Size": the page downloads the manager without Radix; an import of Radix from any file
    // the entry reaches statically (ConfirmDialog importing it again, say) brings it back.
    const radix = /from ['"]@radix-ui\//
    const reached = staticImports('dist/index.js')
    for (const file of reached) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(radix)
    const parts = esmFiles('dist').filter((file) => file.startsWith('confirm-dialog-content-'))
    expect(parts).toHaveLength(1)
    expect(reached).not.toContain(`dist/${parts[0]}`)
    expect(readFileSync(join(root, 'dist/index.js'), 'utf8')).toContain(`import("./${parts[0]}")`)
    // What the import() loads has Radix, and links in Node.
    const loaded = staticImports(`dist/${parts[0]}`)
    expect(loaded.some((file) => radix.test(readFileSync(join(root, file), 'utf8')))).toBe(true)
    const out = node([
      '--input-type=module',
      '-e',
      `const part = await import('./dist/${parts[0]}')
       console.log(typeof part.default)`,
    ])
    expect(out).toBe('function')
  })

  it("imports the public core entry from the details dialog's chunk only (the build's rewrite is complete)", () => {
    const importsPublicCore = (file: string) =>
      /from ['"]integration-webhooks\/core['"]/.test(readFileSync(join(root, 'dist', file), 'utf8'))
    const files = esmFiles('dist').filter(importsPublicCore)
    expect(files).toEqual([expect.stringMatching(/^webhook-details-dialog-content-/)])
    expect(esmFiles('dist/react').filter((file) => importsPublicCore(`react/${file}`))).toEqual([])
  })

  it('injects no styles at run time: the theme is the separate styles.css', () => {
    const esm = readFileSync(join(root, 'dist/index.js'), 'utf8')
    expect(esm).not.toMatch(/createElement\(['"]style['"]\)|insertRule|adoptedStyleSheets/)
    const css = readFileSync(join(root, 'dist/styles.css'), 'utf8')
    expect(css).toContain('[data-slot="manager"]')
    expect(css).toContain('color-scheme: light dark') // follows the system unless data-theme forces a side
    expect(css).toContain('light-dark(')
  })

  it('resolves "integration-webhooks/styles.css" through the exports map', () => {
    const out = node([
      '-e',
      `console.log(require.resolve('integration-webhooks/styles.css').endsWith('dist/styles.css'))`,
    ])
    expect(out).toBe('true')
  })

  it('loads in plain Node through import and require', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `const ui = await import('integration-webhooks')
       const { createRequire } = await import('node:module')
       const cjs = createRequire(process.cwd() + '/')('integration-webhooks')
       console.log(typeof ui.IntegrationWebhookManager, typeof cjs.WebhookTable, typeof ui.useIntegrationWebhooks)`,
    ])
    expect(out).toBe('function function function')
  })
})

describe('integration-webhooks/mocks as published', () => {
  it('answers the real client in plain Node, through import and require, with msw external', async () => {
    const esm = readFileSync(join(root, 'dist/mocks/index.js'), 'utf8')
    expect(esm).toMatch(/from ['"]msw['"]/)
    expect(esm).not.toMatch(/use client/)
    const out = node([
      '--input-type=module',
      '-e',
      `const { createWebhookHandlers } = await import('integration-webhooks/mocks')
       const { createWebhookClient } = await import('integration-webhooks/core')
       const { setupServer } = await import('msw/node')
       const apiUrl = 'http://app.test/api/integration-webhooks'
       const server = setupServer(...createWebhookHandlers({ apiUrl }))
       server.listen({ onUnhandledRequest: 'error' })
       const { webhooks } = await createWebhookClient({ apiUrl }).listWebhooks()
       server.close()
       const { createRequire } = await import('node:module')
       const cjs = createRequire(process.cwd() + '/')('integration-webhooks/mocks')
       console.log(webhooks.length, typeof cjs.mockWebhooks)`,
    ])
    expect(out).toBe('30 function')
  })
})

describe('integration-webhooks/server as published', () => {
  it('ships neither React nor "use client", and imports no database at load', () => {
    for (const file of ['dist/server/index.js', 'dist/server/index.cjs']) {
      const text = readFileSync(join(root, file), 'utf8')
      expect(text, file).not.toMatch(/use client/)
      expect(text, file).not.toMatch(/from ['"]react|require\(['"]react/)
      // The databases are optional peers: imported lazily by the store that uses them.
      expect(text, file).not.toMatch(/^import .* from ['"](pg|@electric-sql\/pglite)['"]/m)
      expect(text, file).not.toMatch(/^(var|const) .* = require\(['"](pg|@electric-sql\/pglite)['"]\)/m)
    }
  })

  // On a copy of a data directory made by initdb once (test/support/pglite-data-dir.ts, run by the
  // package project's global setup): a fresh in-memory PGlite runs initdb in WebAssembly every time,
  // 4 s of this test's 4.7 s on a quiet machine and 72.7 s with two suites side by side on 2 cores,
  // past the 60 s limit. Opening a data directory is the published store's own code as well, its
  // lock file included.
  it('serves the client of the published core in plain Node, through import and require, on PGlite', async () => {
    const { dataDir, remove } = await copyOfInitdbDataDir()
    try {
      const out = node([
        '--input-type=module',
        '-e',
        `const { createWebhookServer, createPgliteStore } = await import('integration-webhooks/server')
         const { createWebhookClient } = await import('integration-webhooks/core')
         const store = await createPgliteStore({ dataDir: ${JSON.stringify(dataDir)} })
         const server = createWebhookServer({ store, authenticate: () => 'u1', publicUrl: 'https://app.example.com' })
         const client = createWebhookClient({ apiUrl: 'https://app.example.com/api/integration-webhooks', fetch: (input, init) => server.handle(new Request(input, init)) })
         const before = await client.listWebhooks()
         const res = await server.handle(new Request('https://app.example.com/api/integration-webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider_id: 'github' }) }))
         const after = await client.listWebhooks()
         await store.close()
         const { createRequire } = await import('node:module')
         const cjs = createRequire(process.cwd() + '/')('integration-webhooks/server')
         console.log(before.source, res.status, after.source, after.webhooks.length, typeof cjs.createWebhookServer)`,
      ])
      expect(out).toBe('generated 201 saved 1 function')
    } finally {
      remove()
    }
  })
})
