import type { StorybookConfig } from '@storybook/react-vite'
import { mergeConfig } from 'vite'
import { packageAliases } from '../test/support/aliases.mjs'

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', 'msw-storybook-addon', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Serves public/mockServiceWorker.js, the worker MSW registers in the preview.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Stories import the package by its public names and run it from source.
    // Exact-match patterns: the bare name never shadows a subpath.
    const aliases = packageAliases()
    return mergeConfig(viteConfig, {
      resolve: { alias: aliases },
      build: {
        // Storybook's own preview (axe, the docs blocks) is large; the package's budgets live in .size-limit.json.
        chunkSizeWarningLimit: 2048,
        rollupOptions: {
          // swr, Radix and TanStack mark their modules "use client"; bundling them for the
          // browser drops the directive, which is correct here. Other warnings still show.
          onwarn(warning, warn) {
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return
            warn(warning)
          },
        },
      },
    })
  },
}

export default config
