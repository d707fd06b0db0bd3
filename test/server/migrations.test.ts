import { MIGRATIONS_TABLE, MigrationError, migrate, migrations } from 'integration-webhooks/server'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChild } from './child'
import { databaseUrl, freshDatabase, type OpenStore, openStore } from './support'

describe('migrations', () => {
  let open: OpenStore
  beforeAll(async () => {
    open = await openStore('pglite')
  })
  afterAll(async () => {
    await open?.dispose()
  })

  it('records each applied migration with its SHA-256 checksum', async () => {
    const rows = await open.store.driver.query<{ version: number; name: string; checksum: string }>(
      `SELECT version, name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY version`,
    )
    expect(rows.map((row) => [row.version, row.name])).toEqual(migrations.map((m) => [m.version, m.name]))
    for (const row of rows) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it('running again changes nothing', async () => {
    await migrate(open.store.driver)
    const [row] = await open.store.driver.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`)
    expect(row?.n).toBe(migrations.length)
  })

  it('refuses an applied migration that was changed, instead of re-running it', async () => {
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m))
    await expect(migrate(open.store.driver, edited)).rejects.toThrow(MigrationError)
    await expect(migrate(open.store.driver, edited)).rejects.toThrow(/was changed after it was applied/)
  })

  it('refuses a database migrated by a newer version', async () => {
    await expect(migrate(open.store.driver, [])).rejects.toThrow(/newer version/)
  })

  it('applies a new migration once, in its own transaction, and rolls a failing one back', async () => {
    const next = [...migrations, { version: 900, name: 'extra', sql: 'CREATE TABLE migration_probe (x int)' }]
    await migrate(open.store.driver, next)
    await migrate(open.store.driver, next)
    const failing = [
      ...next,
      { version: 901, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT * FROM missing_table' },
    ]
    await expect(migrate(open.store.driver, failing)).rejects.toThrow()
    const [row] = await open.store.driver.query<{ half: string | null; recorded: number }>(
      `SELECT to_regclass('half_done')::text AS half, (SELECT count(*)::int FROM ${MIGRATIONS_TABLE} WHERE version = 901) AS recorded`,
    )
    expect(row).toEqual({ half: null, recorded: 0 })
    await open.store.driver.exec(`DROP TABLE migration_probe; DELETE FROM ${MIGRATIONS_TABLE} WHERE version = 900`)
  })

  describe.skipIf(!databaseUrl)('on PostgreSQL, raced from two processes', () => {
    it('applies each migration exactly once', async () => {
      const database = await freshDatabase()
      try {
        const script = `
          const store = await server.createPostgresStore({ connectionString: process.env.URL, max: 2 })
          console.log('migrated'); await store.close()`
        const children = await Promise.all([1, 2, 3].map(() => startChild(script, { URL: database.url })))
        const codes = await Promise.all(children.map((child) => child.exited))
        expect(codes, children.map((child) => child.stderr()).join('\n')).toEqual([0, 0, 0])
        const client = new pg.Client({ connectionString: database.url })
        await client.connect()
        const { rows } = await client.query(
          `SELECT version, count(*)::int AS n FROM ${MIGRATIONS_TABLE} GROUP BY version ORDER BY version`,
        )
        await client.end()
        expect(rows).toEqual(migrations.map((m) => ({ version: m.version, n: 1 })))
      } finally {
        await database.drop()
      }
    })
  })
})
