// The pieces every scheme shares: HMAC (node:crypto where the runtime has it, Web Crypto
// elsewhere), a constant-time comparison of bytes, hex and base64 without Node's Buffer,
// headers and timestamps. Nothing here logs or returns a secret.

import type { SchemeContext, SecretSpec, Verification } from './types'

const encoder = /* @__PURE__ */ new TextEncoder()

/** What the schemes use of `node:crypto`. */
interface NodeCrypto {
  createHmac(algorithm: string, key: Uint8Array | string): { update(data: Uint8Array): { digest(): Uint8Array } }
  createHash(algorithm: string): { update(data: Uint8Array): { digest(): Uint8Array } }
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean
}

/**
 * `node:crypto` where the runtime has it (Node ≥ 20.16, Deno, Bun: `process.getBuiltinModule`),
 * else null (workers, browsers: Web Crypto). Taken at load without an import, so the entry
 * still loads where there is no `node:` module. In Node an HMAC of an event through it costs
 * a few microseconds, where Web Crypto's `sign` is a job on the thread pool and a promise
 * (about 20 times the CPU for a 1 kB body, and a key import per secret).
 */
function loadNodeCrypto(): NodeCrypto | null {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  try {
    const module = process?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined
    return typeof module?.createHmac === 'function' ? (module as NodeCrypto) : null
  } catch {
    return null
  }
}

const nodeCrypto = /* @__PURE__ */ loadNodeCrypto()

/** Which implementation computes HMACs and digests here (`node`: node:crypto). @internal */
export const cryptoEngine: 'node' | 'web' = nodeCrypto ? 'node' : 'web'

const nodeHash = { 'SHA-256': 'sha256', 'SHA-1': 'sha1', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const

/** A digest Node returned (a Buffer) as plain bytes. */
const plain = (digest: Uint8Array): Uint8Array => new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength)

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text)

/** UTF-8 text of bytes (invalid sequences become U+FFFD). */
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

/** The bytes of each part, one after the other. */
export function concat(...parts: readonly (Uint8Array | string)[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? utf8(part) : part))
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * Whether two byte strings are equal, in time that depends only on their lengths (never on
 * where they differ). Signatures are compared as bytes with this, never as strings with `===`.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (nodeCrypto && a.length === b.length) return nodeCrypto.timingSafeEqual(a, b)
  let difference = a.length ^ b.length
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i % (b.length || 1)] ?? 0)
  return difference === 0
}

/**
 * Whether a value sent in a request equals a secret, in constant time and without leaking
 * the secret's length: both are hashed with SHA-256 and the digests compared.
 */
export async function secretEquals(received: string, secret: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(utf8(received)), sha256(utf8(secret))])
  return timingSafeEqual(a, b) && secret.length > 0
}

/** Whether `received` equals any of the secrets (each compared in constant time). */
export async function anySecretEquals(received: string, secrets: readonly string[]): Promise<boolean> {
  let found = false
  for (const secret of secrets) if (await secretEquals(received, secret)) found = true
  return found
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  if (nodeCrypto) return plain(nodeCrypto.createHash('sha256').update(data).digest())
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource))
}

export type HmacHash = 'SHA-256' | 'SHA-1' | 'SHA-384' | 'SHA-512'

const importHmacKey = (hash: HmacHash, raw: Uint8Array) =>
  crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash }, false, ['sign'])

// Imported keys of the secrets in use (non-extractable): importing one costs about as much as
// the HMAC of a small event, and a receiver verifies every event of a webhook with the same.
const hmacKeys = new Map<string, Promise<CryptoKey>>()
const HMAC_KEYS = 1000

function hmacKeyOf(hash: HmacHash, secret: string): Promise<CryptoKey> {
  const id = `${hash}:${secret}`
  let key = hmacKeys.get(id)
  if (!key) {
    if (hmacKeys.size >= HMAC_KEYS) hmacKeys.delete(hmacKeys.keys().next().value as string)
    key = importHmacKey(hash, utf8(secret))
    key.catch(() => hmacKeys.delete(id))
    hmacKeys.set(id, key)
  }
  return key
}

/** HMAC of `data` with `key` (a string is its UTF-8 bytes): node:crypto where there is one, else Web Crypto. */
export async function hmac(hash: HmacHash, key: string | Uint8Array, data: Uint8Array | string): Promise<Uint8Array> {
  const message = typeof data === 'string' ? utf8(data) : data
  if (nodeCrypto) return plain(nodeCrypto.createHmac(nodeHash[hash], key).update(message).digest())
  const cryptoKey = typeof key === 'string' ? await hmacKeyOf(hash, key) : await importHmacKey(hash, key)
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message as BufferSource))
}

/**
 * Whether any received signature equals the HMAC computed with any secret. Every
 * comparison is of bytes in constant time; a received value that did not decode is `null`
 * and matches nothing.
 */
export async function anyHmacMatches(
  secrets: readonly string[],
  compute: (secret: string) => Promise<Uint8Array | null>,
  received: readonly (Uint8Array | null)[],
): Promise<boolean> {
  let matched = false
  for (const secret of secrets) {
    const expected = await compute(secret)
    if (!expected) continue
    for (const candidate of received) if (candidate && timingSafeEqual(expected, candidate)) matched = true
  }
  return matched
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** Bytes of a hex string, or null when it is not one (odd length, other characters). */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Bytes of a base64 (or base64url) string, padding optional, or null when it is not one. */
export function fromBase64(value: string): Uint8Array | null {
  const normalised = value.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(normalised) || normalised.length % 4 === 1) return null
  try {
    const binary = atob(normalised + '='.repeat((4 - (normalised.length % 4)) % 4))
    return Uint8Array.from(binary, (char) => char.charCodeAt(0))
  } catch {
    return null
  }
}

/** `n` random bytes from Web Crypto. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n))

/** A header's value, trimmed, or null when it is missing or empty. */
export function header(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.trim()
  return value ? value : null
}

/** The parsed JSON of a body, or undefined when it is not JSON. */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(text(body))
  } catch {
    return undefined
  }
}

/** A property of a JSON object, or undefined. */
export function field(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

/** A JSON string property, or null. */
export function stringField(value: unknown, ...path: readonly (string | number)[]): string | null {
  const found = field(value, ...path)
  return typeof found === 'string' && found !== '' ? found : typeof found === 'number' ? String(found) : null
}

// Reasons: short, and never a secret or a signature (they go into logs and 401 bodies).
export const refuse = (reason: string): Verification => ({ ok: false, reason })
export const accepted: Verification = { ok: true }
export const noSecret = (what = 'signing secret'): Verification =>
  refuse(`no ${what} is set for this webhook: events are refused until it is`)
export const missingHeader = (name: string): Verification => refuse(`missing ${name} header`)
export const malformedHeader = (name: string): Verification => refuse(`malformed ${name} header`)
export const mismatch = (name: string): Verification => refuse(`${name} does not match the body`)

/**
 * Checks a signed timestamp (seconds since the epoch) against the clock: a replay outside
 * `context.toleranceSeconds`, either way, is refused.
 */
export function checkTimestamp(seconds: number, context: SchemeContext, name: string): Verification | null {
  if (!Number.isFinite(seconds)) return malformedHeader(name)
  const skew = Math.abs(context.now.getTime() / 1000 - seconds)
  if (skew > context.toleranceSeconds) {
    return refuse(`${name} is outside the ${context.toleranceSeconds} s tolerance (a replay or a skewed clock)`)
  }
  return null
}

/** An integer in a header (digits only), or NaN. */
export const integerHeader = (value: string): number => (/^\d{1,16}$/.test(value) ? Number(value) : Number.NaN)

/**
 * A secret spec. `pattern` checks the form; `generate` defaults to 32 random bytes as hex
 * (256 bits), which fits every provider that accepts a secret of ours.
 */
export function secretSpec(
  source: SecretSpec['source'],
  formHint: string,
  valid: (secret: string) => boolean,
  generate: () => string = () => toHex(randomBytes(32)),
): SecretSpec {
  return {
    source,
    formHint,
    validate: (secret) =>
      secret !== secret.trim() ? 'must not start or end with spaces' : valid(secret) ? null : `expected ${formHint}`,
    generate,
  }
}

/** `min` to `max` printable ASCII characters, no whitespace. */
export const plainToken =
  (min: number, max = 512) =>
  (secret: string): boolean =>
    secret.length >= min && secret.length <= max && /^[\x21-\x7e]+$/.test(secret)

/** `min` to `max` characters of any kind but control characters (spaces inside are fine). */
export const printable =
  (min: number, max = 512) =>
  (secret: string): boolean =>
    secret.length >= min && secret.length <= max && [...secret].every((char) => char >= ' ' && char !== '\u007f')

/** How a scheme that signs with one HMAC header reads and computes it. */
export interface HmacHeaderOptions {
  /** The header's name as the provider documents it (used in reasons). */
  readonly header: string
  /** What precedes the digest, e.g. `sha256=`; matched case-insensitively. */
  readonly prefix?: string
  readonly hash: HmacHash
  readonly encoding: 'hex' | 'base64'
  /** The HMAC key of a secret (its UTF-8 bytes by default); null when the secret cannot be one. */
  readonly key?: (secret: string) => Uint8Array | null
  /** The signed bytes (the raw body by default). */
  readonly content?: Uint8Array
  /** Several signatures in one header, split by this (each one checked). */
  readonly separator?: string
}

/** The received digests of an HMAC header, decoded (null for one that does not decode). */
export function readDigests(value: string, options: HmacHeaderOptions): (Uint8Array | null)[] | null {
  const parts = options.separator ? value.split(options.separator) : [value]
  const digests: (Uint8Array | null)[] = []
  for (const raw of parts) {
    const part = raw.trim()
    if (!part) continue
    const prefix = options.prefix ?? ''
    if (part.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) {
      digests.push(null)
      continue
    }
    const digest = part.slice(prefix.length)
    digests.push(options.encoding === 'hex' ? fromHex(digest) : fromBase64(digest))
  }
  return digests.some(Boolean) ? digests : null
}

/**
 * Verifies a body HMAC carried in one header against every secret: missing header, no
 * secret, a header that does not parse and a digest that does not match each have a reason.
 */
export async function verifyHmacHeader(
  request: { readonly headers: Headers; readonly body: Uint8Array },
  context: SchemeContext,
  options: HmacHeaderOptions,
): Promise<Verification> {
  const value = header(request.headers, options.header)
  if (!value) return missingHeader(options.header)
  if (context.secrets.length === 0) return noSecret()
  const digests = readDigests(value, options)
  if (!digests) return malformedHeader(options.header)
  const content = options.content ?? request.body
  const matched = await anyHmacMatches(
    context.secrets,
    async (secret) => {
      const key = options.key ? options.key(secret) : secret
      return key === null ? null : hmac(options.hash, key, content)
    },
    digests,
  )
  return matched ? accepted : mismatch(options.header)
}

/** The header value `verifyHmacHeader` accepts for `content` signed with `secret`. */
export async function signHmacHeader(
  secret: string,
  content: Uint8Array,
  options: Pick<HmacHeaderOptions, 'prefix' | 'hash' | 'encoding' | 'key'>,
): Promise<string> {
  const key = options.key ? options.key(secret) : secret
  if (key === null) throw new TypeError('the secret does not have the form this scheme signs with')
  const digest = await hmac(options.hash, key, content)
  return (options.prefix ?? '') + (options.encoding === 'hex' ? toHex(digest) : toBase64(digest))
}
