import * as Dialog from '@radix-ui/react-dialog'
import { type ReactElement, type ReactNode, useRef, useState } from 'react'
import type { PartialLabels } from './labels'
import { cx, useUi } from './ui-context'

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The button that opens the confirmation; the focus returns to it when the confirmation closes. */
  trigger: ReactElement
  /** The question, e.g. "Delete the GitHub webhook?": the confirmation's accessible name. */
  title: ReactNode
  /** What confirming does (and whether it can be undone): the confirmation's accessible description. */
  description: ReactNode
  /** More to decide before confirming (e.g. a choice of grace periods), between the description and the buttons. */
  children?: ReactNode
  /** The confirm button's text, e.g. "Delete webhook". */
  confirmLabel: string
  /** The confirm button's text while `onConfirm` runs. @defaultValue confirmLabel */
  pendingLabel?: string
  /** The cancel button's text. @defaultValue labels.cancel */
  cancelLabel?: string
  /** `danger` for what cannot be undone (a delete), `primary` otherwise. @defaultValue 'primary' */
  tone?: 'primary' | 'danger'
  /**
   * Runs on confirm. While the promise it returns is pending (or while `pending` is true) the
   * confirmation stays open and busy; then it closes, whatever the outcome: show a failure beside
   * the trigger, where the focus returns (a rejection is not caught here).
   */
  onConfirm: () => unknown
  /** Busy from outside (e.g. the action's state in `useWebhookActions`): Cancel, Escape and confirm wait. */
  pending?: boolean
  /** Whether it is open (controlled); leave it out to let the trigger open it. */
  open?: boolean
  /** Open at first, when uncontrolled. @defaultValue false */
  defaultOpen?: boolean
  /** Called when it asks to open or close (the trigger, Cancel, Escape, after the confirmed action). */
  onOpenChange?: (open: boolean) => void
  /** Where to render it; pass the manager's root so its theme applies. @defaultValue document.body */
  container?: HTMLElement | null
  /** `data-action` of the confirm button (a styling and testing hook). */
  confirmAction?: string
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
  /** Class name of the confirmation's root element (merged last). */
  className?: string
}

/**
 * A confirmation before an action: a modal dialog of its own (`role="alertdialog"`), named by
 * its question and described by what confirming does, over whatever opened it. The focus goes
 * to Cancel, the safe choice; Cancel or Escape closes it and the focus returns to the trigger.
 * While the action runs it stays open and busy (`aria-busy`), and Cancel, Escape and a second
 * confirm wait for it. The details dialog asks with it before "Delete" and "Rotate secret".
 *
 * Styling API: `data-slot="confirm-dialog"` with `data-busy` and `data-tone`, `confirm-title`,
 * `confirm-description`, `confirm-actions`; the confirm button has `data-variant` (the tone)
 * and `data-action` (`confirmAction`); its overlay is `data-slot="dialog-overlay"` with `data-nested`.
 *
 * @example
 * ```tsx
 * <ConfirmDialog
 *   trigger={<button type="button">Delete</button>}
 *   title="Delete the GitHub webhook?"
 *   description="Its URL stops receiving events at once. This cannot be undone."
 *   confirmLabel="Delete webhook"
 *   pendingLabel="Deleting…"
 *   tone="danger"
 *   onConfirm={() => api.remove(id)}
 * />
 * ```
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { labels: l } = useUi(props.labels)
  const [openInside, setOpenInside] = useState(props.defaultOpen ?? false)
  const [running, setRunning] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)
  const open = props.open ?? openInside
  const busy = running || props.pending === true
  const tone = props.tone ?? 'primary'

  const change = (next: boolean) => {
    if (props.open === undefined) setOpenInside(next)
    props.onOpenChange?.(next)
  }

  const confirm = async () => {
    if (busy) return
    const result = props.onConfirm()
    if (result instanceof Promise) {
      setRunning(true)
      try {
        await result
      } finally {
        setRunning(false)
        change(false)
      }
    } else {
      change(false)
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        // Cancel, Escape and a click outside wait while the action runs.
        if (next || !busy) change(next)
      }}
    >
      <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger>
      <Dialog.Portal container={props.container ?? undefined}>
        <Dialog.Overlay data-iw="" data-slot="dialog-overlay" data-nested="" />
        <Dialog.Content
          role="alertdialog"
          data-iw=""
          data-slot="confirm-dialog"
          data-tone={tone}
          data-busy={busy || undefined}
          aria-busy={busy || undefined}
          className={cx(props.className)}
          onOpenAutoFocus={(event) => {
            // The safe choice first: Enter right after opening cancels, it does not confirm.
            event.preventDefault()
            cancel.current?.focus()
          }}
        >
          <Dialog.Title data-slot="confirm-title">{props.title}</Dialog.Title>
          <Dialog.Description data-slot="confirm-description">{props.description}</Dialog.Description>
          {props.children}
          <div data-slot="confirm-actions">
            {/* aria-disabled, not disabled, while busy: a disabled button would drop the focus. */}
            <Dialog.Close asChild>
              <button ref={cancel} type="button" data-slot="button" aria-disabled={busy || undefined}>
                {props.cancelLabel ?? l.cancel}
              </button>
            </Dialog.Close>
            <button
              type="button"
              data-slot="button"
              data-variant={tone}
              data-action={props.confirmAction}
              aria-disabled={busy || undefined}
              onClick={() => void confirm()}
            >
              {busy ? (props.pendingLabel ?? props.confirmLabel) : props.confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
