/** A lock file that says one process has a data directory open. @internal */
export interface DataDirLock {
  readonly path: string
  release(): Promise<void>
}

/** Thrown when a PGlite data directory is already open in another live process (or this one). */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError'
  readonly pid: number
  constructor(dataDir: string, pid: number) {
    super(
      `The PGlite data directory ${dataDir} is already open in process ${pid}${pid === process.pid ? ' (this one)' : ''}. ` +
        'PGlite is one process per data directory: close the other store first, or use PostgreSQL ' +
        '(createPostgresStore) to run several processes on one database.',
    )
    this.pid = pid
  }
}

interface LockContents {
  pid: number
  hostname: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `{dataDir}.lock` (beside the directory: the directory itself is PostgreSQL's).
 * A lock left by a process that no longer runs (killed, crashed) is stale and taken over,
 * so a restart after SIGKILL is never blocked; a live owner's lock is an error.
 * @internal
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const [{ open, readFile, unlink, mkdir }, { unlinkSync }, os, path] = await Promise.all([
    import('node:fs/promises'),
    import('node:fs'),
    import('node:os'),
    import('node:path'),
  ])
  const lockPath = `${path.resolve(dataDir)}.lock`
  await mkdir(path.dirname(lockPath), { recursive: true })
  const contents: LockContents = { pid: process.pid, hostname: os.hostname() }
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx')
      await handle.writeFile(JSON.stringify(contents))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error
      let owner: Partial<LockContents> = {}
      try {
        owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockContents>
      } catch {
        // Unreadable or half-written: its writer died between open and write.
      }
      const pid = typeof owner.pid === 'number' ? owner.pid : Number.NaN
      if (owner.hostname === contents.hostname && Number.isInteger(pid) && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid)
      }
      await unlink(lockPath).catch(() => {})
    }
  }
  // A normal exit without close() still frees the directory for the next start.
  const onExit = () => {
    try {
      unlinkSync(lockPath)
    } catch {}
  }
  process.once('exit', onExit)
  return {
    path: lockPath,
    async release() {
      process.off('exit', onExit)
      await unlink(lockPath).catch(() => {})
    },
  }
}
