import type { IntegrationCatalog, IntegrationWebhook } from 'integration-webhooks/core'
import { type ComponentType, lazy, Suspense, useState } from 'react'
import type { PartialLabels } from './labels'
import { onDemand } from './on-demand'

type ContentModule = typeof import('./webhook-details-dialog-content')

// The dialog's code (Radix and the history) is a chunk of its own. Once it is here, the dialog
// renders it directly: a lazy() component would suspend on its first render even then, and
// React shows a suspended boundary's content no sooner than 300 ms after its fallback.
const content = onDemand<ContentModule>(() => import('./webhook-details-dialog-content'))
const LazyContent = lazy(content.load)

/**
 * Starts loading the dialog's code (Radix and the history) before it is needed, e.g. when
 * the pointer reaches a row, so that opening it does not wait for the network.
 */
export function preloadWebhookDetailsDialog(): void {
  content.preload()
}

/** Props of {@link WebhookDetailsDialog}. */
export interface WebhookDetailsDialogProps {
  /** The webhook to show; the dialog is closed while this is `null`. */
  webhook: IntegrationWebhook | null
  /** Called with `false` when the user closes the dialog (Escape, the close button, a click outside). */
  onOpenChange: (open: boolean) => void
  /** The rows are generated suggestions, not saved configuration. */
  generated?: boolean
  /** For docs links and trigger names. @defaultValue the built-in catalog */
  catalog?: IntegrationCatalog
  /** Executions per page. @defaultValue 20 */
  pageSize?: number
  /**
   * A CSP nonce for the one `<style>` the dialog's scroll lock injects (hosts with a
   * nonce-based Content-Security-Policy pass theirs).
   */
  nonce?: string
  /** Where to render the dialog; a manager passes its root so its theme applies. @defaultValue document.body */
  container?: HTMLElement | null
  /** After a status change the server accepted. */
  onStatusChange?: (webhook: IntegrationWebhook) => void
  /**
   * After "Set up" saved a suggested webhook (`generated`). Show the saved one, with its own
   * receiving URL, by passing it as `webhook` (the manager opens its id); without this callback
   * the dialog asks to close instead (`onOpenChange(false)`). Not called when the user closed the
   * dialog before the server answered (the saved row still joins the list).
   */
  onCreated?: (webhook: IntegrationWebhook) => void
  /** After a confirmed "Delete" deleted the webhook; the dialog then asks to close (`onOpenChange(false)`). */
  onDeleted?: (webhook: IntegrationWebhook) => void
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
  /** BCP 47 locale for dates and numbers. @defaultValue the manager's, else the browser's */
  locale?: string
  /** Class name of the root element (merged last, so it wins over the default theme). */
  className?: string
}

/**
 * One webhook in a modal dialog (Radix): its URL with copy, numbered setup steps with a
 * link to the provider's docs, trigger types, capabilities, configuration with secrets
 * masked, activity, an enable switch, "send test event", "Delete" behind a confirmation that
 * names it, and the execution history. A suggested (`generated`) webhook gets "Set up" instead,
 * which saves it. Focus moves into the dialog, Escape closes it, and focus returns to what opened it.
 *
 * Styling API: `data-slot="dialog-overlay | dialog | dialog-header | dialog-section | switch | …"`,
 * `data-state="open | closed"` (Radix), `data-status` on the dialog, `data-state="checked | unchecked"` on the switch,
 * `data-generated` and `data-busy` (set up or delete under way) on the dialog, `data-slot="confirm-dialog"` on the
 * delete confirmation, `data-action="set-up | delete | confirm-delete"` on their buttons.
 *
 * @example
 * ```tsx
 * <WebhookDetailsDialog webhook={open} onOpenChange={(isOpen) => !isOpen && setOpen(null)} />
 * ```
 */
export function WebhookDetailsDialog(props: WebhookDetailsDialogProps) {
  // Nothing is loaded until a webhook is first shown; after that the dialog stays mounted,
  // so it can close properly and hand focus back.
  const [wanted, setWanted] = useState(props.webhook !== null)
  if (props.webhook !== null && !wanted) setWanted(true)
  if (!wanted) return null
  return <DialogContent {...props} />
}

function DialogContent(props: WebhookDetailsDialogProps) {
  // Chosen once, when first shown: the loaded code if it is here (no suspending), else the
  // lazy wrapper. Switching later would remount the dialog and lose its state and focus.
  const [Content] = useState<ComponentType<WebhookDetailsDialogProps>>(() => content.current?.default ?? LazyContent)
  return (
    <Suspense fallback={null}>
      <Content {...props} />
    </Suspense>
  )
}
