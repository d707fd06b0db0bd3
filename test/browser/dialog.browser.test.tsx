import { describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { renderMockedManager } from './render'
import '../../src/components/styles.css'

// The details dialog with the keyboard, in real Chromium: where the focus is after each action.
// The mocked endpoint answers through msw's handlers (no service worker), a little slowly, so
// every action goes through its pending state.

const renderManager = () => renderMockedManager({}, { latencyMs: 120 })

const dialog = () => page.getByRole('dialog', { name: 'GitHub' })
const active = () => document.activeElement

async function openGitHub() {
  await userEvent.click(page.getByRole('button', { name: 'Details for GitHub', exact: true }))
  await expect.element(dialog()).toBeVisible()
  await expect.poll(() => document.querySelectorAll('[data-slot="execution-row"]').length).toBe(20)
}

/** Presses a key on the focused control; resolves once it has been busy and is not any more. */
async function pressAndSettle(element: Element, key: string) {
  let wasBusy = false
  const observer = new MutationObserver(() => {
    if (element.getAttribute('aria-busy') === 'true') wasBusy = true
  })
  observer.observe(element, { attributes: true, attributeFilter: ['aria-busy'] })
  await userEvent.keyboard(key)
  await expect.poll(() => wasBusy && element.getAttribute('aria-busy') === null).toBe(true)
  observer.disconnect()
}

describe('The details dialog in real Chromium', () => {
  it('keeps the focus on the switch, "Send test event" and "Retry" while and after they work', async () => {
    renderManager()
    await openGitHub()
    const toggle = dialog().getByRole('switch').element()
    ;(toggle as HTMLElement).focus()
    await pressAndSettle(toggle, ' ')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(active()).toBe(toggle)

    await userEvent.keyboard('{Tab}')
    const sendTest = dialog().getByRole('button', { name: 'Send test event' }).element()
    expect(active()).toBe(sendTest)
    await pressAndSettle(sendTest, '{Enter}')
    await expect.element(dialog().getByText('Test event sent.')).toBeInTheDocument()
    expect(active()).toBe(sendTest)

    const retry = dialog()
      .getByRole('button', { name: /^Retry/ })
      .first()
      .element() as HTMLElement
    retry.focus()
    await pressAndSettle(retry, '{Enter}')
    expect(active()).toBe(retry)
  })

  it('moves the focus to the first new execution after "Load more"', async () => {
    const store = renderManager()
    await openGitHub()
    const more = dialog().getByRole('button', { name: 'Load more' }).element() as HTMLElement
    more.focus()
    await userEvent.keyboard('{Enter}')
    const total = store.getExecutions('github-webhook').length
    await expect.poll(() => document.querySelectorAll('[data-slot="execution-row"]').length).toBe(total)
    const twentyFirst = document.querySelectorAll('[data-slot="execution-row"]')[20]
    await expect.poll(active).toBe(twentyFirst?.querySelector('[data-slot="expand-button"]'))
  })
})

describe('The details dialog in a right-to-left page, in real Chromium', () => {
  it('keeps a JSON payload left to right: its order and punctuation as written', async () => {
    renderMockedManager({ locale: 'ar-EG' }, { dir: 'rtl', lang: 'ar' })
    await openGitHub()
    await userEvent.click(
      dialog()
        .getByRole('button', { name: /^Show details/ })
        .first(),
    )
    const payload = dialog().getByRole('region', { name: 'Payload' }).element() as HTMLElement
    expect(getComputedStyle(payload).direction).toBe('ltr')
    // The opening brace starts the first line at the left edge, and "}" ends the last at the left too.
    const range = document.createRange()
    const text = payload.firstChild as Text
    range.setStart(text, 0)
    range.setEnd(text, 1)
    expect(range.toString()).toBe('{')
    const box = payload.getBoundingClientRect()
    expect(range.getBoundingClientRect().left - box.left).toBeLessThan(20)
    // A trigger type in the history is a left-to-right island too.
    const trigger = dialog()
      .element()
      .querySelector('[data-slot="execution-row"] [data-slot="trigger-type"]') as HTMLElement
    expect(getComputedStyle(trigger).direction).toBe('ltr')
  })

  it('points each closed execution’s chevron to the line’s start (left), an open one’s down, and an on switch to the start', async () => {
    renderMockedManager({ locale: 'ar-EG' }, { dir: 'rtl', lang: 'ar' })
    await openGitHub()
    const button = dialog()
      .getByRole('button', { name: /^Show details/ })
      .first()
    const chevron = button.element().querySelector('[data-slot="chevron"]') as Element
    // Where the icon's tip (drawn pointing right, along +x) points once its CSS transform applies.
    const tip = () => {
      const { a, b } = new DOMMatrix(
        getComputedStyle(chevron).transform === 'none' ? undefined : getComputedStyle(chevron).transform,
      )
      return a < -0.9 ? 'left' : a > 0.9 ? 'right' : b > 0.9 ? 'down' : b < -0.9 ? 'up' : `between (${a}, ${b})`
    }
    await expect.poll(tip).toBe('left')
    await userEvent.click(button)
    await expect.poll(tip).toBe('down')
    // An active webhook's switch is on: right to left, its thumb at the start (left) of its track.
    const toggle = dialog().getByRole('switch').element()
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    const thumb = toggle.querySelector('[data-slot="switch-thumb"]') as Element
    const middle = (box: DOMRect) => box.left + box.width / 2
    await expect.poll(() => middle(thumb.getBoundingClientRect()) < middle(toggle.getBoundingClientRect())).toBe(true)
  })
})

describe('The details dialog in a right-to-left page, the provider’s own words', () => {
  it('keeps English setup steps and trigger labels left to right, the step numbers at the right', async () => {
    renderMockedManager({ locale: 'ar-EG' }, { dir: 'rtl', lang: 'ar' })
    await openGitHub()
    // Each step is an isolate of its own direction: GitHub's third step ends "(Reveal, then Copy)",
    // whose final ")" took the page's direction and was drawn mirrored at the line's left end.
    const steps = [...dialog().element().querySelectorAll<HTMLElement>('[data-slot="setup-steps"] > li')]
    expect(steps.map((step) => step.textContent)).toContain(
      'In Secret, paste the signing secret shown under Signing secret here (Reveal, then Copy)',
    )
    for (const step of steps) {
      const isolate = step.querySelector('bdi') as HTMLElement
      expect(isolate?.textContent, 'the step’s words in an isolate').toBe(step.textContent)
      expect(getComputedStyle(isolate).direction).toBe('ltr')
      // Its number at the line's start, the right in this page: the room for it on that side.
      const style = getComputedStyle(step)
      expect(Number.parseFloat(style.paddingRight)).toBeGreaterThan(Number.parseFloat(style.paddingLeft))
    }
    // Trigger labels from the catalog are isolated the same way.
    const labels = [...dialog().element().querySelectorAll('[data-slot="trigger-label"]')]
    expect(labels.length).toBeGreaterThan(0)
    expect(labels.map((label) => getComputedStyle(label).direction)).toEqual(labels.map(() => 'ltr'))
  })
})

describe('The execution history in real Chromium', () => {
  it('names each expand button by its trigger, exact time and status, and shows the exact time', async () => {
    renderManager()
    await openGitHub()
    const rows = [...dialog().element().querySelectorAll('[data-slot="execution-row"]')]
    const names = rows.map((row) => row.querySelector('[data-slot="expand-button"]')?.getAttribute('aria-label'))
    expect(new Set(names).size).toBe(rows.length)
    expect(names[0]).toMatch(/^Show details: github_trigger_\w+, .*\d{4}.*, (Success|Failed|Pending)$/)
    expect(rows[0]?.querySelector('[data-slot="absolute-time"]')?.textContent).toMatch(/\d{4}/)
  })
})
