import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { packageAliases } from './test/support/aliases.mjs'
import { chromiumArgs, chromiumPath } from './test/support/chromium.mjs'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Real Chromium from Debian (`apt-get install chromium`), never a downloaded browser.
 * The networking flags stop Chromium from flooding the closed network with refused
 * connections. Clipboard permissions let tests read back what the code copied.
 */
const chromium = () =>
  playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: [...chromiumArgs],
    },
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  })

/** Each browser project gets its own object: a shared one mislabels the projects. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium(),
  instances: [{ browser: 'chromium' as const }],
  // Failure screenshots go to a git-ignored folder, not beside the tests.
  screenshotDirectory: '.vitest-attachments/screenshots',
  // How long Chromium and its test page get to connect, at the start of a run when every project
  // starts at once (the node projects' workers, three Chromium instances, Vite bundling the
  // browser dependencies of a cold cache). Vitest's 60 s failed both of two full runs side by side
  // on 2 cores: neither ran a single browser, e2e or storybook test ('Failed to connect to the
  // browser session … within the timeout'), while alone a cold start connects in seconds.
  connectTimeout: 300_000,
})

/**
 * Pre-bundled before the first browser test: a dependency Vite discovers in the middle
 * of a cold run (a fresh CI checkout) makes it reload the page and fail the test.
 */
const browserDeps = {
  include: [
    'react',
    'react/jsx-dev-runtime',
    'react-dom/client',
    'react-dom',
    'swr',
    'swr/infinite',
    'get-nonce',
    '@tanstack/react-table',
    '@radix-ui/react-dialog',
    'zod/mini',
    'msw',
    'msw/browser',
  ],
}

const react18 = path.join(dirname, 'test/react18/node_modules')
/** react and react-dom, and their subpaths, from test/react18 (exact names only). */
const react18Aliases = [
  { find: /^react$/, replacement: path.join(react18, 'react/index.js') },
  { find: /^react\/(.*)$/, replacement: path.join(react18, 'react/$1') },
  { find: /^react-dom$/, replacement: path.join(react18, 'react-dom/index.js') },
  { find: /^react-dom\/(.*)$/, replacement: path.join(react18, 'react-dom/$1') },
]
/** Dependencies that import react: inlined in the react18 project, so they get React 18 too. */
const reactDependents = [
  /@testing-library\/react/,
  /\/swr\//,
  /@radix-ui\//,
  /@tanstack\/react-/,
  /react-remove-scroll/,
  /react-style-singleton/,
  /use-callback-ref/,
  /use-sidecar/,
  /use-sync-external-store/,
]

export default defineConfig({
  plugins: [react()],
  // Layers import each other by their public names; tests run them from source.
  // Exact-match patterns, so the bare name never shadows a subpath.
  resolve: {
    alias: packageAliases(),
  },
  test: {
    // Isolation: what one test stubs or spies on is put back before the next, also when it failed
    // or timed out before its own clean-up (a failed test's hidden-page spy would pause every later
    // poll of its file).
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // Pure computation, so a test's time scales with the machine's load: building the large
          // scenario (5,000 rows and a history of 200) took about 1 s alone at load average 20 and
          // 12 s with a second suite running beside it; 5 s failed there. (Property runs are sized
          // for such a machine: see test/core/properties.test.ts.)
          testTimeout: 20_000,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/package/**', 'test/server/**'],
        },
      },
      {
        // The server on real databases: PGlite in process, and the PostgreSQL server that
        // DATABASE_URL names (.ci/run starts one; `npm run db:start` does it locally).
        // Limits, not timings: opening PGlite runs PostgreSQL in WebAssembly, slow on a busy machine.
        // At load average 38-46 (a full suite beside six other sessions' work on 2 cores) the README's
        // server quick start (a fresh PGlite, imported and run) took 83.5 s and the durability tests
        // (PGlite in child processes, opened and reopened) ran past 60 s: the hooks' 180 s for both.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          // Whole-manager flows (render, axe, the dialog's first load) take 1–3 s here when the
          // machine is idle and three times that on a loaded 2-core CI runner: 5 s failed there.
          // At load average 20-30 (other sessions' suites on 2 cores) one file's test took 25.7 s
          // and another 20.2 s, under the 30 s that five files had set for themselves and at the
          // 20 s that was the rest's; at 38-46 the signing-secret file's 2 tests took 57 s in all.
          // One limit for all, with room for a second suite beside. Their time is jsdom's computed
          // styles (its whole default stylesheet per element), role queries re-run on every DOM
          // mutation while a findBy… waits, and axe: see the commit.
          testTimeout: 60_000,
          // test/react/setup.ts waits out a failed test's findBy… and waitFor before clean-up.
          hookTimeout: 30_000,
          include: ['test/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.tsx'],
          setupFiles: ['test/react/setup.ts'],
        },
      },
      {
        // The same hooks and components suites on React 18.3 (react and react-dom are peers at
        // ^18 || ^19). test/react18 holds React 18 (its react-dom needs react 18 beside it);
        // every dependency that imports React is run through Vite so the aliases reach it too.
        extends: true,
        resolve: { alias: react18Aliases },
        test: {
          name: 'react18',
          environment: 'jsdom',
          // As the react project: whole-manager flows take several seconds on a loaded machine.
          testTimeout: 60_000,
          hookTimeout: 30_000,
          include: ['test/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.ssr.test.tsx'],
          setupFiles: ['test/react18/setup.ts', 'test/react/setup.ts'],
          server: { deps: { inline: reactDependents } },
          env: { EXPECTED_REACT_MAJOR: '18' },
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
          // Each test starts Node processes (and esbuild) on the built files: seconds each on a
          // loaded machine, where 5 s failed six of them.
          testTimeout: 60_000,
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/build.ts'],
        },
      },
      {
        // Real Chromium: what jsdom cannot show (clipboard, layout, focus, service workers).
        extends: true,
        optimizeDeps: browserDeps,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          // Real Chromium and real waits: seconds each on a loaded 2-core machine (load 20 here),
          // where 15 s timed out flows that take 2 s at rest.
          testTimeout: 45_000,
          // expect.element and expect.poll wait for what the page does next (a render after a click,
          // rows after a scroll) for 10 s, not vitest's 1 s: on a loaded 2-core machine the page's
          // frames come seconds apart, as findBy… waits 10 s in the react projects.
          expect: { poll: { timeout: 10_000 } },
          exclude: ['test/e2e/**'],
          browser: browser(),
        },
      },
      {
        // The component in Chromium against the real server handler (PGlite), served on loopback.
        extends: true,
        optimizeDeps: browserDeps,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.browser.test.{ts,tsx}'],
          globalSetup: ['test/e2e/server-setup.ts'],
          // Limits, not timings: a whole user flow through a real server on a busy machine.
          testTimeout: 90_000,
          hookTimeout: 180_000,
          browser: browser(),
        },
      },
      {
        // Every story in stories/ is a test: it renders, its play function runs, axe finds nothing.
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        optimizeDeps: browserDeps,
        test: {
          name: 'storybook',
          // As the browser project: a story loads the mocked endpoint and the whole component.
          testTimeout: 45_000,
          // Once per file, before its stories: .storybook/preview.tsx's beforeAll loads axe-core
          // (1.5 s at load average 7, and many times that with a second suite beside).
          hookTimeout: 60_000,
          browser: browser(),
        },
      },
    ],
  },
})
