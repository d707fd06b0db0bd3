import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The newest modification time under a path (a file, or a folder's files). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/** Holds a lock (a folder: mkdir is atomic) while `work` runs; another run waits for it. */
async function withLock(work: () => void): Promise<void> {
  const lock = join(root, 'node_modules/.cache/package-build.lock')
  mkdirSync(join(lock, '..'), { recursive: true })
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // A lock older than any build is a dead run's: take it over.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 120_000) rmdirSync(lock)
      if (Date.now() - started > 180_000) throw new Error(`package build: ${lock} held for 3 minutes`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    work()
  } finally {
    rmdirSync(lock)
  }
}

// The package tests check the built files, so build them before they run — once: a second
// `npm test` running at the same time (a busy CI machine) waits for the first one's build and
// uses it, instead of rewriting dist/ under the first one's tests.
export default async function setup(): Promise<void> {
  await withLock(() => {
    const sources = Math.max(
      ...['src', 'tsup.config.ts', 'package.json', 'tsconfig.json'].map((p) => newest(join(root, p))),
    )
    if (newest(join(root, 'dist')) > sources && existsSync(join(root, 'dist/index.js'))) return
    // From scratch, as `npm run build`: chunks of an older build (other hashes) would stay beside the new ones.
    rmSync(join(root, 'dist'), { recursive: true, force: true })
    execFileSync(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`, '--silent'], {
      cwd: root,
      stdio: 'inherit',
    })
  })
}
