import type { WebhookStatus } from 'integration-webhooks/core'
import type { ComponentPropsWithoutRef } from 'react'
import type { PartialLabels } from './labels'
import { cx, useUi } from './ui-context'

/** Props of {@link WebhookStatusBadge}. */
export interface WebhookStatusBadgeProps extends ComponentPropsWithoutRef<'span'> {
  /** The webhook's status. */
  status: WebhookStatus
  /** Also show "Setup required" (the provider side is not configured yet). */
  setupRequired?: boolean
  /** Label overrides (translation). */
  labels?: PartialLabels
}

/**
 * A webhook's status as text with a colour dot — never colour alone.
 *
 * Styling API: `data-slot="status-badge"`, `data-status="active | inactive | error"`,
 * `data-setup-required` when setup is required (the extra badge has `data-slot="setup-badge"`).
 *
 * @example
 * ```tsx
 * <WebhookStatusBadge status="error" />
 * <WebhookStatusBadge status="inactive" setupRequired />
 * ```
 */
export function WebhookStatusBadge({ status, setupRequired, labels, className, ...rest }: WebhookStatusBadgeProps) {
  const { labels: l } = useUi(labels)
  return (
    <span
      data-iw=""
      data-slot="status-group"
      data-status={status}
      data-setup-required={setupRequired || undefined}
      className={cx(className)}
      {...rest}
    >
      <span data-slot="status-badge" data-status={status}>
        <span data-slot="status-dot" aria-hidden="true" />
        {l.statuses[status] ?? status}
      </span>
      {setupRequired && <span data-slot="setup-badge">{l.setupRequired}</span>}
    </span>
  )
}
