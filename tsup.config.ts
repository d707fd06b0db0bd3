import { defineConfig } from 'tsup'

// One build per layer. An entry is added when its layer lands, never as a placeholder.
export default defineConfig({
  entry: { 'core/index': 'src/core/index.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  external: ['zod', 'zod/mini'],
})
