import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { createPgliteStore, DataDirLockedError } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChild } from './child'

// One process per data directory, a restart keeps every row, a killed process's lock does
// not block the next start, and nothing acknowledged is lost to SIGKILL.
describe('a PGlite data directory', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(process.cwd(), '.tmp', 'pglite-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(`${dir}.lock`, { force: true })
  })

  it('survives a restart with its rows, refuses a second process, and is freed when that process is killed', async () => {
    const dataDir = path.join(dir, 'restart')
    // A first process saves a webhook and closes.
    const writer = await startChild(
      `const store = await server.createPgliteStore({ dataDir: process.env.DIR })
       const created = await store.createWebhook({ id: 'wh_1', user_id: 'u', provider_id: 'github', name: 'GitHub',
         receive_token: 'tok_1', trigger_types: [], integration_config: {}, external_config: {}, status: 'active',
         setup_required: true }, { maxPerUser: 10 })
       console.log('saved ' + created.id)
       await store.close()`,
      { DIR: dataDir },
    )
    expect(await writer.exited).toBe(0)
    expect(writer.lines).toContain('saved wh_1')

    // A second process holds it open…
    const holder = await startChild(
      `const store = await server.createPgliteStore({ dataDir: process.env.DIR })
       console.log('open ' + process.pid)
       setInterval(() => {}, 1000)`,
      { DIR: dataDir },
    )
    await holder.waitFor((line) => line.startsWith('open '))
    // …so this one gets the clear error, naming the process.
    const refused = await createPgliteStore({ dataDir }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(DataDirLockedError)
    expect((refused as Error).message).toContain(`process ${holder.child.pid}`)
    expect((refused as Error).message).toContain('createPostgresStore')

    // Killed without close(): its lock is stale, the next start opens the directory with the row.
    holder.child.kill('SIGKILL')
    await holder.exited
    const store = await createPgliteStore({ dataDir })
    try {
      expect(await store.getWebhook('u', 'wh_1')).toMatchObject({ id: 'wh_1', provider_id: 'github' })
      // And within one process, a second store on the same directory is refused too.
      await expect(createPgliteStore({ dataDir })).rejects.toThrow(/this one/)
    } finally {
      await store.close()
    }
  })

  it('keeps every acknowledged write when the process is killed in the middle of writing', async () => {
    const dataDir = path.join(dir, 'killed')
    const writer = await startChild(
      `const store = await server.createPgliteStore({ dataDir: process.env.DIR })
       for (let i = 0; ; i++) {
         await store.createWebhook({ id: 'wh_' + i, user_id: 'u', provider_id: 'github', name: 'GitHub',
           receive_token: 'tok_' + i, trigger_types: [], integration_config: {}, external_config: {},
           status: 'active', setup_required: true }, { maxPerUser: 1e9 })
         console.log('ack ' + i)
       }`,
      { DIR: dataDir },
    )
    await writer.waitFor((line) => line === 'ack 150')
    writer.child.kill('SIGKILL')
    await writer.exited
    const acknowledged = writer.lines.filter((line) => line.startsWith('ack ')).map((line) => `wh_${line.slice(4)}`)
    expect(acknowledged.length).toBeGreaterThan(150)
    const store = await createPgliteStore({ dataDir })
    try {
      const ids = new Set((await store.listWebhooks('u')).map((row) => row.id))
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([])
    } finally {
      await store.close()
    }
  })
})
