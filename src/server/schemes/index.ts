// The signature schemes by id, and the scheme of a catalog entry. Each scheme is one file
// of pure functions over the raw request (see types.ts); the receiver picks one with
// `schemeFor(integration)`.

import { github } from './github'
import { slack } from './slack'
import { standardWebhooks } from './standard-webhooks'
import { stripe } from './stripe'
import type { SignatureScheme } from './types'

export type {
  Handshake,
  SchemeContext,
  SchemeRequest,
  SecretSource,
  SecretSpec,
  SignatureScheme,
  SignInput,
  Verification,
} from './types'

const all: readonly SignatureScheme[] = [github, slack, standardWebhooks, stripe]

/** Every signature scheme, by id. */
export const schemes: Readonly<Record<string, SignatureScheme>> = Object.freeze(
  Object.fromEntries(all.map((scheme) => [scheme.id, scheme])),
)

/** The scheme for internal events and for providers whose entry names none (or one we do not know). */
export const defaultScheme: SignatureScheme = standardWebhooks

/** What `schemeFor` reads of a catalog entry (an `Integration`, or a host's own entry). */
export interface SchemeSubject {
  readonly id: string
  readonly name?: string
  readonly signature?: { readonly scheme: string }
}

/**
 * The signature scheme of a catalog entry: the one its `signature.scheme` names, or
 * Standard Webhooks when it names none or one that does not exist.
 *
 * @example
 * ```ts
 * schemeFor(getIntegration('github')).id // 'github'
 * schemeFor({ id: 'my-internal-tool' }).id // 'standard-webhooks'
 * ```
 */
export function schemeFor(integration: SchemeSubject): SignatureScheme {
  const id = integration.signature?.scheme
  return (id !== undefined && Object.hasOwn(schemes, id) ? schemes[id] : undefined) ?? defaultScheme
}
