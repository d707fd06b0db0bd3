import { render } from '@testing-library/react'
import axe from 'axe-core'
import { expect } from 'vitest'
import { IntegrationWebhookManager, type IntegrationWebhookManagerProps } from '../../src/components'
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
export async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  })
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(violations).toEqual([])
}

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
