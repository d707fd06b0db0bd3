import type { SqlDriver } from '../stores/driver'
import { initial } from './001-initial'
import { liveEvents } from './002-live-events'
import { statsIndex } from './003-stats-index'
import { executionAttempts } from './004-execution-attempts'
import { payloadAsReceived } from './005-payload-as-received'

/** One versioned SQL migration shipped in the package. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

/** Every migration of the package, in order. Applied migrations must never change. */
export const migrations: readonly Migration[] = Object.freeze([
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'live-events', sql: liveEvents },
  { version: 3, name: 'stats-index', sql: statsIndex },
  { version: 4, name: 'execution-attempts', sql: executionAttempts },
  { version: 5, name: 'payload-as-received', sql: payloadAsReceived },
])

/** The table that records applied migrations. */
export const MIGRATIONS_TABLE = 'integration_webhooks_migrations'

// Any fixed 64-bit number: the advisory lock that serialises migrations across processes.
const MIGRATION_LOCK = 72_626_168_631

/** A migration that cannot be applied: changed after it was applied, or from a newer version. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

async function checksum(sql: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sql))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

interface AppliedRow {
  version: number
  name: string
  checksum: string
}

/**
 * Applies the pending migrations in order, each in its own transaction, recorded with its
 * SHA-256 checksum. Processes that start at once on one database take an advisory lock
 * in each transaction, so every migration is applied exactly once.
 *
 * @throws {MigrationError} when an applied migration's checksum differs from the
 * package's (it was edited: never re-run silently), or the database has a migration this
 * version of the package does not know (a newer version migrated it).
 */
export async function migrate(driver: SqlDriver, list: readonly Migration[] = migrations): Promise<void> {
  const sums = await Promise.all(list.map((migration) => checksum(migration.sql)))
  const known = new Map(list.map((migration, index) => [migration.version, { migration, sum: sums[index] }]))
  const verify = (row: AppliedRow) => {
    const expected = known.get(Number(row.version))
    if (!expected) {
      throw new MigrationError(
        `The database has migration ${row.version} (${row.name}), which this version of integration-webhooks does not know: it was migrated by a newer version`,
      )
    }
    if (expected.sum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.version} (${row.name}) was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${expected.sum?.slice(0, 12)}… in the package)`,
      )
    }
  }

  // The common case, every start after the first: one query, no lock.
  const exists = await driver.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [
    MIGRATIONS_TABLE,
  ])
  if (exists[0]?.table) {
    const applied = await driver.query<AppliedRow>(`SELECT version, name, checksum FROM ${MIGRATIONS_TABLE}`)
    for (const row of applied) verify(row)
    if (applied.length === list.length) return
  }

  for (const [index, migration] of list.entries()) {
    await driver.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      await tx.exec(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      )
      const [row] = await tx.query<AppliedRow>(
        `SELECT version, name, checksum FROM ${MIGRATIONS_TABLE} WHERE version = $1`,
        [migration.version],
      )
      if (row) return verify(row)
      await tx.exec(migration.sql)
      await tx.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES ($1, $2, $3)`, [
        migration.version,
        migration.name,
        sums[index],
      ])
    })
  }
  const applied = await driver.query<AppliedRow>(`SELECT version, name, checksum FROM ${MIGRATIONS_TABLE}`)
  for (const row of applied) verify(row)
}
