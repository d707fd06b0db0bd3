import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { defineConfig, type Options } from 'tsup'

// One build per layer; an entry is added when its layer lands, never as a placeholder.
// Layers import each other through their public entry names ('integration-webhooks/core'),
// which stay external here: the published `react` entry loads the published `core`, so
// there is one copy of each module (and one WebhookApiError class) in an app.
const shared: Options = {
  format: ['esm', 'cjs'],
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  treeshake: true,
  external: [
    /^integration-webhooks(\/|$)/,
    'zod',
    /^zod\//,
    /^react($|\/)/,
    /^react-dom($|\/)/,
    /^swr/,
    /^@tanstack\//,
    /^@radix-ui\//,
    'get-nonce',
  ],
}

/**
 * Points the ESM client files (the hooks' entry, the components' entry and their shared chunks)
 * at `dist/core/without-catalog.js` instead of the public `integration-webhooks/core`: what they
 * use of core, without the built-in catalog's data, which loadWebhooks then loads with import()
 * (see the core build). It shares its chunks with core/index.js, so an app still has one copy of
 * each module. Only the details dialog's chunk, which shows setup steps from the catalog, keeps
 * the public entry (and the catalog with it, when the dialog first opens).
 *
 * A rewrite after the build, because no bundler setting does it: the path to write depends on
 * the output file (`../core/…` from dist/react, `./core/…` from dist), which esbuild does not
 * know when it resolves an import, and tsup's `external` resolves before any plugin. The type
 * declarations keep importing 'integration-webhooks/core'. test/package/entry.test.ts guards
 * the result on dist: which files import what, and that every name they import exists.
 */
async function pointClientFilesAtCoreWithoutCatalog(): Promise<void> {
  const components = (await readdir('dist')).filter((file) => /^(index|chunk-[^.]+)\.js$/.test(file))
  const rewrites: [file: string, target: string][] = [
    ['dist/react/index.js', '../core/without-catalog.js'],
    ...components.map((file): [string, string] => [`dist/${file}`, './core/without-catalog.js']),
  ]
  for (const [file, target] of rewrites) {
    const code = await readFile(file, 'utf8')
    const rewritten = code.replaceAll('from "integration-webhooks/core";', `from "${target}";`)
    if (rewritten === code && file.endsWith('index.js'))
      throw new Error(`${file}: no import of integration-webhooks/core to point at core/without-catalog.js`)
    await writeFile(file, rewritten)
  }
}

export default defineConfig([
  // Framework-agnostic: no React and no "use client", so it loads on servers and in workers.
  // ESM: three files over shared chunks, so there is still one copy of each module.
  // - core/index: the public entry;
  // - core/without-catalog: what the hooks and the components' first load use, none of which
  //   needs the built-in catalog at import (src/core/without-catalog.ts, not a public entry);
  // - core/builtin-catalog: the catalog's data, which every other file imports from here.
  // So an app that uses only the hooks loads the catalog through the import() in
  // loadWebhooks, when the API has nothing saved, and not before: a bundler ties a file to
  // the first chunk if any file of that chunk imports it statically, used or not.
  // CommonJS stays one file per entry (import() inlined, nothing to split).
  {
    ...shared,
    format: 'esm',
    entry: {
      'core/index': 'src/core/index.ts',
      'core/without-catalog': 'src/core/without-catalog.ts',
      'core/builtin-catalog': 'src/core/catalog/builtin.ts',
    },
    dts: { ...(shared.dts as object), entry: { 'core/index': 'src/core/index.ts' } },
    splitting: true,
    platform: 'neutral',
    // Chunks next to the entries, so './builtin-catalog.js' resolves from every file.
    esbuildOptions(options) {
      options.chunkNames = 'core/[name]-[hash]'
    },
    esbuildPlugins: [
      {
        name: 'builtin-catalog-file',
        setup(build) {
          build.onResolve({ filter: /(^|\/)builtin$/ }, (args) =>
            args.kind === 'entry-point' ? undefined : { path: './builtin-catalog.js', external: true },
          )
        },
      },
    ],
  },
  { ...shared, format: 'cjs', entry: { 'core/index': 'src/core/index.ts' }, platform: 'neutral' },
  // MSW handlers and fixtures for Storybook and tests; msw is an optional peer dependency.
  {
    ...shared,
    entry: { 'mocks/index': 'mocks/index.ts' },
    platform: 'neutral',
    external: [...(shared.external ?? []), 'msw', /^msw\//],
  },
  // The endpoint: Node ≥ 20.19 or any runtime with Web Crypto and streams. The databases are
  // optional peer dependencies, imported lazily by the store that uses them.
  {
    ...shared,
    entry: { 'server/index': 'src/server/index.ts' },
    platform: 'node',
    external: [...(shared.external ?? []), 'pg', /^@electric-sql\/pglite/],
  },
  // The `integration-webhooks` command (package.json "bin"): ESM, its shebang kept from the
  // source. It imports the server and core entries by name, so it runs the published code
  // (one copy of the samples and schemes), and adds nothing to any entry's size.
  {
    ...shared,
    format: 'esm',
    entry: { 'cli/index': 'src/cli/bin.ts' },
    dts: false,
    platform: 'node',
    external: [...(shared.external ?? []), 'pg', /^@electric-sql\/pglite/],
  },
  // Client entries keep the "use client" of their source file, for React Server Components.
  {
    ...shared,
    entry: { 'react/index': 'src/react/index.ts', index: 'src/components/index.ts' },
    platform: 'browser',
    // tsup's Rollup tree-shaking pass strips module directives; esbuild's own tree shaking is enough.
    treeshake: false,
    // The default theme ships as a plain stylesheet: nothing injects <style> at run time (strict CSP).
    async onSuccess() {
      await mkdir('dist', { recursive: true })
      await copyFile('src/components/styles.css', 'dist/styles.css')
      await pointClientFilesAtCoreWithoutCatalog()
    },
  },
])
