import { useCopyToClipboard } from 'integration-webhooks/react'
import type { ComponentPropsWithoutRef, MouseEvent } from 'react'
import { CheckIcon, CopyIcon } from './icons'
import type { PartialLabels } from './labels'
import { cx, useUi } from './ui-context'

/** Props of {@link CopyButton}. */
export interface CopyButtonProps extends Omit<ComponentPropsWithoutRef<'button'>, 'value'> {
  /** The text to copy. */
  value: string
  /** The accessible name, e.g. "Copy webhook URL for Slack". @defaultValue labels.copy */
  label?: string
  /** Called after a successful copy. */
  onCopied?: (value: string) => void
  /** How long the button shows "copied". @defaultValue 2000 */
  resetAfterMs?: number
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
}

/**
 * An icon button that copies a value, with an accessible name, and says "Copied" through
 * a polite live region (so screen-reader users hear it), not only with a check mark.
 * A host's `onClick` runs first and can `preventDefault()` the copy.
 *
 * Styling API: `data-slot="copy-button"`, `data-copied` while copied, `data-failed` after a failure.
 *
 * @example
 * ```tsx
 * <CopyButton value={webhook.webhook_url} label={`Copy webhook URL for ${name}`} />
 * ```
 */
export function CopyButton({
  value,
  label,
  onCopied,
  resetAfterMs,
  labels,
  className,
  onClick,
  children,
  ...rest
}: CopyButtonProps) {
  const { labels: l } = useUi(labels)
  const state = useCopyToClipboard({ resetAfterMs })
  const { copy } = state
  // Only what happened to this value: a table row reused for another webhook shows a fresh button.
  const copied = state.copied && state.text === value
  const error = state.text === value ? state.error : undefined
  const handleClick = async (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event)
    if (event.defaultPrevented) return
    if (await copy(value)) onCopied?.(value)
  }
  return (
    <>
      <button
        type="button"
        data-iw=""
        data-slot="copy-button"
        data-copied={copied || undefined}
        data-failed={error ? true : undefined}
        aria-label={label ?? l.copy}
        className={cx(className)}
        onClick={handleClick}
        {...rest}
      >
        {copied ? <CheckIcon /> : <CopyIcon />}
        {children}
      </button>
      <span data-iw="" data-slot="copy-status" data-visually-hidden="" role="status">
        {copied ? l.copied : error ? l.copyFailed : ''}
      </span>
    </>
  )
}
