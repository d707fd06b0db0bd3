import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The installed PGlite's version (its package.json is not in its exports map: read as a file). */
const version = (
  JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string
  }
).version

/** Where the initialised data directory of this PGlite version is kept between runs. */
const cache = join(root, 'node_modules/.cache', `pglite-${version}-initdb`)

/**
 * A PGlite data directory just after initdb (no tables): made once per PGlite version and kept in
 * node_modules/.cache. initdb in WebAssembly is what makes a fresh PGlite slow: about 4 s of one
 * core each time, 10.5 s at load average 12 and over a minute with two suites side by side on
 * 2 cores, where opening a copy of its result takes 0.8 s. Made in a folder of its own and renamed
 * into place, so two runs at once never see half of one; the second's rename fails and it uses the
 * first's. Read only: open a {@link copyOfInitdbDataDir}.
 */
export async function initdbDataDir(): Promise<string> {
  if (existsSync(join(cache, 'PG_VERSION'))) return cache
  mkdirSync(join(cache, '..'), { recursive: true })
  const work = mkdtempSync(`${cache}.tmp-`)
  try {
    const db = await PGlite.create({ dataDir: work })
    await db.close()
    try {
      renameSync(work, cache)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return cache
}

/** A copy of {@link initdbDataDir} in a new temporary folder, to open and write; `remove` deletes it. */
export async function copyOfInitdbDataDir(): Promise<{ dataDir: string; remove(): void }> {
  const from = await initdbDataDir()
  const folder = mkdtempSync(join(tmpdir(), 'iw-pglite-'))
  const dataDir = join(folder, 'data')
  cpSync(from, dataDir, { recursive: true })
  return { dataDir, remove: () => rmSync(folder, { recursive: true, force: true }) }
}
