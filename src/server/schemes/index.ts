// The signature schemes by id, and the scheme of a catalog entry. Each scheme is one file
// of pure functions over the raw request (see types.ts); the receiver picks one with
// `schemeFor(integration)`.

import { airtable } from './airtable'
import { box } from './box'
import { discord } from './discord'
import { dropbox } from './dropbox'
import { github } from './github'
import { gitlab } from './gitlab'
import { googleChannel } from './google-channel'
import { googlePubsub, hostVerifiedFor, paypal } from './host-verifier'
import { hubspot } from './hubspot'
import { linkedin } from './linkedin'
import { mailchimp } from './mailchimp'
import { meta } from './meta'
import { microsoftGraph } from './microsoft-graph'
import { notion } from './notion'
import { shopify } from './shopify'
import { slack } from './slack'
import { standardWebhooks } from './standard-webhooks'
import { stripe } from './stripe'
import { tiktok } from './tiktok'
import { trello } from './trello'
import type { SignatureScheme } from './types'
import { websub } from './websub'
import { x } from './x'

export type {
  Handshake,
  SchemeContext,
  SchemeRequest,
  SecretSource,
  SecretSpec,
  SignatureScheme,
  SignedRequest,
  SignInput,
  Verification,
} from './types'

const all: readonly SignatureScheme[] = [
  airtable,
  box,
  discord,
  dropbox,
  github,
  gitlab,
  googleChannel,
  googlePubsub,
  hubspot,
  linkedin,
  mailchimp,
  meta,
  microsoftGraph,
  notion,
  paypal,
  shopify,
  slack,
  standardWebhooks,
  stripe,
  tiktok,
  trello,
  websub,
  x,
]

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
 * Standard Webhooks when it names none or one that does not exist. A host-verified scheme
 * comes back naming the entry (its refusal says which verifier the host must pass).
 *
 * @example
 * ```ts
 * schemeFor(getIntegration('github')).id // 'github'
 * schemeFor({ id: 'my-internal-tool' }).id // 'standard-webhooks'
 * ```
 */
export function schemeFor(integration: SchemeSubject): SignatureScheme {
  const id = integration.signature?.scheme
  const scheme = (id !== undefined && Object.hasOwn(schemes, id) ? schemes[id] : undefined) ?? defaultScheme
  if (scheme.secret.source === 'host-verifier') {
    return hostVerifiedFor(scheme.id, integration.id, integration.name ?? integration.id) ?? scheme
  }
  return scheme
}
