import { defaultLabels, germanLabels, type WebhookManagerLabels } from 'integration-webhooks'
import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { renderMockedManager } from './render'
import '../../src/components/styles.css'

// The signing secret's Reveal/Hide button in real Chromium: jsdom has no layout to measure.
// Review of session 21, item 14: it went from 862 to 842 px wide (Reveal → Hide), shifting the row.

const renderManager = (labels: WebhookManagerLabels, locale: string) => renderMockedManager({ labels, locale })

describe('Reveal / Hide signing secret in real Chromium', () => {
  for (const [labels, locale] of [
    [defaultLabels, 'en-US'],
    [germanLabels, 'de-DE'],
  ] as const) {
    it(`keeps its width when it toggles (${locale}): "${labels.revealSecret}" / "${labels.hideSecret}"`, async () => {
      renderManager(labels, locale)
      await userEvent.click(page.getByRole('button', { name: labels.openDetails('GitHub'), exact: true }))
      const dialog = page.getByRole('dialog', { name: 'GitHub' })
      const reveal = dialog.getByRole('button', { name: labels.revealSecret, exact: true })
      await expect.element(reveal).toBeVisible()
      const button = reveal.element() as HTMLElement
      const before = button.getBoundingClientRect()
      await userEvent.click(button)
      await expect
        .element(dialog.getByRole('button', { name: labels.hideSecret, exact: true }))
        .toHaveAttribute('aria-pressed', 'true')
      const after = button.getBoundingClientRect()
      expect(after.width).toBe(before.width)
      // The text read is the one shown: the other label only holds the width.
      const [shown, held] = Array.from(button.querySelectorAll<HTMLElement>('[data-slot="button-label"]'))
      expect(shown?.textContent).toBe(labels.hideSecret)
      expect(getComputedStyle(shown as HTMLElement).visibility).toBe('visible')
      expect(getComputedStyle(held as HTMLElement).visibility).toBe('hidden')
    })
  }
})
