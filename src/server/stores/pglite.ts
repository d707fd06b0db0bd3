import type { PGlite } from '@electric-sql/pglite'
import { importPeer, type SqlDriver, type SqlQueryable } from './driver'
import { type DataDirLock, lockDataDir } from './lock-file'
import { createSqlStore, type SqlStore } from './sql-store'

/** Options of {@link createPgliteStore}. */
export interface PgliteStoreOptions {
  /**
   * Where the database lives on disk (created on first use, reopened after). One process
   * per directory: a lock file beside it (`{dataDir}.lock`) makes a second one fail with
   * a clear error, and a lock left by a killed process is taken over.
   * @defaultValue none: in memory, gone when the process ends
   */
  dataDir?: string
  /** A PGlite instance you already have, instead of `dataDir`. The store does not close it. */
  db?: PGlite
  /**
   * Apply the package's migrations on open.
   * @defaultValue true
   */
  migrate?: boolean
}

function queryable(db: Pick<PGlite, 'query' | 'exec'>): SqlQueryable {
  return {
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await db.query<Row>(text, params as unknown[] | undefined)).rows,
    exec: async (text) => {
      await db.exec(text)
    },
  }
}

/**
 * The embedded store: PostgreSQL in WebAssembly (`@electric-sql/pglite`, an optional peer
 * dependency loaded only here), in a data directory or in memory. Nothing to run.
 *
 * PGlite is one connection in one process: call `close()` before the process exits. An
 * acknowledged write survives the process being killed (PGlite keeps PostgreSQL's WAL
 * and fsync), and a lock left by a dead process does not block the restart.
 * For several processes on one database, use {@link createPostgresStore}.
 *
 * @throws {DataDirLockedError} when another live process has `dataDir` open.
 * @example
 * ```ts
 * const store = await createPgliteStore({ dataDir: '.data/webhooks' })
 * const webhooks = createWebhookServer({ store, authenticate })
 * process.on('SIGTERM', async () => { await webhooks.close(); await store.close(); process.exit(0) })
 * ```
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<SqlStore> {
  let lock: DataDirLock | null = null
  let db = options.db
  if (!db) {
    const { PGlite } = await importPeer(
      '@electric-sql/pglite',
      () => import('@electric-sql/pglite'),
      'createPgliteStore',
    )
    if (options.dataDir) lock = await lockDataDir(options.dataDir)
    try {
      db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {})
    } catch (error) {
      await lock?.release()
      throw error
    }
  }
  const owned = !options.db
  const instance = db
  let closed = false
  const driver: SqlDriver = {
    kind: 'pglite',
    ...queryable(instance),
    transaction: (fn) => instance.transaction((tx) => fn(queryable(tx))),
    listen: async (channel, onPayload) => {
      const unlisten = await instance.listen(channel, onPayload)
      return async () => {
        if (!closed) await unlisten()
      }
    },
    async close() {
      if (closed) return
      closed = true
      try {
        if (owned) await instance.close()
      } finally {
        await lock?.release()
      }
    },
  }
  try {
    // PGlite runs each statement on this thread: gather a turn's events into one.
    return await createSqlStore(driver, { ...options, recordBatch: { maxInFlight: 1, gatherTurn: true } })
  } catch (error) {
    await driver.close()
    throw error
  }
}
