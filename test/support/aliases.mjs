// The package's public entry names, mapped to files: to the sources (tests, Storybook) or to
// the built `dist` (benchmarks). Exact-match patterns, so the bare name never shadows a subpath.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where each entry's code lives in the sources. */
export const sourceEntries = {
  core: 'src/core/index.ts',
  react: 'src/react/index.ts',
  mocks: 'mocks/index.ts',
  server: 'src/server/index.ts',
  styles: 'src/components/styles.css',
  components: 'src/components/index.ts',
}

/**
 * Vite `resolve.alias` entries for the package's names.
 * @param {{ core: string, react: string, mocks: string, styles: string, components: string }} files paths relative to `base`
 * @param {string} [base] the folder they are in (the repository root by default)
 */
export function packageAliases(files = sourceEntries, base = root) {
  const at = (file) => path.join(base, file)
  return [
    { find: /^integration-webhooks\/core$/, replacement: at(files.core) },
    { find: /^integration-webhooks\/react$/, replacement: at(files.react) },
    { find: /^integration-webhooks\/mocks$/, replacement: at(files.mocks) },
    ...(files.server ? [{ find: /^integration-webhooks\/server$/, replacement: at(files.server) }] : []),
    { find: /^integration-webhooks\/styles\.css$/, replacement: at(files.styles) },
    { find: /^integration-webhooks$/, replacement: at(files.components) },
  ]
}
