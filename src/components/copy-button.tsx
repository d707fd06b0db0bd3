import { type CopyToClipboardState, useCopyToClipboard } from 'integration-webhooks/react'
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
export function CopyButton({ resetAfterMs, labels, ...props }: CopyButtonProps) {
  const { labels: l } = useUi(labels)
  const clipboard = useCopyToClipboard({ resetAfterMs })
  return (
    <>
      <CopyControl {...props} label={props.label ?? l.copy} clipboard={clipboard} />
      <CopyStatus clipboard={clipboard} copied={l.copied} failed={l.copyFailed} />
    </>
  )
}

/**
 * @internal The button of {@link CopyButton} alone, its state from a `useCopyToClipboard`
 * that may serve many buttons (a table's rows share one, and one live region): it shows
 * only what happened to its own value.
 */
export function CopyControl({
  value,
  label,
  clipboard,
  owner = true,
  onCopied,
  className,
  onClick,
  children,
  ...rest
}: Omit<CopyButtonProps, 'resetAfterMs' | 'labels' | 'label'> & {
  label: string
  clipboard: CopyToClipboardState
  /** Whether this button made the last attempt, where several may copy the same value (rows with one URL). */
  owner?: boolean
}) {
  const mine = owner && clipboard.text === value
  const copied = clipboard.copied && mine
  const handleClick = async (event: MouseEvent<HTMLButtonElement>) => {
    onClick?.(event)
    if (event.defaultPrevented) return
    if (await clipboard.copy(value)) onCopied?.(value)
  }
  return (
    <button
      type="button"
      data-iw=""
      data-slot="copy-button"
      data-copied={copied || undefined}
      data-failed={mine && clipboard.error ? true : undefined}
      aria-label={label}
      className={cx(className)}
      onClick={handleClick}
      {...rest}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      {children}
    </button>
  )
}

/** @internal The polite live region that says what the last copy did. */
export function CopyStatus({
  clipboard,
  copied,
  failed,
}: {
  clipboard: CopyToClipboardState
  copied: string
  failed: string
}) {
  return (
    <span data-iw="" data-slot="copy-status" data-visually-hidden="" role="status">
      {clipboard.copied ? copied : clipboard.error ? failed : ''}
    </span>
  )
}
