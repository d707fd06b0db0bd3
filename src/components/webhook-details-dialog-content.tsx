// The heavy part of the details dialog (Radix Dialog, the history, the configuration view),
// in its own module so that bundlers put it in a chunk loaded the first time a dialog opens.
import * as Dialog from '@radix-ui/react-dialog'
import { setNonce } from 'get-nonce'
import {
  defaultCatalog,
  displayText,
  docsLinkFor,
  formatDateTime,
  type IntegrationWebhook,
  parseInstructions,
  toDisplayText,
} from 'integration-webhooks/core'
import { useWebhookActions } from 'integration-webhooks/react'
import { type ReactNode, useState } from 'react'
import { ConfigView } from './config-view'
import { CopyButton } from './copy-button'
import { ExecutionHistory } from './execution-history'
import { BrandMark, CloseIcon, ExternalIcon, InfoIcon, initialOf } from './icons'
import { categoryLabel } from './labels'
import { LongList } from './long-list'
import { RelativeTime } from './relative-time'
import { SectionBoundary } from './section-boundary'
import { cx, UiContext, useNow, useUi } from './ui-context'
import type { WebhookDetailsDialogProps } from './webhook-details-dialog'
import { WebhookStatusBadge } from './webhook-status-badge'

// How many items of each list the dialog shows before "Show all (n)": a row with 100,000 setup
// lines or 10,000 trigger types must still open at once (BENCHMARKS.md, "Dialog with huge lists").
const SETUP_STEPS_SHOWN = 20
const TAGS_SHOWN = 30

/** The dialog itself, with Radix and the execution history: loaded on demand by {@link WebhookDetailsDialog}. */
export default function WebhookDetailsDialogContent(props: WebhookDetailsDialogProps) {
  const { webhook, onOpenChange, nonce } = props
  const ui = useUi(props.labels, props.locale)
  // react-remove-scroll reads the nonce through get-nonce when it injects its style.
  if (nonce) setNonce(nonce)
  return (
    <UiContext.Provider value={ui}>
      <Dialog.Root open={webhook !== null} onOpenChange={onOpenChange}>
        <Dialog.Portal container={props.container ?? undefined}>
          <Dialog.Overlay data-iw="" data-slot="dialog-overlay" />
          {webhook && <GuardedDialogBody {...props} webhook={webhook} />}
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
function GuardedDialogBody(props: WebhookDetailsDialogProps & { webhook: IntegrationWebhook }) {
  return (
    // Keyed by webhook: what failed for one webhook is tried again for the next.
    <SectionBoundary key={props.webhook.id} fallback={<FailedDialogBody />}>
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

function DialogBody(props: WebhookDetailsDialogProps & { webhook: IntegrationWebhook }) {
  const { webhook, generated, className } = props
  const { labels: l, locale } = useUi()
  const now = useNow()
  const catalog = props.catalog ?? defaultCatalog
  const integration = catalog.resolve(webhook.provider_id)
  const name = toDisplayText(webhook.external_config.integration_name, integration.name)
  const { setStatus, sendTest, isPending, errorFor } = useWebhookActions({ onStatusChange: props.onStatusChange })
  const [testMessage, setTestMessage] = useState('')
  const docs = docsLinkFor((webhook.external_config as { docs_url?: unknown }).docs_url, integration.docsUrl)
  const steps = parseInstructions(webhook.external_config.instructions)
  const labelFor = new Map(integration.triggers.map((t) => [t.type, t.label]))
  const active = webhook.status === 'active'
  const switchLabel = active ? l.enabled : l.disabled
  const statusPending = isPending('setStatus', webhook.id)
  const statusError = errorFor('setStatus', webhook.id)
  const testPending = isPending('sendTest', webhook.id)
  const testError = errorFor('sendTest', webhook.id)
  const id = (part: string) => `iw-${webhook.id}-${part}`.replace(/[^A-Za-z0-9_-]/g, '_')

  return (
    <Dialog.Content
      data-iw=""
      data-slot="dialog"
      data-status={webhook.status}
      className={cx(className)}
      aria-describedby={id('description')}
      onCloseAutoFocus={(event) => {
        // Return focus to the row of this webhook, found by id: the table may have re-rendered
        // it, or refilled the opener's row with another webhook (rows are keyed by place).
        // Without the row (scrolled out of its window, filtered out), the focus stays with the page.
        event.preventDefault()
        const trigger = Array.from(document.querySelectorAll<HTMLElement>('[data-webhook-trigger]')).find(
          (element) => element.dataset.webhookTrigger === webhook.id,
        )
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
        <WebhookStatusBadge status={webhook.status} setupRequired={webhook.external_config.setup_required} />
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

        <div data-slot="control-row">
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
          <span data-slot="action-status" role="status">
            {testMessage}
          </span>
        </div>
        {(statusError || testError) && (
          <p data-slot="inline-error" role="alert">
            {displayText(l.actionFailed((statusError ?? testError)?.message ?? ''))}
          </p>
        )}

        <Section title={l.setup} id={id('setup')}>
          <LongList
            as="ol"
            slot="setup-steps"
            items={steps}
            limit={SETUP_STEPS_SHOWN}
            render={(step) => displayText(step)}
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
                  {labelFor.get(type) && <span data-slot="trigger-label">{displayText(labelFor.get(type))}</span>}
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
              <dd>{webhook.trigger_count.toLocaleString(locale)}</dd>
            </div>
            <div>
              <dt>{l.columns.errorCount}</dt>
              <dd data-nonzero={webhook.error_count > 0 || undefined}>{webhook.error_count.toLocaleString(locale)}</dd>
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
