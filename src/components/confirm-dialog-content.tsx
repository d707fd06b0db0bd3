import * as Dialog from '@radix-ui/react-dialog'
import { useRef, useState } from 'react'
import type { ConfirmDialogContentProps } from './confirm-dialog-frame'

/**
 * The Radix part of `ConfirmDialog`: the modal confirmation itself, open or not as its frame
 * says. The public `ConfirmDialog` loads this file with `import()` when first opened (or
 * preloaded), so Radix stays out of a page's first load; the details dialog, which is itself
 * loaded on demand with Radix, renders it directly (confirm-dialog-direct.tsx). It imports
 * nothing of ours but types (its frame resolves labels and class names): the chunk an app's
 * bundler makes of it then imports only what it uses, by name.
 */
export default function ConfirmDialogContent(props: ConfirmDialogContentProps) {
  const [running, setRunning] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)
  const busy = running || props.pending === true
  const tone = props.tone ?? 'primary'
  const { onOpenChange } = props

  const confirm = async () => {
    if (busy) return
    const result = props.onConfirm()
    if (result instanceof Promise) {
      setRunning(true)
      try {
        await result
      } finally {
        setRunning(false)
        onOpenChange(false)
      }
    } else {
      onOpenChange(false)
    }
  }

  return (
    <Dialog.Root
      open={props.open}
      onOpenChange={(next) => {
        // Cancel, Escape and a click outside wait while the action runs.
        if (next || !busy) onOpenChange(next)
      }}
    >
      <Dialog.Portal container={props.container ?? undefined}>
        <Dialog.Overlay data-iw="" data-slot="dialog-overlay" data-nested="" />
        <Dialog.Content
          id={props.id}
          role="alertdialog"
          data-iw=""
          data-slot="confirm-dialog"
          data-tone={tone}
          data-busy={busy || undefined}
          aria-busy={busy || undefined}
          className={props.className}
          onOpenAutoFocus={(event) => {
            // The safe choice first: Enter right after opening cancels, it does not confirm.
            event.preventDefault()
            cancel.current?.focus()
          }}
          onCloseAutoFocus={(event) => {
            // Back to the trigger, which the frame renders (Radix's own Dialog.Trigger is not used).
            event.preventDefault()
            props.trigger.current?.focus()
          }}
        >
          <Dialog.Title data-slot="confirm-title">{props.title}</Dialog.Title>
          <Dialog.Description data-slot="confirm-description">{props.description}</Dialog.Description>
          {props.children}
          <div data-slot="confirm-actions">
            {/* aria-disabled, not disabled, while busy: a disabled button would drop the focus. */}
            <Dialog.Close asChild>
              <button ref={cancel} type="button" data-slot="button" aria-disabled={busy || undefined}>
                {props.cancelLabel}
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
