import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createWebhookHandlers } from 'integration-webhooks/mocks'
import { describe, expect, it } from 'vitest'
import { defaultLabels, germanLabels, localizedGermanLabels, type WebhookManagerLabels } from '../../src/components'
import { API, setupMswServer } from '../react/utils'
import { renderManager } from './helpers'

const server = setupMswServer()

/**
 * What the English labels put on screen: each string, and each function's text around its
 * argument (`Updated ␟` gives "Updated"), the short ones and the ones German shares left out.
 */
function englishFragments(labels: WebhookManagerLabels = defaultLabels): string[] {
  const marker = '\u241F'
  const out = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value === 'string') for (const part of value.split(marker)) out.add(part.trim())
    else if (typeof value === 'function') add((value as (...args: unknown[]) => string)(marker, marker))
    else if (value && typeof value === 'object') for (const nested of Object.values(value)) add(nested)
  }
  add(labels)
  return [...out].filter((text) => text.length >= 4 && /[a-z]{3}/.test(text))
}

/** Every text on the page and in its accessible names, titles and placeholders, but the API's data. */
function visibleTexts(): string[] {
  const data =
    'pre, code, [data-slot="setup-steps"], [data-slot="tag"], [data-slot="trigger-label"], [data-slot="integration-name"], [data-slot="dialog-title"], [data-slot="config"]'
  const texts: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(data) && node.textContent?.trim()) texts.push(node.textContent.trim())
  }
  for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (element.closest(data)) continue
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(name)
      // A title that repeats the API's text (a cut name, a URL) is data too.
      if (value && !(name === 'title' && element.textContent?.includes(value))) texts.push(value)
    }
  }
  return texts
}

/** Each label's path with what it is: a string, a function of n arguments, or a group. */
function shape(labels: object, prefix = ''): string[] {
  return Object.entries(labels)
    .flatMap(([key, value]) => {
      const path = `${prefix}${key}`
      if (typeof value === 'function') return [`${path}: function of ${value.length}`]
      if (value && typeof value === 'object') return shape(value, `${path}.`)
      return [`${path}: ${typeof value}`]
    })
    .sort()
}

describe('The German labels (germanLabels, exported by the package)', () => {
  it('have every label of the English defaults, in every group (categories too), of the same kind', () => {
    expect(shape(germanLabels)).toEqual(shape(defaultLabels))
  })

  it('are German wherever they differ from English, and write numbers for de-DE', () => {
    const same = shape(defaultLabels)
      .map((entry) => entry.split(':')[0] as string)
      .filter((path) => {
        const read = (labels: object) => path.split('.').reduce<unknown>((at, key) => (at as never)[key], labels)
        const english = read(defaultLabels)
        const german = read(germanLabels)
        const text = (value: unknown) => (typeof value === 'function' ? value(7, 'x', 3, 1, 0) : value)
        return text(english) === text(german)
      })
    // Only the mark for a missing value ('—') is the same in both.
    expect(same).toEqual(['none'])
    expect(germanLabels.summary.total(1140)).toBe('1.140 Webhooks')
    expect(germanLabels.summary.total(1)).toBe('1 Webhook')
  })

  it('write a count in a sentence with the digits of another German locale when asked (de-CH)', () => {
    const swiss = localizedGermanLabels('de-CH')
    expect(swiss.summary.total(5000)).toBe(`${(5000).toLocaleString('de-CH')} Webhooks`)
    expect(swiss.summary.total(5000)).not.toBe(germanLabels.summary.total(5000))
    // One object per locale, so a host can pass it on every render.
    expect(localizedGermanLabels('de-CH')).toBe(swiss)
    expect(localizedGermanLabels('de-DE')).toBe(germanLabels)
  })
})

describe('The manager in German', () => {
  it('shows no English default anywhere, in the table or in the dialog', async () => {
    server.use(...createWebhookHandlers({ apiUrl: API }))
    const user = userEvent.setup()
    renderManager({ labels: germanLabels, locale: 'de-DE' })
    const open = await screen.findByRole('button', { name: 'Details zu GitHub' })
    // Numbers in German digits and separators, in the header as in the table.
    expect(screen.getByRole('list', { name: 'Integrations-Webhooks' })).toHaveTextContent(/\d+ aktiv/)
    await user.click(open)
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog.querySelector('[data-slot="execution-row"]')).not.toBeNull())

    const english = englishFragments()
    // Whole words: German shares some stems ("Integrations-Webhooks" holds "Integration").
    const patterns = english.map(
      (fragment) => new RegExp(`(?<![\\p{L}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'),
    )
    const left = visibleTexts().filter((text) => patterns.some((pattern) => pattern.test(text)))
    expect(left.join('\n')).toBe('')
  })

  it('writes the header counts with the locale’s digits, as the table does', async () => {
    server.use(...createWebhookHandlers({ apiUrl: API, scenario: 'large' }))
    renderManager({ locale: 'ar-EG' })
    const summary = await screen.findByRole('list', { name: defaultLabels.title }, { timeout: 5000 })
    // Arabic-Indic digits only: no Latin digit beside them.
    expect(summary.textContent).toMatch(/[\u0660-\u0669]/)
    expect(summary.textContent).not.toMatch(/[0-9]/)
  })
})
