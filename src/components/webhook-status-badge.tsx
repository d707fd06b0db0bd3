import type { IntegrationWebhook, WebhookStatus } from 'integration-webhooks/core'
import type { ComponentPropsWithoutRef } from 'react'
import type { PartialLabels } from './labels'
import { cx, useUi } from './ui-context'

/** Props of {@link WebhookStatusBadge}. */
export interface WebhookStatusBadgeProps extends ComponentPropsWithoutRef<'span'> {
  /** The webhook's status. */
  status: WebhookStatus
  /** Also show "Setup required" (the provider side is not configured yet). */
  setupRequired?: boolean
  /**
   * The signing secret its events need is not set, so every event is refused: the extra badge
   * says "Secret missing" instead of "Setup required" (its `data-reason="secret-missing"`).
   */
  secretMissing?: boolean
  /** Label overrides (translation). */
  labels?: PartialLabels
}

/**
 * A webhook's status as text with a colour dot — never colour alone.
 *
 * Styling API: `data-slot="status-badge"`, `data-status="active | inactive | error"`,
 * `data-setup-required` when setup is required (the extra badge has `data-slot="setup-badge"`,
 * with `data-reason="secret-missing"` when it says the signing secret is missing).
 *
 * @example
 * ```tsx
 * <WebhookStatusBadge status="error" />
 * <WebhookStatusBadge status="inactive" setupRequired />
 * <WebhookStatusBadge status="active" secretMissing />
 * ```
 */
export function WebhookStatusBadge({
  status,
  setupRequired,
  secretMissing,
  labels,
  className,
  ...rest
}: WebhookStatusBadgeProps) {
  const { labels: l } = useUi(labels)
  const setup = setupRequired || secretMissing
  return (
    <span
      data-iw=""
      data-slot="status-group"
      data-status={status}
      data-setup-required={setup || undefined}
      className={cx(className)}
      {...rest}
    >
      <span data-slot="status-badge" data-status={status}>
        <span data-slot="status-dot" aria-hidden="true" />
        {l.statuses[status] ?? status}
      </span>
      {setup && (
        <span data-slot="setup-badge" data-reason={secretMissing ? 'secret-missing' : undefined}>
          {secretMissing ? l.secretMissingBadge : l.setupRequired}
        </span>
      )}
    </span>
  )
}

/**
 * @internal Whether a saved webhook's events are all refused because the signing secret its
 * scheme needs (generated, pasted from the provider, or sent in a handshake) is not set.
 */
export function isSecretMissing(webhook: Pick<IntegrationWebhook, 'signing'>): boolean {
  const signing = webhook.signing
  if (!signing || signing.secret_set) return false
  return signing.source === 'generated' || signing.source === 'provider' || signing.source === 'handshake'
}
