import { displayText, type InvalidRow, isWebhookApiError, maskSecretText } from 'integration-webhooks/core'
import { useId, useState } from 'react'
import { AlertIcon, InfoIcon } from './icons'
import { useUi } from './ui-context'

/** Failure to load: the reason in words, the technical message, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { labels: l } = useUi()
  const kind = isWebhookApiError(error) ? error.kind : 'unknown'
  return (
    <div data-slot="state" data-state-kind="error" role="alert">
      <AlertIcon />
      <h3 data-slot="state-title">{l.errorTitle}</h3>
      <p data-slot="state-description">{l.errorReasons[kind] ?? l.errorReasons.unknown}</p>
      <p data-slot="error-detail">{displayText(maskSecretText(error.message))}</p>
      <button type="button" data-slot="button" data-variant="primary" onClick={onRetry}>
        {l.tryAgain}
      </button>
    </div>
  )
}

/** Not signed in: a sign-in message and never invented rows. */
export function UnauthorizedState({ onSignIn, onRetry }: { onSignIn?: () => void; onRetry: () => void }) {
  const { labels: l } = useUi()
  return (
    <div data-slot="state" data-state-kind="unauthorized" role="alert">
      <AlertIcon />
      <h3 data-slot="state-title">{l.unauthorizedTitle}</h3>
      <p data-slot="state-description">{l.unauthorizedDescription}</p>
      <div data-slot="state-actions">
        {onSignIn && (
          <button type="button" data-slot="button" data-variant="primary" onClick={onSignIn}>
            {l.signIn}
          </button>
        )}
        <button type="button" data-slot="button" onClick={onRetry}>
          {l.tryAgain}
        </button>
      </div>
    </div>
  )
}

/** Nothing at all to show (no integrations, even generated). */
export function EmptyState() {
  const { labels: l } = useUi()
  return (
    <div data-slot="state" data-state-kind="empty">
      <InfoIcon />
      {/* Focusable by script: deleting the last webhook with nothing to show puts the focus here. */}
      <h3 data-slot="state-title" tabIndex={-1}>
        {l.empty}
      </h3>
      <p data-slot="state-description">{l.emptyDescription}</p>
    </div>
  )
}

/** Rows dropped as invalid: how many, and on request, why. */
export function InvalidRowsNotice({ invalid }: { invalid: readonly InvalidRow[] }) {
  const { labels: l } = useUi()
  const [open, setOpen] = useState(false)
  const listId = useId()
  return (
    <div data-slot="notice" data-tone="warning">
      <AlertIcon />
      <div data-slot="notice-text">
        <p>
          {l.invalidRows(invalid.length)}{' '}
          <button
            type="button"
            data-slot="link-button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {open ? l.hideInvalid : l.showInvalid}
          </button>
        </p>
        <ul id={listId} data-slot="invalid-rows" hidden={!open}>
          {invalid.map((row) => (
            <li key={`${row.index}`}>
              <strong>{displayText(l.invalidRow(row.index, row.id))}</strong>
              <ul>
                {row.issues.map((issue, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static per row; issues may repeat
                  <li key={index}>
                    <code>{displayText(issue)}</code>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
