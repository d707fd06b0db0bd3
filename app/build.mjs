// Builds what `npm start` runs, once per version of the sources: the page (Vite, from the
// package's entries as a host imports them) and the server (esbuild, one ESM file). Both go to
// node_modules/.cache/integration-webhooks/app-{hash of the sources}: a later start with
// unchanged sources finds them and builds nothing.
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const cacheDir = path.join(root, 'node_modules/.cache/integration-webhooks')

/** Replaced by a fresh nonce in every page response (the page's Content-Security-Policy). */
export const NONCE_PLACEHOLDER = 'IW_CSP_NONCE'

/** The package's entries, as a host imports them, mapped to their sources. */
const aliases = [
  { find: /^integration-webhooks\/core$/, replacement: path.join(root, 'src/core/index.ts') },
  { find: /^integration-webhooks\/react$/, replacement: path.join(root, 'src/react/index.ts') },
  { find: /^integration-webhooks\/server$/, replacement: path.join(root, 'src/server/index.ts') },
  { find: /^integration-webhooks\/styles\.css$/, replacement: path.join(root, 'src/components/styles.css') },
  { find: /^integration-webhooks$/, replacement: path.join(root, 'src/components/index.ts') },
]

function files(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}

/** A hash of everything the build reads of ours: the sources, the app, the locked dependency versions. */
export function sourceHash() {
  const hash = createHash('sha256')
  const inputs = [
    ...files(path.join(root, 'src')),
    ...files(path.join(root, 'app/page')),
    ...['app/server.ts', 'app/main.ts', 'app/build.mjs'].map((file) => path.join(root, file)),
    path.join(root, 'examples/nextjs/lib/session.ts'),
    path.join(root, 'package-lock.json'),
  ]
  for (const file of inputs) {
    hash.update(path.relative(root, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * The built app for the current sources: `{ dir, page, server, built }`. Builds it when the
 * cache has none (into a temporary folder renamed into place, so a start running beside
 * another never sees half a build).
 */
export async function ensureBuilt({ log = () => {} } = {}) {
  const hash = sourceHash()
  const dir = path.join(cacheDir, `app-${hash}`)
  const result = { dir, page: path.join(dir, 'page'), server: path.join(dir, 'server.mjs'), built: false }
  if (existsSync(path.join(dir, 'done'))) return result
  mkdirSync(cacheDir, { recursive: true })
  // One build at a time for these sources: another start (two instances, tests side by side)
  // waits for the first one's instead of building the same thing at the same time.
  const lock = path.join(cacheDir, `app-${hash}.lock`)
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (existsSync(path.join(dir, 'done'))) return result
      // A lock older than any build is a dead start's: take it over.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    if (existsSync(path.join(dir, 'done'))) return result
    return await buildInto(dir, hash, result, log)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

async function buildInto(dir, hash, result, log) {
  const work = path.join(cacheDir, `tmp-${process.pid}-${Date.now()}`)
  log('Building the page (Vite) and the server (esbuild) — once for these sources…')
  try {
    const [{ build: viteBuild }, { default: react }, { build: esbuild }] = await Promise.all([
      import('vite'),
      import('@vitejs/plugin-react'),
      import('esbuild'),
    ])
    await viteBuild({
      configFile: false,
      root: path.join(root, 'app/page'),
      base: '/',
      logLevel: 'warn',
      plugins: [react()],
      resolve: { alias: aliases },
      html: { cspNonce: NONCE_PLACEHOLDER },
      build: { outDir: path.join(work, 'page'), emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
    })
    await esbuild({
      entryPoints: [path.join(root, 'app/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: path.join(work, 'server.mjs'),
      // The databases load from node_modules, as the server entry does.
      external: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*'],
      alias: {
        'integration-webhooks/server': path.join(root, 'src/server/index.ts'),
        'integration-webhooks/core': path.join(root, 'src/core/index.ts'),
      },
      logLevel: 'warning',
    })
    writeFileSync(path.join(work, 'done'), `${new Date().toISOString()}\n`)
    try {
      renameSync(work, dir)
    } catch (error) {
      // Another start built the same sources first: use its build.
      if (!existsSync(path.join(dir, 'done'))) throw error
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  // Older builds are dead weight: keep the newest few.
  const builds = readdirSync(cacheDir)
    .filter(
      (name) => /^app-[0-9a-f]+$/.test(name) && name !== `app-${hash}` && existsSync(path.join(cacheDir, name, 'done')),
    )
    .map((name) => ({ name, at: readFileSync(path.join(cacheDir, name, 'done'), 'utf8') }))
    .sort((a, b) => b.at.localeCompare(a.at))
  for (const old of builds.slice(2)) rmSync(path.join(cacheDir, old.name), { recursive: true, force: true })
  return { ...result, built: true }
}

/**
 * `npx integration-webhooks` runs `dist/cli/index.js`, which `npm run build` makes. On a fresh
 * clone there is no dist yet: this makes the command alone (esbuild, well under a second), with
 * the server's samples and signing code bundled in. Its time is set to 1970 so it never makes
 * an older dist look newer than the sources (test/package/build.ts compares them); the next
 * `npm run build` replaces it with the published form.
 */
export async function ensureCli() {
  const bin = path.join(root, 'dist/cli/index.js')
  if (existsSync(bin)) return false
  const { build: esbuild } = await import('esbuild')
  await esbuild({
    entryPoints: [path.join(root, 'src/cli/bin.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bin,
    external: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*'],
    alias: {
      'integration-webhooks/server': path.join(root, 'src/server/index.ts'),
      'integration-webhooks/core': path.join(root, 'src/core/index.ts'),
    },
    logLevel: 'warning',
  })
  chmodSync(bin, 0o755)
  utimesSync(bin, 0, 0)
  return true
}
