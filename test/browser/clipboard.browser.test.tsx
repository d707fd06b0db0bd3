import { useCopyToClipboard } from 'integration-webhooks/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { render } from './render'

// Real Chromium (see vitest.config.ts) with the clipboard-read and clipboard-write
// permissions granted: the Clipboard API that jsdom lacks, driven by real clicks.
// No act(): the clicks are real browser events and `expect.element` retries until
// React has rendered.

afterEach(() => vi.restoreAllMocks())

function CopyButton({ text, label = 'Copy webhook URL' }: { text: string; label?: string }) {
  const { copy, copied, error } = useCopyToClipboard({ resetAfterMs: 60_000 })
  return (
    <div>
      <button type="button" onClick={() => copy(text)}>
        {label}
      </button>
      <p>{copied ? `${label}: copied` : `${label}: not copied`}</p>
      {error && <p role="alert">{error.message}</p>}
    </div>
  )
}

describe('useCopyToClipboard in Chromium', () => {
  it('runs in a secure context that has the Clipboard API', () => {
    expect(window.isSecureContext).toBe(true)
    expect(typeof navigator.clipboard?.writeText).toBe('function')
  })

  it('writes through navigator.clipboard.writeText on a real click, and the text reads back', async () => {
    const writeText = vi.spyOn(Clipboard.prototype, 'writeText')
    const url = `https://app.example.com/api/integration-webhooks/stripe?run=${crypto.randomUUID()}`
    render(<CopyButton text={url} />)

    await userEvent.click(page.getByRole('button', { name: 'Copy webhook URL', exact: true }))

    await expect.element(page.getByText('Copy webhook URL: copied', { exact: true })).toBeInTheDocument()
    expect(page.getByRole('alert').query()).toBeNull()
    // The Clipboard API itself succeeded (not the selection fallback)…
    expect(writeText).toHaveBeenCalledWith(url)
    await expect.poll(() => writeText.mock.settledResults[0]?.type).toBe('fulfilled')
    // …and the system clipboard holds the text.
    expect(await navigator.clipboard.readText()).toBe(url)
  })

  it('keeps the newest text when copying twice', async () => {
    render(
      <>
        <CopyButton text="https://app.example.com/first" label="Copy first" />
        <CopyButton text="https://app.example.com/second" label="Copy second" />
      </>,
    )
    await userEvent.click(page.getByRole('button', { name: 'Copy first', exact: true }))
    await expect.element(page.getByText('Copy first: copied', { exact: true })).toBeInTheDocument()
    await userEvent.click(page.getByRole('button', { name: 'Copy second', exact: true }))
    await expect.element(page.getByText('Copy second: copied', { exact: true })).toBeInTheDocument()
    expect(await navigator.clipboard.readText()).toBe('https://app.example.com/second')
  })
})
