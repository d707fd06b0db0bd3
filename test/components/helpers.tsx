import { render } from '@testing-library/react'
import axe from 'axe-core'
import { expect } from 'vitest'
import { IntegrationWebhookManager, type IntegrationWebhookManagerProps } from '../../src/components'
import { createCatalog, defaultCatalog } from '../../src/core'
import { API } from '../react/utils'

// The details dialog's code loads on demand, the first time a dialog opens: transforming it
// (Radix and all) took seconds on a loaded machine, inside whichever test opened a dialog first.
// Load it while the test file is collected instead.
await import('../../src/components/webhook-details-dialog-content')

/**
 * Runs axe on a container; colour contrast needs real layout, so the browser stories check it.
 * Check the part under test (the open dialog, say), not the whole page: in jsdom a run over the
 * manager's page (about 1,000 elements, every rule reading computed styles) took 4–10 s at load
 * average 25 on 2 cores, several per test. The page behind a dialog is checked by the tests
 * about it, and every story again in Chromium.
 */
export async function expectNoAxeViolations(container: Element | readonly Element[]) {
  // Several parts in one run (axe's context takes a list of elements): one setup, not one each.
  const context = 'length' in container ? { include: [...container] } : container
  const results = await axe.run(context, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  })
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(violations).toEqual([])
}

/**
 * Four of the built-in integrations, unchanged: the suggestions a test about one of them needs.
 * With the whole catalog an empty list renders 30 suggested rows, and re-renders them on every
 * change: at load average 10-15 that took 3-4 s of a Set up test before its first click.
 */
export const fewSuggestions = createCatalog(
  defaultCatalog.integrations.filter((i) => ['github', 'slack', 'stripe', 'gmail'].includes(i.id)),
  { base: null },
)

/** The manager against the test endpoint, with a fresh SWR cache and no retries. */
export function renderManager(props: Partial<IntegrationWebhookManagerProps> = {}) {
  return render(
    <IntegrationWebhookManager
      apiUrl={API}
      retry={false}
      fallback={{ userId: 'user_1', origin: 'https://app.test' }}
      swr={{ provider: () => new Map() }}
      {...props}
    />,
  )
}

/** jsdom has no clipboard: a recording one. */
export function installClipboard() {
  const written: string[] = []
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: async (text: string) => void written.push(text) },
    configurable: true,
  })
  return written
}

/** A promise the test settles when it has seen what happens meanwhile (no timers). */
export function deferred() {
  let resolve = () => {}
  const promise = new Promise<void>((yes) => {
    resolve = yes
  })
  return { promise, resolve }
}
