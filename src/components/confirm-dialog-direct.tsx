import ConfirmDialogContent from './confirm-dialog-content'
import { ConfirmDialogFrame, type ConfirmDialogPart, type ConfirmDialogProps } from './confirm-dialog-frame'

const here: ConfirmDialogPart = {
  current: ConfirmDialogContent,
  load: () => Promise.resolve(ConfirmDialogContent),
  preload: () => undefined,
}

/**
 * `ConfirmDialog` with its modal part (Radix) imported directly, for code that is itself loaded
 * on demand with Radix (the details dialog): opening it never waits for a download.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return <ConfirmDialogFrame {...props} part={here} />
}
