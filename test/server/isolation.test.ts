import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, countRows, insertExecutions, type OpenStore, openStore, storeKinds, testServer } from './support'

// Every route, with another user's ids: 404 exactly like a missing id, and nothing changed.
describe.each(storeKinds)('user isolation on %s', (kind) => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  let theirs: { id: string; user_id: string; provider_id: string }
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store)
    theirs = (await call(server, 'POST', '', { user: 'owner', body: { provider_id: 'github' } })).json.webhook
    await insertExecutions(open.store, theirs, 25)
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })

  const routes: [string, string, unknown?][] = [
    ['GET', '/{id}'],
    ['PATCH', '/{id}', { status: 'inactive' }],
    ['DELETE', '/{id}'],
    ['GET', '/executions/{id}'],
    ['GET', '/executions/{id}?limit=5'],
    ['GET', '/{id}/stats'],
    ['GET', '/{id}/stats?window=30d'],
  ]

  it.each(routes)('%s %s answers 404 for another user, as for a missing id', async (method, path, body) => {
    const before = await countRows(open.store)
    const snapshot = (await call(server, 'GET', `/${theirs.id}`, { user: 'owner' })).json.webhook
    const foreign = await call(server, method, path.replace('{id}', theirs.id), { user: 'intruder', body })
    const missing = await call(server, method, path.replace('{id}', 'no-such-webhook'), { user: 'intruder', body })
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect(await countRows(open.store)).toEqual(before)
    expect((await call(server, 'GET', `/${theirs.id}`, { user: 'owner' })).json.webhook).toEqual(snapshot)
  })

  it("a cursor from another user's page is refused", async () => {
    const page = await call(server, 'GET', `/executions/${theirs.id}?limit=5`, { user: 'owner' })
    expect(page.json.next_cursor).toEqual(expect.any(String))
    const foreign = await call(server, 'GET', `/executions/${theirs.id}?cursor=${page.json.next_cursor}`, {
      user: 'intruder',
    })
    expect(foreign.status).toBe(404)
  })

  it("another user's list never holds the owner's rows", async () => {
    const list = await call(server, 'GET', '', { user: 'intruder' })
    expect(list.json.source).toBe('generated')
    expect(list.json.webhooks.some((row: { id: string }) => row.id === theirs.id)).toBe(false)
    expect(list.text).not.toContain(theirs.id)
  })
})
