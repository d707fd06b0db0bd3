import { HttpError } from './errors'

const baseHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

/**
 * The bytes a request was made with, where the Node adapter read them before calling the
 * handler (`toNodeListener`, small bodies with a `Content-Length`): `readBodyBytes` takes
 * them from here instead of pulling the request's Web stream chunk by chunk. The request
 * still carries the same body for any other reader. @internal
 */
export const bufferedBodies = new WeakMap<Request, Uint8Array>()

/**
 * The text a response of ours was made with (`json`): the Node adapter writes it with one
 * `end()` and a `Content-Length` instead of reading the response's Web stream. The response
 * still carries the same body for any other reader (`server.handle` callers, Next.js). @internal
 */
export const responseTexts = new WeakMap<Response, string>()

/** A JSON response with the server's common headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body)
  const response = new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...baseHeaders, ...headers },
  })
  responseTexts.set(response, text)
  return response
}

/** A response without a body (204). */
export function empty(status = 204): Response {
  return new Response(null, { status, headers: baseHeaders })
}

/** The JSON error response for an {@link HttpError}. */
export function errorResponse(error: HttpError): Response {
  const body: Record<string, unknown> = { error: error.message, code: error.code }
  if (error.issues?.length) body.issues = error.issues
  return json(body, error.status, error.headers)
}

function isJsonContentType(value: string | null): boolean {
  if (!value) return false
  const type = value.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)
}

/**
 * Reads a request body as bytes, no further than `limit`: a `Content-Length` over it is
 * refused before reading, and a body that grows past it (chunked, or a lying length) is
 * cancelled at the limit.
 *
 * @throws {HttpError} `payload_too_large` (413)
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit)
  const buffered = bufferedBodies.get(request)
  if (buffered) {
    if (buffered.byteLength > limit) throw tooLarge(limit)
    return buffered
  }
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

function tooLarge(limit: number): HttpError {
  return new HttpError('payload_too_large', `The request body is larger than ${limit} bytes`)
}

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * The JSON body of an API request: `application/json` (or `…+json`), at most `limit`
 * bytes, well-formed UTF-8 JSON.
 *
 * @throws {HttpError} 415 for another content type, 413 over the limit, 400 when it is
 * empty or not JSON.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    throw new HttpError('unsupported_media_type', 'The request body must be JSON (Content-Type: application/json)')
  }
  const bytes = await readBodyBytes(request, limit)
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    throw new HttpError('invalid_json', 'The request body is not valid UTF-8')
  }
  if (text.trim() === '') throw new HttpError('invalid_json', 'The request body is empty: a JSON object is required')
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError('invalid_json', 'The request body is not valid JSON')
  }
}
