import type { Decorator } from '@storybook/react-vite'
import { type IntegrationWebhook, sortWebhooks, type WebhookSortRule } from 'integration-webhooks/core'
import { createWebhookMockStore, mockWebhooks, type WebhookMockOptions } from 'integration-webhooks/mocks'
import { expect, within } from 'storybook/test'
import './story.css'

/** The endpoint every story talks to: MSW's worker answers it in the browser. */
export const API = '/api/integration-webhooks'

/** How long a play waits for something the mocked network brings (retries included). */
export const NETWORK_TIMEOUT = 8000

/** A fresh SWR cache per mounted story, so no story sees another's rows. */
export const freshCache = () => ({ provider: () => new Map() })

/**
 * A stateful mocked endpoint for one story: its MSW handlers, and a `beforeEach` that
 * brings back the initial data, so a replayed story (or a rerun test) starts clean after
 * a play disabled a webhook or sent a test event.
 */
export function mockEndpoint(options: Omit<WebhookMockOptions, 'apiUrl'> = {}) {
  const store = createWebhookMockStore({ apiUrl: API, ...options })
  return { store, handlers: store.handlers, beforeEach: () => store.reset() }
}

/** The 30 rows of the `default` scenario, as the mocked endpoint serves them first. */
export const defaultWebhooks: readonly IntegrationWebhook[] = mockWebhooks('default')

/** One webhook of the `default` scenario, by id. */
export function defaultWebhook(id: string): IntegrationWebhook {
  const webhook = defaultWebhooks.find((candidate) => candidate.id === id)
  if (!webhook) throw new Error(`No webhook "${id}" in the default scenario`)
  return webhook
}

/** Integration names in the order `sortWebhooks` (core) puts them, for comparing with the table. */
export const sortedNames = (rules: WebhookSortRule[], rows: readonly IntegrationWebhook[] = defaultWebhooks) =>
  sortWebhooks(rows, rules, 'en-US').map((row) => row.external_config.integration_name)

/** The integration names of the table's rows, top to bottom. */
export const rowNames = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('[data-slot="row"] [data-slot="integration-name"]')).map(
    (element) => element.textContent ?? '',
  )

/**
 * How long a play waits for the first rows of the `large` scenario's 5,000 webhooks. Measured in
 * Chromium at load average 12-15: the mocked endpoint copies and serialises them all (0.3 s and
 * 0.35 s), then the client parses and checks every row and the manager renders its first window
 * of them (1.5 s from the answer to the first row); from the play's start to the first row 1.7-4.4 s
 * at load average 6-8, where the 30 rows of the other stories take a few hundred milliseconds. With
 * two suites side by side on 2 cores that passed NETWORK_TIMEOUT (8 s): the wait for these rows
 * has a limit of its own, well inside the storybook project's 45 s per story.
 */
export const LARGE_DATA_TIMEOUT = 30_000

/** Waits until the manager (or a table) shows rows: for `timeout` ms, the network's by default. */
export async function findRows(canvasElement: HTMLElement, timeout = NETWORK_TIMEOUT) {
  const canvas = within(canvasElement)
  const button = await canvas.findAllByRole('button', { name: /^Details for / }, { timeout })
  await expect(button.length).toBeGreaterThan(0)
  return canvas
}

/** Standalone parts sit on a page background that follows the theme (the manager brings its own). */
export const onPage: Decorator = (Story) => (
  <div className="story-page" data-padded="">
    <Story />
  </div>
)

/** The manager fills the page; in dark mode the area below it stays dark too. */
export const fullPage: Decorator = (Story) => (
  <div className="story-page">
    <Story />
  </div>
)
