import { IntegrationWebhookManager, type IntegrationWebhookManagerProps } from 'integration-webhooks'
import { createWebhookMockStore } from 'integration-webhooks/mocks'
import { getResponse } from 'msw'
import type { ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach } from 'vitest'

// Real Chromium: render into the page with react-dom directly. No act(): real browser
// events drive the tests, and `expect.element` / `expect.poll` retry until React has rendered.

let root: Root | undefined
let container: HTMLElement | undefined

/** Renders into a fresh container, unmounted after each test. */
export function render(element: ReactNode): HTMLElement {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  root.render(element)
  return container
}

/** Renders another element in place of the last one (its state kept where the tree matches). */
export function rerender(element: ReactNode): void {
  root?.render(element)
}

/** The endpoint the browser tests' manager talks to: the mocks' in-memory store answers it. */
export const API = 'https://app.test/api/integration-webhooks'

/**
 * The manager against the mocks' in-memory endpoint, answered through msw's handlers (no service
 * worker), with a fresh SWR cache, no retries and `en-US` unless `props` say otherwise; `dir`
 * wraps it in an element of that direction and language. Returns the store, to read or change
 * what the endpoint holds.
 */
export function renderMockedManager(
  props: Partial<IntegrationWebhookManagerProps> = {},
  options: { latencyMs?: number; dir?: 'ltr' | 'rtl'; lang?: string } = {},
) {
  const store = createWebhookMockStore({ apiUrl: API, latencyMs: options.latencyMs })
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
    (await getResponse(store.handlers, new Request(input, init))) ?? Response.error()
  const manager = (
    <IntegrationWebhookManager
      apiUrl={API}
      fetch={fetch}
      retry={false}
      locale="en-US"
      swr={{ provider: () => new Map() }}
      {...props}
    />
  )
  render(
    options.dir ? (
      <div dir={options.dir} lang={options.lang}>
        {manager}
      </div>
    ) : (
      manager
    ),
  )
  return store
}

afterEach(async ({ task }) => {
  // A failed test (a timeout) may still be running: let its retrying assertions run out on its
  // own DOM before it goes, so none of them acts on the next test's.
  if (task.result?.state === 'fail') await new Promise((resolve) => setTimeout(resolve, 1500))
  root?.unmount()
  container?.remove()
  root = undefined
  container = undefined
})
