import {
  displayText,
  formatDateTime,
  type IntegrationWebhook,
  isWebhookApiError,
  type SigningSecret,
} from 'integration-webhooks/core'
import type { WebhookActionsState } from 'integration-webhooks/react'
import { useEffect, useId, useRef, useState } from 'react'
import { ConfirmDialog } from './confirm-dialog-direct'
import { CopyButton } from './copy-button'
import { useUi } from './ui-context'

/** The grace periods "Rotate" offers, in seconds: immediately, after 1 hour, after 24 hours. */
const GRACE_CHOICES = [0, 3600, 86400] as const
/** Preselected: "Immediately" would break every delivery until the new secret is pasted at the provider. */
const DEFAULT_GRACE = 3600

const reasonOf = (error: Error) => (isWebhookApiError(error) && error.serverMessage) || error.message

/**
 * @internal The details dialog's "Signing secret" section of a saved webhook: the secret masked
 * with Reveal/Hide and Copy, Rotate with a grace period (secrets we issue), or a field for the
 * secret the provider issued; for schemes without a secret, what proves the events instead.
 * Styling API: `data-slot="signing-secret"` with `data-source`, `data-secret-set`, `data-revealed`.
 */
export function SigningSecretSection(props: {
  webhook: IntegrationWebhook
  providerName: string
  actions: WebhookActionsState
  container: HTMLElement | null | undefined
}) {
  const { webhook, providerName, actions } = props
  const { labels: l, locale } = useUi()
  const signing = webhook.signing
  const [revealed, setRevealed] = useState<SigningSecret | null>(null)
  const [announce, setAnnounce] = useState('')
  const [draft, setDraft] = useState('')
  const [grace, setGrace] = useState<number>(DEFAULT_GRACE)
  const baseId = useId()
  const revealButton = useRef<HTMLButtonElement>(null)
  // A different webhook shown in the same dialog: nothing revealed carries over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the webhook changes
  useEffect(() => {
    setRevealed(null)
    setDraft('')
    setAnnounce('')
  }, [webhook.id])
  if (!signing) return null
  const { source } = signing
  const id = webhook.id
  const revealPending = actions.isPending('revealSecret', id)
  const revealError = actions.errorFor('revealSecret', id)
  const setPending = actions.isPending('setSecret', id)
  const setError = actions.errorFor('setSecret', id)
  const rotatePending = actions.isPending('rotateSecret', id)
  const rotateError = actions.errorFor('rotateSecret', id)
  const previousUntil = revealed?.previous_expires_at ?? signing.previous_expires_at
  const previousLive = previousUntil !== null && Date.parse(previousUntil) > Date.now()
  const hasSecret = source === 'generated' || source === 'provider' || source === 'handshake'
  const missing = hasSecret && !signing.secret_set

  const toggleReveal = async () => {
    if (revealPending) return
    if (revealed) {
      setRevealed(null)
      return
    }
    const result = await actions.revealSecret(id)
    if (result.ok) setRevealed(result.data)
  }

  const save = async () => {
    if (setPending || draft.trim() === '') return
    setAnnounce('')
    const result = await actions.setSecret(id, draft)
    if (result.ok) {
      setDraft('')
      setRevealed(null)
      setAnnounce(l.secretSaved)
    }
  }

  const rotate = async () => {
    setAnnounce('')
    const result = await actions.rotateSecret(id, grace ? { graceSeconds: grace } : {})
    if (result.ok) {
      setRevealed(result.data)
      setAnnounce(l.secretRotated)
    }
  }

  const graceLabel = (seconds: number) => (seconds === 0 ? l.graceNow : seconds === 3600 ? l.graceHour : l.graceDay)
  const invalidId = `${baseId}-invalid`
  const hintId = `${baseId}-hint`
  const setInvalid = setError && isWebhookApiError(setError) && setError.kind === 'bad-request'

  return (
    <div
      data-iw=""
      data-slot="signing-secret"
      data-source={source}
      data-secret-set={signing.secret_set || undefined}
      data-revealed={revealed ? true : undefined}
    >
      <p data-slot="hint">{displayText(l.signedWith(signing.label))}</p>
      {source === 'host-verifier' && <p data-slot="hint">{displayText(l.hostVerified(providerName))}</p>}
      {source === 'url-token' && <p data-slot="hint">{displayText(l.urlTokenOnly(providerName))}</p>}
      {source === 'handshake' && !signing.secret_set && (
        <p data-slot="hint">{displayText(l.secretByHandshake(providerName))}</p>
      )}
      {missing && source !== 'handshake' && (
        <p data-slot="notice" data-tone="warning" data-state="secret-missing">
          {displayText(l.secretMissing(providerName))}
        </p>
      )}
      {hasSecret && signing.secret_set && (
        <>
          {source === 'generated' && <p data-slot="hint">{displayText(l.secretGoesTo(providerName))}</p>}
          <div data-slot="secret-field">
            {revealed?.secret ? (
              <code data-slot="secret-value">{displayText(revealed.secret)}</code>
            ) : (
              <code data-slot="secret-value" data-masked="">
                <span aria-hidden="true">••••••••••••</span>
                <span data-visually-hidden="">{revealPending ? l.revealingSecret : l.secretHidden}</span>
              </code>
            )}
            <button
              ref={revealButton}
              type="button"
              data-slot="button"
              data-size="small"
              data-action="reveal-secret"
              aria-pressed={revealed ? true : false}
              aria-busy={revealPending || undefined}
              aria-disabled={revealPending || undefined}
              onClick={() => void toggleReveal()}
            >
              {/* Both labels in one grid cell, the other one hidden: the button keeps the wider
                  label's width, and Reveal/Hide does not shift the row. */}
              <span data-slot="button-label">{revealed ? l.hideSecret : l.revealSecret}</span>
              <span data-slot="button-label" data-inactive="" aria-hidden="true">
                {revealed ? l.revealSecret : l.hideSecret}
              </span>
            </button>
            {revealed?.secret && (
              <CopyButton value={revealed.secret} label={`${l.copyValue(l.signingSecret)}: ${providerName}`} />
            )}
          </div>
        </>
      )}
      {previousLive && previousUntil && (
        <p data-slot="hint" data-state="previous-valid">
          {displayText(l.previousValidUntil(formatDateTime(previousUntil, { locale })))}
        </p>
      )}
      {source === 'provider' && (
        <form
          data-slot="secret-form"
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <label htmlFor={`${baseId}-input`} data-slot="field-label">
            {l.pasteSecret(providerName)}
          </label>
          <p id={hintId} data-slot="hint">
            {displayText(l.secretForm(signing.form_hint))} {displayText(l.secretComesFrom(providerName))}
          </p>
          <div data-slot="secret-input-row">
            <input
              id={`${baseId}-input`}
              data-slot="input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-invalid={setInvalid ? true : undefined}
              aria-describedby={setInvalid ? `${hintId} ${invalidId}` : hintId}
            />
            <button
              type="submit"
              data-slot="button"
              data-variant="primary"
              aria-busy={setPending || undefined}
              aria-disabled={setPending || undefined}
            >
              {setPending ? l.savingSecret : l.saveSecret}
            </button>
          </div>
          {setError && (
            <p id={invalidId} data-slot="inline-error" role="alert">
              {displayText(setInvalid ? reasonOf(setError) : l.secretFailed(reasonOf(setError)))}
            </p>
          )}
        </form>
      )}
      {source === 'generated' && (
        <ConfirmDialog
          trigger={
            <button type="button" data-slot="button" data-action="rotate-secret">
              {l.rotateSecret}
            </button>
          }
          title={l.rotateTitle}
          description={displayText(l.rotateDescription(providerName))}
          confirmLabel={l.rotateConfirm}
          pendingLabel={l.rotating}
          confirmAction="confirm-rotate"
          pending={rotatePending}
          onConfirm={rotate}
          container={props.container}
        >
          <fieldset data-slot="grace-choices">
            <legend>{l.rotateGrace}</legend>
            {GRACE_CHOICES.map((seconds) => (
              <label key={seconds} data-slot="choice" data-state={grace === seconds ? 'checked' : 'unchecked'}>
                <input
                  type="radio"
                  name={`${baseId}-grace`}
                  value={seconds}
                  checked={grace === seconds}
                  onChange={() => setGrace(seconds)}
                />
                {graceLabel(seconds)}
              </label>
            ))}
          </fieldset>
        </ConfirmDialog>
      )}
      {(revealError || rotateError) && (
        <p data-slot="inline-error" role="alert">
          {displayText(l.secretFailed(reasonOf((revealError ?? rotateError) as Error)))}
        </p>
      )}
      <span data-slot="action-status" role="status">
        {announce}
      </span>
    </div>
  )
}
