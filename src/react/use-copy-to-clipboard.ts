import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

/** Options of {@link useCopyToClipboard}. */
export interface UseCopyToClipboardOptions {
  /**
   * How long `copied` stays `true`, in milliseconds.
   * @defaultValue 2000
   */
  resetAfterMs?: number
}

/** What {@link useCopyToClipboard} returns. */
export interface CopyToClipboardState {
  /** Copies `text`; resolves `true` on success, `false` (with `error` set) when no way worked. */
  copy: (text: string) => Promise<boolean>
  /** `true` for `resetAfterMs` after a successful copy. */
  copied: boolean
  /** Why the last copy failed, cleared by the next attempt. */
  error: Error | undefined
  /**
   * The text of the last attempt: what `copied` and `error` are about. One hook can serve
   * a list (`copied && text === item.url`), and a button reused for another value shows
   * no state that belongs to the one before.
   */
  text: string | undefined
}

/** Copies through a hidden, selected textarea: the only way in insecure contexts (plain http). */
function copyWithSelection(text: string): boolean {
  if (typeof document === 'undefined' || !document.body) return false
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  // Off-screen through an attribute-free class would need CSS; a fixed, transparent textarea works under strict CSP too.
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  const previousFocus = document.activeElement as HTMLElement | null
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
    previousFocus?.focus?.()
  }
}

/**
 * Copies text with the Clipboard API, falling back to a selection copy where the API
 * is missing or refused (insecure contexts, some embedded browsers). Safe during
 * server rendering; its timer is cleared on unmount.
 *
 * @example
 * ```tsx
 * const { copy, copied, error } = useCopyToClipboard()
 * <button onClick={() => copy(webhook.webhook_url)}>{copied ? 'Copied' : 'Copy URL'}</button>
 * {error && <span role="alert">{error.message}</span>}
 * ```
 */
export function useCopyToClipboard(options: UseCopyToClipboardOptions = {}): CopyToClipboardState {
  const { resetAfterMs = 2000 } = options
  const [copied, setCopied] = useState(false)
  const [error, setError] = useState<Error | undefined>(undefined)
  const [lastText, setLastText] = useState<string | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = useCallback(
    async (text: string) => {
      clearTimeout(timer.current)
      // A new attempt starts from nothing: no "copied" from the last one while this one runs.
      setCopied(false)
      setError(undefined)
      setLastText(text)
      let ok = false
      let reason: unknown
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
      if (clipboard?.writeText) {
        try {
          await clipboard.writeText(text)
          ok = true
        } catch (caught) {
          reason = caught
        }
      }
      if (!ok) ok = copyWithSelection(text)
      if (!ok) {
        const detail = reason instanceof Error ? ` (${reason.message})` : ''
        setError(new Error(`Could not copy to the clipboard: this browser allowed neither way${detail}`))
        setCopied(false)
        return false
      }
      setCopied(true)
      timer.current = setTimeout(() => setCopied(false), resetAfterMs)
      return true
    },
    [resetAfterMs],
  )

  // The same object while nothing changes, so it can go into a memoised context or props.
  return useMemo(() => ({ copy, copied, error, text: lastText }), [copy, copied, error, lastText])
}
