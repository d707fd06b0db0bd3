import { defaultCatalog, type IntegrationWebhook } from 'integration-webhooks/core'
import { schemeFor } from '../src/server/schemes/index'

/**
 * The `signing` a saved webhook of `providerId` gets, exactly as the server reports it: read
 * from the catalog entry's scheme (its label, where its secret comes from, its expected form),
 * so whether a secret is generated, pasted or rotatable is never a list kept here.
 */
export function mockSigning(providerId: string, secretSet: boolean): NonNullable<IntegrationWebhook['signing']> {
  const scheme = schemeFor(defaultCatalog.resolve(providerId))
  const { source } = scheme.secret
  return {
    scheme: scheme.id,
    label: scheme.label,
    source,
    form_hint: scheme.secret.formHint,
    // Host-verified and URL-token schemes keep no secret.
    secret_set: secretSet && (source === 'generated' || source === 'provider' || source === 'handshake'),
    previous_expires_at: null,
  }
}
