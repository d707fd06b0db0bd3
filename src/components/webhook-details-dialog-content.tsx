// The heavy part of the details dialog (Radix Dialog, the history, the configuration view),
// in its own module so that bundlers put it in a chunk loaded the first time a dialog opens.
import * as Dialog from '@radix-ui/react-dialog'
import { setNonce } from 'get-nonce'
import {
  defaultCatalog,
  formatDateTime,
  type IntegrationWebhook,
  isSafeHttpUrl,
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
import { RelativeTime } from './relative-time'
import { cx, UiContext, useNow, useUi } from './ui-context'
import type { WebhookDetailsDialogProps } from './webhook-details-dialog'
import { WebhookStatusBadge } from './webhook-status-badge'

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
          {webhook && <DialogBody {...props} webhook={webhook} />}
        </Dialog.Portal>
      </Dialog.Root>
    </UiContext.Provider>
  )
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section data-slot="dialog-section" aria-labelledby={id}>
      <h3 id={id} data-slot="section-title">
        {title}
      </h3>
      {children}
    </section>
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
  const docsFromApi = (webhook.external_config as { docs_url?: unknown }).docs_url
  const docsUrl = isSafeHttpUrl(docsFromApi)
    ? docsFromApi
    : isSafeHttpUrl(integration.docsUrl)
      ? integration.docsUrl
      : undefined
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
            {categoryLabel(l, webhook.external_config.category)}
            {' · '}
            <code>{webhook.provider_id}</code>
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
              {webhook.webhook_url}
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
            {l.actionFailed((statusError ?? testError)?.message ?? '')}
          </p>
        )}

        <Section title={l.setup} id={id('setup')}>
          <ol data-slot="setup-steps">
            {steps.map((step, index) => (
              // Steps are plain text from the API; the index keeps repeated steps apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per webhook
              <li key={index}>{step}</li>
            ))}
          </ol>
          {docsUrl && (
            <a data-slot="docs-link" href={docsUrl} target="_blank" rel="noopener noreferrer">
              {l.openDocs(integration.name)}
              <ExternalIcon />
              <span data-visually-hidden=""> {l.opensInNewTab}</span>
            </a>
          )}
        </Section>

        <div data-slot="dialog-columns">
          <Section title={l.triggerTypes} id={id('triggers')}>
            <ul data-slot="tag-list">
              {webhook.trigger_types.map((type) => (
                <li key={type}>
                  <code data-slot="trigger-type">{type}</code>
                  {labelFor.get(type) && <span data-slot="trigger-label">{labelFor.get(type)}</span>}
                </li>
              ))}
            </ul>
          </Section>
          <Section title={l.capabilities} id={id('capabilities')}>
            <ul data-slot="tag-list">
              {webhook.external_config.capabilities.map((capability) => (
                <li key={capability}>
                  <span data-slot="tag">{capability}</span>
                </li>
              ))}
            </ul>
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

        {!generated && <ExecutionHistory webhookId={webhook.id} pageSize={props.pageSize} />}
      </div>
    </Dialog.Content>
  )
}
