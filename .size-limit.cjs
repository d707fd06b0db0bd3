// Size budgets, checked by `npm run size` in CI. Minified + gzip, dependencies included,
// react and react-dom excluded (the host has them). Numbers and targets: README "Size" and BENCHMARKS.md.
//
// Every check bundles dist/ as an app gets it: `tsconfigRaw` keeps esbuild from applying our
// tsconfig `paths` (which map the package's names to src/ for tests and Storybook).

// What the package loads on demand with import(): the details dialog and ConfirmDialog's modal
// part, Radix Dialog in both (components), and the built-in catalog (loadWebhooks, only when the
// API has nothing saved; the dialog's chunk).
const lazyChunks = ['./webhook-details-dialog-*', './confirm-dialog-content-*']
const catalogChunk = ['./builtin-catalog.js']

const { existsSync, readdirSync, readFileSync } = require('node:fs')

const staticImports = /import \{([^}]*)\} from "\.\/(chunk-[\w-]+\.js)"|import "\.\/(chunk-[\w-]+\.js)"/g

/** The shared chunks (dist/chunk-*.js) that dist/index.js imports statically, directly or through another. */
function firstLoadChunks() {
  const chunks = new Set()
  const stack = ['index.js']
  while (stack.length > 0) {
    const code = readFileSync(`dist/${stack.pop()}`, 'utf8')
    for (const [, , named, bare] of code.matchAll(staticImports)) {
      const chunk = named ?? bare
      if (!chunks.has(chunk)) stack.push(chunk)
      chunks.add(chunk)
    }
  }
  return chunks
}

/**
 * What the chunks loaded on demand take from the shared chunks that the entry imports statically
 * (dist/chunk-*.js): `{ 'dist/chunk-….js': '{ ExecutionHistory, … }' }`. An app's bundler,
 * splitting the code, keeps those parts (and what they import) in the chunks the page downloads
 * first, since the entry imports their files; one bundle with the lazy chunks external would drop
 * them as unused and understate the first load (50.67 kB measured that way at 4ba2174, where
 * esbuild with code splitting downloads 73.0 kB first, Radix Dialog with ConfirmDialog). A shared
 * chunk only lazy chunks import (ConfirmDialog's modal part, with Radix) is not in the first load.
 */
function sharedWithLazyChunks() {
  if (!existsSync('dist/index.js')) return {}
  const first = firstLoadChunks()
  const lazy = readdirSync('dist').filter((file) =>
    /^(webhook-details-dialog|confirm-dialog-content)-.*\.js$/.test(file),
  )
  const names = {}
  for (const file of lazy) {
    const code = readFileSync(`dist/${file}`, 'utf8')
    for (const [, list, chunk] of code.matchAll(staticImports)) {
      if (!list || !first.has(chunk)) continue
      names[chunk] ??= new Set()
      for (const item of list.split(',')) if (item.trim()) names[chunk].add(item.trim().split(/\s+as\s+/)[0])
    }
  }
  return Object.fromEntries(
    Object.entries(names).map(([chunk, set]) => [`dist/${chunk}`, `{ ${[...set].join(', ')} }`]),
  )
}

/** A check over dist/, with `external` added to what it leaves out (what loads on demand). */
const check = (name, path, importString, limit, { external = [], ignore = [] } = {}) => ({
  name,
  path,
  import: importString,
  gzip: true,
  ignore,
  limit,
  modifyEsbuildConfig: (config) => ({
    ...config,
    tsconfigRaw: '{}',
    external: [...(config.external ?? []), ...external],
  }),
})
const react = ['react', 'react-dom']

module.exports = [
  check('integration-webhooks/core (everything, with zod/mini and the catalog)', 'dist/core/index.js', '*', '29.69 kB'),
  // An app that imports from integration-webhooks/core gets the catalog in its first chunk
  // (core re-exports it); only the hooks and the components, which import core/without-catalog.js, load it on demand.
  check(
    'integration-webhooks/core: createWebhookClient + loadWebhooks',
    'dist/core/index.js',
    '{ createWebhookClient, loadWebhooks }',
    '22.31 kB',
  ),
  check(
    'integration-webhooks/react (every hook, with core, swr and TanStack Table; the catalog loads on demand)',
    'dist/react/index.js',
    '*',
    '41.07 kB',
    { ignore: react, external: catalogChunk },
  ),
  check(
    'integration-webhooks/react: useIntegrationWebhooks alone (the catalog loads on demand)',
    'dist/react/index.js',
    '{ useIntegrationWebhooks }',
    '22.47 kB',
    { ignore: react, external: catalogChunk },
  ),
  check(
    'integration-webhooks/react: useIntegrationWebhooks with the catalog it loads for fallback rows',
    'dist/react/index.js',
    '{ useIntegrationWebhooks }',
    '29.51 kB',
    { ignore: react },
  ),
  check(
    'integration-webhooks (the full component, with every dependency; react excluded)',
    'dist/index.js',
    '{ IntegrationWebhookManager }',
    '88.45 kB',
    { ignore: react },
  ),
  check(
    "integration-webhooks: what the page downloads first for IntegrationWebhookManager (the dialog, ConfirmDialog's modal part with Radix, and the catalog load on demand; what they take from the shared chunks comes first)",
    'dist/index.js',
    { 'dist/index.js': '{ IntegrationWebhookManager }', ...sharedWithLazyChunks() },
    '58.70 kB',
    { ignore: react, external: [...lazyChunks, ...catalogChunk] },
  ),
  check(
    'integration-webhooks/mocks (handlers and fixtures, with core; msw excluded)',
    'dist/mocks/index.js',
    '*',
    '43.92 kB',
    {
      ignore: ['msw'],
    },
  ),
]
