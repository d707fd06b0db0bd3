import type { Pool, PoolClient, PoolConfig } from 'pg'
import { importPeer, type SqlDriver, type SqlQueryable } from './driver'
import { createSqlStore, type SqlStore } from './sql-store'

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`. Or pass `pool`. */
  connectionString?: string
  /** A `pg` Pool you already have. The store does not end it. */
  pool?: Pool
  /**
   * Connections in the pool the store creates.
   * @defaultValue 10
   */
  max?: number
  /** More `pg` pool settings (ssl, timeouts) for the pool the store creates. */
  poolConfig?: PoolConfig
  /**
   * Apply the package's migrations on open (an advisory lock makes concurrent starts safe).
   * @defaultValue true
   */
  migrate?: boolean
}

/**
 * The store on a PostgreSQL server (15 or newer) through `pg` (an optional peer
 * dependency loaded only here). Any number of stateless server instances can share one
 * database: counters are atomic in SQL and migrations run once under an advisory lock.
 *
 * @example
 * ```ts
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL })
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SqlStore> {
  let pool = options.pool
  if (!pool) {
    if (!options.connectionString && !options.poolConfig?.connectionString) {
      throw new TypeError('createPostgresStore: pass a connectionString (postgres://…) or a pg Pool')
    }
    const pg = await importPeer('pg', () => import('pg'), 'createPostgresStore')
    const PoolClass = (pg.default?.Pool ?? (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool
    pool = new PoolClass({ max: options.max ?? 10, ...options.poolConfig, connectionString: options.connectionString })
    // An idle client's error (the server restarted) must not crash the process: the pool
    // drops that client and the next query opens a new one.
    pool.on('error', () => {})
  }
  const owned = !options.pool
  const instance = pool
  const wrap = (client: Pick<Pool, 'query'>): SqlQueryable => ({
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[] | undefined)).rows as Row[],
    exec: async (text) => {
      await client.query(text)
    },
  })
  let closed = false
  const driver: SqlDriver = {
    kind: 'postgres',
    ...wrap(instance),
    async transaction(fn) {
      const client = await instance.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    // One connection of its own per listener, held while it listens. A lost connection is
    // replaced after a second (NOTIFYs sent in between are missed: listeners poll as well).
    async listen(channel, onPayload) {
      let client: PoolClient | null = null
      let stopped = false
      let retry: ReturnType<typeof setTimeout> | undefined
      const connect = async (): Promise<void> => {
        const next = await instance.connect()
        next.on('notification', (message) => {
          if (message.channel === channel) onPayload(message.payload ?? '')
        })
        next.on('error', () => {
          next.release(true)
          if (client === next) client = null
          if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000)
        })
        await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`)
        client = next
      }
      await connect()
      return async () => {
        stopped = true
        clearTimeout(retry)
        const held = client
        client = null
        if (held) {
          await held.query(`UNLISTEN "${channel.replace(/"/g, '""')}"`).catch(() => {})
          held.release()
        }
      }
    },
    async close() {
      if (closed) return
      closed = true
      if (owned) await instance.end()
    },
  }
  try {
    return await createSqlStore(driver, options)
  } catch (error) {
    await driver.close()
    throw error
  }
}
