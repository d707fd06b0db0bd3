import { WebhookApiError } from 'integration-webhooks/core'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'

/** The endpoint every Node and jsdom test talks to. */
export const API = 'http://app.test/api/integration-webhooks'

/**
 * One MSW server per test file, failing on any request it has no handler for. The live stream
 * is the one exception: an endpoint without it (404, so a live UI polls) unless a test serves
 * one, since the manager asks for it on every render.
 */
export function setupMswServer() {
  const server = setupServer(
    http.get(`${API}/stream`, () => HttpResponse.json({ error: 'Not found', code: 'not_found' }, { status: 404 })),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** The error a call rejects with (fails the test if it resolves, or rejects with anything else). */
export async function failure(promise: Promise<unknown>): Promise<WebhookApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WebhookApiError)
  return error as WebhookApiError
}
