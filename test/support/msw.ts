import { WebhookApiError } from 'integration-webhooks/core'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'

/** The endpoint every Node and jsdom test talks to. */
export const API = 'http://app.test/api/integration-webhooks'

/**
 * One MSW server per test file, failing on any request it has no handler for. The live stream
 * and the statistics are the exceptions: an endpoint without them (404 for the stream, so a live
 * UI polls; 405 for statistics, so the dialog shows no chart) unless a test serves them, since
 * the manager and its dialog ask for them on every render.
 */
export function setupMswServer() {
  const noStats = () => HttpResponse.json({ error: 'Method not allowed', code: 'method_not_allowed' }, { status: 405 })
  const server = setupServer(
    http.get(`${API}/stream`, () => HttpResponse.json({ error: 'Not found', code: 'not_found' }, { status: 404 })),
    http.get(`${API}/stats`, noStats),
    http.get(`${API}/:id/stats`, noStats),
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
