// The heavy part of the details dialog (Radix Dialog, the history, the configuration view),
// in its own module so that bundlers put it in a chunk loaded the first time a dialog opens.
import * as Dialog from '@radix-ui/react-dialog'
import { setNonce } from 'get-nonce'
import {
  defaultCatalog,
  displayText,
  docsLinkFor,
  formatDateTime,
  formatNumber,
  type IntegrationWebhook,
  isWebhookApiError,
  parseInstructions,
  toDisplayText,
} from 'integration-webhooks/core'
import { useWebhookActions, type WebhookActionsState } from 'integration-webhooks/react'
import { type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react'
import { ConfigView } from './config-view'
import { ConfirmDialog } from './confirm-dialog-direct'
import { CopyButton } from './copy-button'
import { ExecutionHistory } from './execution-history'
import { BrandMark, CloseIcon, ExternalIcon, InfoIcon, initialOf } from './icons'
import { categoryLabel } from './labels'
import { LongList } from './long-list'
import { RelativeTime } from './relative-time'
import { SectionBoundary } from './section-boundary'
import { SigningSecretSection } from './signing-secret-section'
import { cx, UiContext, useNow, useUi } from './ui-context'
import { WebhookActivity } from './webhook-activity'
import type { WebhookDetailsDialogProps } from './webhook-details-dialog'
import { isSecretMissing, WebhookStatusBadge } from './webhook-status-badge'

// How many items of each list the dialog shows before "Show all (n)": a row with 100,000 setup
// lines or 10,000 trigger types must still open at once (BENCHMARKS.md, "Dialog with huge lists").
const SETUP_STEPS_SHOWN = 20
const TAGS_SHOWN = 30

/** A row the dialog keeps showing while the list no longer holds it (see `held` below). */
interface Held {
  webhook: IntegrationWebhook
  generated: boolean | undefined
}

/** What the body shares with the dialog around it for "Set up" and "Delete". */
interface BodyProps extends WebhookDetailsDialogProps {
  webhook: IntegrationWebhook
  actions: WebhookActionsState
  hold: (held: Held | null) => void
  /** Where the deleted webhook's row was among the rows' buttons, so the focus goes to the row in its place. */
  removedAt: RefObject<number | undefined>
  /** Set when "Set up" saved the webhook: the focus goes to its new URL's copy button. */
  focusUrl: RefObject<boolean>
  /** The last "Set up": which suggestion the saved webhook continues. */
  setUpFrom: RefObject<{ suggestion: string; saved: string } | undefined>
  /** Set when the user closed the dialog while it held a row. */
  dismissed: RefObject<boolean>
}

/** The message of a failed action: the server's own words when it sent some. */
const reasonOf = (error: Error) => (isWebhookApiError(error) && error.serverMessage) || error.message

/** The dialog itself, with Radix and the execution history: loaded on demand by {@link WebhookDetailsDialog}. */
export default function WebhookDetailsDialogContent(props: WebhookDetailsDialogProps) {
  const { webhook, onOpenChange, nonce } = props
  const ui = useUi(props.labels, props.locale)
  // react-remove-scroll reads the nonce through get-nonce when it injects its style.
  if (nonce) setNonce(nonce)
  const actions = useWebhookActions({ onStatusChange: props.onStatusChange })
  // While "Set up" or "Delete" waits for the server, the list may no longer hold the row on
  // screen (a saved row replaces the suggestions; a deleted row leaves at once): the dialog keeps
  // it until the answer, instead of closing and reopening under the user's eyes.
  const [held, setHeld] = useState<Held | null>(null)
  const shown = webhook ?? held?.webhook ?? null
  const generated = webhook ? props.generated : held?.generated
  const removedAt = useRef<number | undefined>(undefined)
  const focusUrl = useRef(false)
  const setUpFrom = useRef<{ suggestion: string; saved: string } | undefined>(undefined)
  // Closed by the user while "Set up" runs: the dialog goes at once, and does not come back with the answer.
  const dismissed = useRef(false)
  const changeOpen = (open: boolean) => {
    if (!open && held) {
      dismissed.current = true
      setHeld(null)
    }
    onOpenChange(open)
  }
  return (
    <UiContext.Provider value={ui}>
      <Dialog.Root open={shown !== null} onOpenChange={changeOpen}>
        <Dialog.Portal container={props.container ?? undefined}>
          <Dialog.Overlay data-iw="" data-slot="dialog-overlay" />
          {shown && (
            <GuardedDialogBody
              {...props}
              webhook={shown}
              generated={generated}
              actions={actions}
              hold={setHeld}
              removedAt={removedAt}
              focusUrl={focusUrl}
              setUpFrom={setUpFrom}
              dismissed={dismissed}
            />
          )}
        </Dialog.Portal>
      </Dialog.Root>
    </UiContext.Provider>
  )
}

/** A part of the dialog that shows a message in its place when its content fails to render. */
function Guarded({ children }: { children: ReactNode }) {
  const { labels: l } = useUi()
  return (
    <SectionBoundary
      fallback={
        <p data-slot="inline-error" role="alert">
          {l.sectionFailed}
        </p>
      }
    >
      {children}
    </SectionBoundary>
  )
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section data-slot="dialog-section" aria-labelledby={id}>
      <h3 id={id} data-slot="section-title">
        {title}
      </h3>
      <Guarded>{children}</Guarded>
    </section>
  )
}

/**
 * The dialog's body behind a boundary, so that even a failure outside every section leaves the
 * manager on screen. A function component: the portal hands its child a ref, which a class
 * component would take as its own.
 */
function GuardedDialogBody(props: BodyProps) {
  // "Set up" swaps a suggestion for the saved webhook: the same body goes on (its announcement
  // and focus), so the saved one keeps the suggestion's key.
  const { webhook, setUpFrom } = props
  const key = setUpFrom.current?.saved === webhook.id ? setUpFrom.current.suggestion : webhook.id
  return (
    // Keyed by webhook: what failed for one webhook is tried again for the next.
    <SectionBoundary key={key} fallback={<FailedDialogBody />}>
      <DialogBody {...props} />
    </SectionBoundary>
  )
}

/** What shows when even the dialog's frame failed to render: a message, and a way out. */
function FailedDialogBody() {
  const { labels: l } = useUi()
  return (
    <Dialog.Content data-iw="" data-slot="dialog" aria-describedby={undefined}>
      <Dialog.Title data-slot="dialog-title">{l.sectionFailed}</Dialog.Title>
      <Dialog.Close data-slot="dialog-close" aria-label={l.close}>
        <CloseIcon />
      </Dialog.Close>
    </Dialog.Content>
  )
}

function DialogBody(props: BodyProps) {
  const { webhook, generated, className, onOpenChange, hold, removedAt, focusUrl } = props
  const { labels: l, locale } = useUi()
  const now = useNow()
  const catalog = props.catalog ?? defaultCatalog
  const integration = catalog.resolve(webhook.provider_id)
  // A saved webhook's own name (given at creation), else its integration's.
  const name = toDisplayText(webhook.name ?? webhook.external_config.integration_name, integration.name)
  const { setStatus, sendTest, create, remove, isPending, errorFor } = props.actions
  const [testMessage, setTestMessage] = useState('')
  const contentRef = useRef<HTMLDivElement>(null)
  const docs = docsLinkFor((webhook.external_config as { docs_url?: unknown }).docs_url, integration.docsUrl)
  // Parsed once per text, not on every render: an API may send 100,000 lines (issue 17, item 9).
  const steps = useMemo(
    () => parseInstructions(webhook.external_config.instructions),
    [webhook.external_config.instructions],
  )
  const labelFor = new Map(integration.triggers.map((t) => [t.type, t.label]))
  const active = webhook.status === 'active'
  const switchLabel = active ? l.enabled : l.disabled
  const statusPending = isPending('setStatus', webhook.id)
  const statusError = errorFor('setStatus', webhook.id)
  const testPending = isPending('sendTest', webhook.id)
  const testError = errorFor('sendTest', webhook.id)
  const setUpPending = isPending('create', webhook.provider_id)
  const setUpError = generated ? errorFor('create', webhook.provider_id) : undefined
  const removePending = isPending('remove', webhook.id)
  const removeError = errorFor('remove', webhook.id)
  const id = (part: string) => `iw-${webhook.id}-${part}`.replace(/[^A-Za-z0-9_-]/g, '_')

  // Once "Set up" has swapped the suggestion for the saved webhook, the focus goes to the copy
  // button of its new URL: copying it is the next step (the "Set up" button is gone).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the webhook shown changes
  useEffect(() => {
    if (!focusUrl.current || generated) return
    focusUrl.current = false
    contentRef.current?.querySelector<HTMLElement>('[data-slot="url-field"] button')?.focus()
  }, [webhook.id, generated])

  const setUp = async () => {
    if (setUpPending) return
    setTestMessage('')
    props.dismissed.current = false
    hold({ webhook, generated })
    const result = await create(webhook.provider_id)
    if (result.ok && !props.dismissed.current) {
      const saved = result.data
      // The host shows the saved webhook (the manager opens its id); without a host to do so, the dialog closes.
      if (props.onCreated) {
        focusUrl.current = true
        props.setUpFrom.current = { suggestion: webhook.id, saved: saved.id }
        setTestMessage(l.setUpDone(toDisplayText(saved.name ?? saved.external_config.integration_name, name)))
        props.onCreated(saved)
      } else {
        onOpenChange(false)
      }
    }
    hold(null)
  }

  const confirmDelete = async () => {
    const triggers = Array.from(document.querySelectorAll<HTMLElement>('[data-webhook-trigger]'))
    removedAt.current = triggers.findIndex((element) => element.dataset.webhookTrigger === webhook.id)
    hold({ webhook, generated })
    const result = await remove(webhook.id)
    hold(null)
    if (result.ok) {
      props.onDeleted?.(webhook)
      onOpenChange(false)
    } else {
      // The row is back (rolled back) and the dialog with it; the focus returns to "Delete".
      removedAt.current = undefined
    }
  }

  return (
    <Dialog.Content
      ref={contentRef}
      data-iw=""
      data-slot="dialog"
      data-status={webhook.status}
      data-generated={generated || undefined}
      data-busy={setUpPending || removePending || undefined}
      className={cx(className)}
      aria-describedby={id('description')}
      onCloseAutoFocus={(event) => {
        // Return focus to the row of this webhook, found by id: the table may have re-rendered
        // it, or refilled the opener's row with another webhook (rows are keyed by place).
        // A deleted webhook's row is gone: the row now in its place (or the last one) takes the focus.
        // Without the row (scrolled out of its window, filtered out), the focus stays with the page.
        event.preventDefault()
        const triggers = Array.from(document.querySelectorAll<HTMLElement>('[data-webhook-trigger]'))
        const at = removedAt.current
        removedAt.current = undefined
        const trigger =
          triggers.find((element) => element.dataset.webhookTrigger === webhook.id) ??
          (at !== undefined && at >= 0 ? triggers[Math.min(at, triggers.length - 1)] : undefined)
        trigger?.focus()
      }}
    >
      <header data-slot="dialog-header">
        <BrandMark color={integration.color} initial={initialOf(name)} />
        <div data-slot="dialog-heading">
          <Dialog.Title data-slot="dialog-title">{name}</Dialog.Title>
          <Dialog.Description id={id('description')} data-slot="dialog-description">
            {displayText(categoryLabel(l, webhook.external_config.category))}
            {' · '}
            <code>{displayText(webhook.provider_id)}</code>
          </Dialog.Description>
        </div>
        <WebhookStatusBadge
          status={webhook.status}
          setupRequired={webhook.external_config.setup_required}
          secretMissing={isSecretMissing(webhook)}
        />
        <Dialog.Close data-slot="dialog-close" aria-label={l.close}>
          <CloseIcon />
        </Dialog.Close>
      </header>

      <div data-slot="dialog-body">
        {generated && (
          <p data-slot="notice" data-tone="info">
            <InfoIcon />
            {l.generatedRow}
          </p>
        )}

        <Section title={l.webhookUrl} id={id('url')}>
          <p data-slot="hint">{l.webhookUrlHint}</p>
          <div data-slot="url-field">
            <code data-slot="url" data-full="">
              {displayText(webhook.webhook_url)}
            </code>
            <CopyButton value={webhook.webhook_url} label={`${l.copyValue(l.webhookUrl)}: ${name}`} />
          </div>
        </Section>

        {!generated && webhook.signing && (
          <Section title={l.signingSecret} id={id('signing')}>
            <SigningSecretSection
              webhook={webhook}
              providerName={integration.name}
              actions={props.actions}
              container={props.container}
            />
          </Section>
        )}

        <div data-slot="control-row" data-kind={generated ? 'setup' : undefined}>
          {generated ? (
            <>
              <button
                type="button"
                data-slot="button"
                data-variant="primary"
                data-action="set-up"
                aria-busy={setUpPending || undefined}
                aria-disabled={setUpPending || undefined}
                aria-describedby={id('setup-hint')}
                onClick={() => void setUp()}
              >
                {setUpPending ? l.settingUp : l.setUp}
              </button>
              <p id={id('setup-hint')} data-slot="hint">
                {l.setUpHint}
              </p>
            </>
          ) : (
            <>
              <div data-slot="switch-field">
                {/* Busy, not disabled: a disabled button loses the focus (it falls to <body> and the
                    next Tab starts again at the top), so a click while pending is ignored instead. */}
                <button
                  type="button"
                  role="switch"
                  data-slot="switch"
                  data-state={active ? 'checked' : 'unchecked'}
                  aria-checked={active}
                  // The visible label ("Enabled" / "Disabled") starts the name (WCAG 2.5.3).
                  aria-label={`${switchLabel}: ${l.enableWebhook(name)}`}
                  aria-busy={statusPending || undefined}
                  aria-disabled={statusPending || undefined}
                  onClick={() => {
                    if (!statusPending) void setStatus(webhook.id, active ? 'inactive' : 'active')
                  }}
                >
                  <span data-slot="switch-thumb" aria-hidden="true" />
                </button>
                <span data-slot="switch-label" aria-hidden="true">
                  {switchLabel}
                </span>
              </div>
              <button
                type="button"
                data-slot="button"
                data-variant="primary"
                aria-disabled={testPending || undefined}
                aria-busy={testPending || undefined}
                onClick={async () => {
                  if (testPending) return
                  setTestMessage('')
                  const result = await sendTest(webhook.id)
                  if (result.ok) setTestMessage(l.testSent)
                }}
              >
                {testPending ? l.sendingTest : l.sendTest}
              </button>
            </>
          )}
          {/* One live region for both kinds of row: it stays mounted when "Set up" turns one into the other. */}
          <span data-slot="action-status" role="status">
            {testMessage}
          </span>
          {!generated && (
            // "Delete" asks first, naming the webhook; the focus goes to "Cancel", the safe choice.
            <ConfirmDialog
              trigger={
                <button type="button" data-slot="button" data-variant="danger" data-action="delete">
                  {l.deleteWebhook}
                </button>
              }
              title={l.deleteTitle(name)}
              description={l.deleteDescription}
              confirmLabel={l.deleteConfirm}
              pendingLabel={l.deleting}
              tone="danger"
              confirmAction="confirm-delete"
              pending={removePending}
              onConfirm={confirmDelete}
              container={props.container}
            />
          )}
        </div>
        {(statusError || testError) && (
          <p data-slot="inline-error" role="alert">
            {/* The server's own sentence (a test without a secret says what to do). */}
            {displayText(l.actionFailed(reasonOf((statusError ?? testError) as Error)))}
          </p>
        )}
        {setUpError && (
          <p data-slot="inline-error" role="alert">
            {displayText(l.setUpFailed(reasonOf(setUpError)))}
          </p>
        )}
        {removeError && !removePending && (
          <p data-slot="inline-error" role="alert">
            {displayText(l.deleteFailed(reasonOf(removeError)))}
          </p>
        )}

        <Section title={l.setup} id={id('setup')}>
          <LongList
            as="ol"
            slot="setup-steps"
            items={steps}
            limit={SETUP_STEPS_SHOWN}
            // The provider's own words, in whatever language and direction they are written: an
            // English step in a right-to-left page keeps its trailing ")" or "." where it belongs.
            render={(step) => <bdi>{displayText(step)}</bdi>}
          />
          {docs && (
            <a data-slot="docs-link" href={docs.href} target="_blank" rel="noopener noreferrer">
              {docs.fromCatalog ? l.openDocs(integration.name) : l.docsAt(docs.host)}
              <ExternalIcon />
              <span data-visually-hidden=""> {l.opensInNewTab}</span>
            </a>
          )}
        </Section>

        <div data-slot="dialog-columns">
          <Section title={l.triggerTypes} id={id('triggers')}>
            <LongList
              slot="tag-list"
              items={webhook.trigger_types}
              limit={TAGS_SHOWN}
              render={(type) => (
                <>
                  <code data-slot="trigger-type">{displayText(type)}</code>
                  {labelFor.get(type) && <bdi data-slot="trigger-label">{displayText(labelFor.get(type))}</bdi>}
                </>
              )}
            />
          </Section>
          <Section title={l.capabilities} id={id('capabilities')}>
            <LongList
              slot="tag-list"
              items={webhook.external_config.capabilities}
              limit={TAGS_SHOWN}
              render={(capability) => <span data-slot="tag">{displayText(capability)}</span>}
            />
          </Section>
        </div>

        <Section title={l.configuration} id={id('config')}>
          <ConfigView config={webhook.integration_config} />
        </Section>

        <Section title={l.metrics} id={id('metrics')}>
          <dl data-slot="metrics">
            <div>
              <dt>{l.columns.triggerCount}</dt>
              <dd>{formatNumber(webhook.trigger_count, locale)}</dd>
            </div>
            <div>
              <dt>{l.columns.errorCount}</dt>
              <dd data-nonzero={webhook.error_count > 0 || undefined}>{formatNumber(webhook.error_count, locale)}</dd>
            </div>
            <div>
              <dt>{l.columns.lastTriggered}</dt>
              <dd>
                <RelativeTime value={webhook.last_triggered} now={now} locale={locale} fallback={l.never} />
                {webhook.last_triggered && (
                  <span data-slot="absolute-time">{formatDateTime(webhook.last_triggered, { locale })}</span>
                )}
              </dd>
            </div>
          </dl>
          {!generated && <WebhookActivity webhookId={webhook.id} />}
        </Section>

        {!generated && (
          <Guarded>
            <ExecutionHistory webhookId={webhook.id} pageSize={props.pageSize} />
          </Guarded>
        )}
      </div>
    </Dialog.Content>
  )
}
