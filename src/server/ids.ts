import { HttpError } from './errors'

/**
 * Whether a path segment (already percent-decoded) can be a webhook or execution id:
 * 1–128 characters of `A-Z a-z 0-9 . _ ~ : -`, and not `.` or `..`. Anything else
 * (slashes, control characters, spaces, dot segments, overlong) answers 404 before any query.
 */
export function isWellFormedId(value: string): boolean {
  return value.length <= 128 && /^[A-Za-z0-9._~:-]+$/.test(value) && value !== '.' && value !== '..'
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/')
  return atob(padded + '='.repeat((4 - (padded.length % 4)) % 4))
}

/** A new webhook id (a random UUID). */
export function newId(): string {
  return crypto.randomUUID()
}

/**
 * A new receiving token: 32 random bytes (256 bits) from Web Crypto, base64url.
 * It routes an inbound event to exactly one webhook and cannot be guessed; it is not the id.
 */
export function newReceiveToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)))
}

/** Where a page of executions ends: the last row's sort key. */
export interface ExecutionCursor {
  triggeredAt: string
  id: string
}

/**
 * The opaque `next_cursor` of an executions page: the webhook it belongs to and the last
 * row's `(triggered_at, id)`, base64url-encoded JSON.
 */
export function encodeCursor(webhookId: string, position: ExecutionCursor): string {
  return base64url(new TextEncoder().encode(JSON.stringify([webhookId, position.triggeredAt, position.id])))
}

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Reads a cursor back; one that is malformed, or was made for another webhook, is a 400.
 *
 * @throws {HttpError} `invalid_cursor`
 */
export function decodeCursor(webhookId: string, cursor: string): ExecutionCursor {
  const invalid = () =>
    new HttpError('invalid_cursor', 'The cursor is not valid for this webhook: start from the first page')
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid()
  let parsed: unknown
  try {
    const binary = fromBase64url(cursor)
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
    )
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid()
  const [forWebhook, triggeredAt, id] = parsed as unknown[]
  if (forWebhook !== webhookId || typeof triggeredAt !== 'string' || typeof id !== 'string') throw invalid()
  if (!isoTimestamp.test(triggeredAt) || Number.isNaN(Date.parse(triggeredAt)) || !isWellFormedId(id)) throw invalid()
  return { triggeredAt, id }
}
