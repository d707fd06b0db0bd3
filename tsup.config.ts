import { copyFile, mkdir } from 'node:fs/promises'
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

export default defineConfig([
  // Framework-agnostic: no React and no "use client", so it loads on servers and in workers.
  { ...shared, entry: { 'core/index': 'src/core/index.ts' }, platform: 'neutral' },
  // MSW handlers and fixtures for Storybook and tests; msw is an optional peer dependency.
  {
    ...shared,
    entry: { 'mocks/index': 'mocks/index.ts' },
    platform: 'neutral',
    external: [...(shared.external ?? []), 'msw', /^msw\//],
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
    },
  },
])
