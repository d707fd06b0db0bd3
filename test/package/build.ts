import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { initdbDataDir } from '../support/pglite-data-dir'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The newest modification time under a path (a file, or a folder's files). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/** The process that holds the lock, or undefined while its holder is still writing its id. */
function holder(lock: string): number | undefined {
  const id = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'r' }).trim())
  return Number.isInteger(id) && id > 0 ? id : undefined
}

/** Whether a process of this id is running (signal 0 only asks). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Holds a lock (a folder: mkdir is atomic, with the holder's process id in it) while `work`
 * runs; another run waits for it as long as its holder runs, and takes over the lock of a run
 * that is gone (killed in the middle of a build). The lock used to count as dead after 120 s:
 * with two suites side by side on a loaded 2-core machine the build took longer, so the second
 * run took the lock over while the first was still building (and, finding no finished dist/,
 * built it again from scratch), and the first's clean-up removed the second's lock: the second's
 * clean-up then failed on a missing lock, an unhandled error that failed its whole run.
 */
async function withLock(work: () => void): Promise<void> {
  const lock = join(root, 'node_modules/.cache/package-build.lock')
  mkdirSync(join(lock, '..'), { recursive: true })
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let pid: number | undefined
      try {
        pid = holder(lock)
      } catch {
        pid = undefined
      }
      // No id yet: its holder is between mkdir and writing it (or died there: a minute is plenty).
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      const gone = pid === undefined ? Date.now() - since > 60_000 : !running(pid)
      if (gone) rmSync(lock, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
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
  // The PGlite test's data directory, made by initdb once (kept between runs), here where no
  // test's limit counts it.
  await initdbDataDir()
}
