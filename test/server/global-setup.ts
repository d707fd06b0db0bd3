import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { TestProject } from 'vitest/node'
import { migrate } from '../../src/server/migrations/index'
import { copyOfInitdbDataDir } from '../support/pglite-data-dir'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory with the migrations applied, as a gzipped tarball. */
    pgliteTemplate: string
    /** The PostgreSQL server to test against, or '' when there is none. */
    databaseUrl: string
  }
}

/**
 * Runs once before the server tests: makes a migrated PGlite template (initdb in
 * WebAssembly takes seconds; loading a template is fast), and checks that the
 * PostgreSQL half can run — skipped with a line that says how to run it, or, under CI,
 * a failure: CI must test both stores.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL ?? ''
  if (!databaseUrl) {
    if (process.env.CI === 'true' || process.env.CI === '1') {
      throw new Error(
        'CI=true but DATABASE_URL is not set: the PostgreSQL store must be tested in CI (.ci/run starts it)',
      )
    }
    console.warn(
      '\n[server tests] PostgreSQL store tests SKIPPED: no DATABASE_URL. Run `npm run db:start` and export the URL it prints to run them.\n',
    )
  }
  // From the data directory initdb made once (shared with the package tests, kept between runs):
  // initdb in WebAssembly is the slow part of a fresh PGlite.
  const copy = await copyOfInitdbDataDir()
  const db = await PGlite.create({ dataDir: copy.dataDir })
  const driver = {
    kind: 'pglite',
    query: async <Row>(text: string, params?: readonly unknown[]) =>
      (await db.query<Row>(text, params as unknown[])).rows,
    exec: async (text: string) => {
      await db.exec(text)
    },
    transaction: <T>(fn: (tx: never) => Promise<T>) =>
      db.transaction((tx) =>
        fn({
          query: async (text: string, params?: readonly unknown[]) => (await tx.query(text, params as unknown[])).rows,
          exec: async (text: string) => {
            await tx.exec(text)
          },
        } as never),
      ),
    close: () => db.close(),
  }
  await migrate(driver)
  const dump = await db.dumpDataDir('gzip')
  await db.close()
  copy.remove()
  const file = path.resolve('.tmp/pglite-template.tgz')
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  project.provide('databaseUrl', databaseUrl)
}
