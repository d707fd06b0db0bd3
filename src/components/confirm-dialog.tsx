import type { ComponentType } from 'react'
import {
  type ConfirmDialogContentProps,
  ConfirmDialogFrame,
  type ConfirmDialogPart,
  type ConfirmDialogProps,
} from './confirm-dialog-frame'
import { onDemand } from './on-demand'

export type { ConfirmDialogProps } from './confirm-dialog-frame'

// The modal part (Radix Dialog, ≈ 14 kB gzip) is a chunk of its own: a page that shows the
// manager, which exports ConfirmDialog beside it, does not download it first.
const part: ConfirmDialogPart = onDemand<ComponentType<ConfirmDialogContentProps>>(() =>
  import('./confirm-dialog-content').then((module) => module.default),
)

/**
 * A confirmation before an action: a modal dialog of its own (`role="alertdialog"`), named by
 * its question and described by what confirming does, over whatever opened it. The focus goes
 * to Cancel, the safe choice; Cancel or Escape closes it and the focus returns to the trigger.
 * While the action runs it stays open and busy (`aria-busy`), and Cancel, Escape and a second
 * confirm wait for it. The details dialog asks with it before "Delete" and "Rotate secret".
 *
 * Its modal part (Radix Dialog) loads on demand: fetched when the page is idle or when the
 * pointer or the focus reaches the trigger, else on the first click, when the trigger is busy
 * (`aria-busy`, `data-loading`) until it arrives and opens. If that download fails, a message
 * (`labels.confirmUnavailable`, `role="alert"`) follows the trigger, and the next click tries again.
 *
 * Styling API: `data-slot="confirm-dialog"` with `data-busy` and `data-tone`, `confirm-title`,
 * `confirm-description`, `confirm-actions`; the confirm button has `data-variant` (the tone)
 * and `data-action` (`confirmAction`); its overlay is `data-slot="dialog-overlay"` with `data-nested`;
 * the trigger has `data-state="open | closed"` and `data-loading` while the modal part loads.
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
  return <ConfirmDialogFrame {...props} part={part} />
}
