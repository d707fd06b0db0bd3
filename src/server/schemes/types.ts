/**
 * What a signature scheme sees of an inbound request: the exact bytes the provider sent
 * (signatures are over raw bytes, never over re-serialised JSON), its headers, and the
 * receiving URL as the provider called it (Trello and HubSpot sign the URL too).
 */
export interface SchemeRequest {
  readonly method: string
  /** The receiving URL, `{publicUrl}{basePath}/receive/{token}` with the query the provider sent. */
  readonly url: URL
  readonly headers: Headers
  readonly body: Uint8Array
}

/** The webhook-side inputs of a verification. */
export interface SchemeContext {
  /**
   * The secrets that verify, current first, then the previous one while its rotation grace
   * period lasts. Empty when none is set yet (a scheme that needs one then refuses).
   */
  readonly secrets: readonly string[]
  /** The clock, for timestamp tolerance. */
  readonly now: Date
  /** How far a signed timestamp may be from `now`, in seconds (replays outside it are refused). */
  readonly toleranceSeconds: number
  /** The webhook's `integration_config` (e.g. Meta's `verify_token`, generated at creation). */
  readonly config: Readonly<Record<string, unknown>>
  /**
   * A host-supplied verifier for providers whose proof needs a call to the provider
   * (Google Pub/Sub's OIDC token, PayPal's verify API); undefined when the host gave none.
   */
  readonly hostVerifier?: (request: SchemeRequest) => Promise<boolean>
}

/** The outcome of a verification: a reason (for logs and the 401 body, never a secret) when it fails. */
export type Verification = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/**
 * A provider's handshake, answered instead of recording an event: a challenge echoed back,
 * a validation token, a CRC response. Nothing is written, except a secret the provider
 * hands over during the handshake (Notion's verification token) in `storeSecret`.
 */
export interface Handshake {
  readonly status: number
  readonly body?: string
  readonly contentType?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly storeSecret?: string
}

/** Where a webhook's secret comes from. */
export type SecretSource =
  /** We generate it on creation; the user pastes it into the provider's console. */
  | 'generated'
  /** The provider issues it; the user pastes it into our dialog (checked against `form`). */
  | 'provider'
  /** The provider sends it during its handshake (Notion's verification token). */
  | 'handshake'
  /** No secret: the proof comes from a host-supplied verifier (Google Pub/Sub OIDC, PayPal). */
  | 'host-verifier'
  /** No signature exists for this provider: the unguessable receiving URL is the proof (Mailchimp). */
  | 'url-token'

/** How a scheme's secret looks and is made. */
export interface SecretSpec {
  readonly source: SecretSource
  /** Checks a pasted or stored secret's form; returns a message saying what is expected, or null when it fits. */
  validate(secret: string): string | null
  /** A human description of the expected form, e.g. "starts with whsec_". */
  readonly formHint: string
  /** Makes a new secret (for `generated` sources, and for signing test events). */
  generate(): string
}

/** What `sign` needs to make a request the scheme's `verify` accepts. */
export interface SignInput {
  readonly body: Uint8Array
  readonly secret: string
  readonly url: URL
  readonly now: Date
  /** A delivery id to put where the provider puts one. */
  readonly deliveryId: string
  /** The provider's event name (e.g. `push`, `invoice.paid`), where it goes in a header. */
  readonly eventName: string
}

/**
 * One signature scheme: pure functions over the request, one file per provider family,
 * each tested against the provider's published example.
 */
export interface SignatureScheme {
  readonly id: string
  /** The provider-family name shown to users, e.g. "GitHub (X-Hub-Signature-256)". */
  readonly label: string
  readonly secret: SecretSpec
  /** Verifies the request in constant time on the raw bytes. */
  verify(request: SchemeRequest, context: SchemeContext): Promise<Verification>
  /** A handshake to answer instead of recording, or null for an ordinary event. May call `verify` first. */
  handshake?(request: SchemeRequest, context: SchemeContext): Promise<Handshake | null>
  /** The provider's delivery id (duplicates of it are not recorded twice), or null. */
  deliveryId(request: SchemeRequest, json: unknown): string | null
  /** The provider's event name, mapped to a trigger type through the catalog's `providerEvent`. */
  eventName(request: SchemeRequest, json: unknown): string | null
  /**
   * The headers (and URL query, for schemes that sign into the URL) of a signed request,
   * for test events and `integration-webhooks send`. Undefined for schemes we cannot sign
   * (the host-verifier ones).
   */
  sign?(input: SignInput): Promise<SignedRequest>
  /**
   * Values this scheme needs in the webhook's `integration_config`, made once when the
   * webhook is created and shown to the user (Meta's `verify_token`, checked by its GET
   * handshake). Undefined for schemes that need none. (Added with the schemes; optional.)
   */
  initialConfig?(): Record<string, string>
}

/** What `sign` returns: the headers to send, and where the scheme needs them the URL and the body. */
export interface SignedRequest {
  readonly headers: Record<string, string>
  /** The URL to send to, when the scheme signs into its query. */
  readonly url?: URL
  /**
   * The body to send instead of the input's, when the proof travels inside the body
   * (Microsoft Graph's `clientState` in each notification). Send this one when present.
   */
  readonly body?: Uint8Array
}
