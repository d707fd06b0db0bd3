import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

export default defineConfig({
  plugins: [react()],
  // Layers import each other by their public names; tests run them from source.
  resolve: {
    alias: {
      'integration-webhooks/core': src('core/index.ts'),
      'integration-webhooks/react': src('react/index.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/package/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.tsx'],
          setupFiles: ['test/react/setup.ts'],
        },
      },
      {
        // Server rendering: no DOM at all.
        extends: true,
        test: { name: 'ssr', environment: 'node', include: ['test/**/*.ssr.test.tsx'] },
      },
      {
        // Checks the built package (`dist`) the way a consumer loads it; builds it first.
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/build.ts'],
        },
      },
    ],
  },
})
