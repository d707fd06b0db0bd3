import { createWebhookClient, WebhookApiError, type WebhookClientOptions } from 'integration-webhooks/core'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'

export const API = 'http://app.test/api/integration-webhooks'

/** One MSW server per test file, failing on any request it has no handler for. */
export function setupMswServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** The real client against the mocked endpoint, without retries so every request shows. */
export const makeClient = (options: WebhookClientOptions = {}) =>
  createWebhookClient({ apiUrl: API, retry: false, ...options })

/** The error a call rejects with (fails the test if it resolves). */
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

/** A raw request to the mocked endpoint, for what the client refuses to send. */
export async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${API}${path}`, init)
  return { status: response.status, body: await response.json() }
}
