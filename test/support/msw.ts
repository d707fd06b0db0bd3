import { WebhookApiError } from 'integration-webhooks/core'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'

/** The endpoint every Node and jsdom test talks to. */
export const API = 'http://app.test/api/integration-webhooks'

/** One MSW server per test file, failing on any request it has no handler for. */
export function setupMswServer() {
  const server = setupServer()
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
