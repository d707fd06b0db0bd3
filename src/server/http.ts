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

/** What a light response of ours is made of, and the real `Response` once one was needed. @internal */
export interface ResponseParts {
  readonly status: number
  /** Lower-case names; written as they are by the Node adapter. */
  readonly headers: Record<string, string>
  readonly text: string | null
  /** The `Headers` given to a reader of `response.headers` (written instead of `headers` once made). */
  headersObject?: Headers
  real?: Response
}

const parts = Symbol('integration-webhooks.response')
type LightResponse = Response & { [parts]: ResponseParts }

/**
 * The handler's internal entry point for the Node adapter: it answers with the server's own
 * responses as they are made (light: see {@link lightParts}), which the adapter writes
 * without a Web `Response`. `handle()` gives everyone else real ones. @internal
 */
export const handleLight = Symbol('integration-webhooks.handle-light')

function realOf(p: ResponseParts): Response {
  if (!p.real) {
    p.real = new Response(p.text, { status: p.status, headers: p.headersObject ?? p.headers })
    if (p.text !== null) responseTexts.set(p.real, p.text)
  }
  return p.real
}

let prototype: object | null = null

/**
 * Built on first use: an object whose chain ends in `Response.prototype` (so `instanceof
 * Response`), answering `status`, `ok` and `headers` itself and everything else (the body,
 * `json()`, `clone()`…) from a real `Response` made when first asked.
 */
function lightPrototype(): object {
  if (prototype) return prototype
  const own: PropertyDescriptorMap = {
    status: {
      get(this: LightResponse) {
        return this[parts].status
      },
    },
    ok: {
      get(this: LightResponse) {
        const { status } = this[parts]
        return status >= 200 && status < 300
      },
    },
    headers: {
      get(this: LightResponse) {
        const p = this[parts]
        if (p.real) return p.real.headers
        if (!p.headersObject) p.headersObject = new Headers(p.headers)
        return p.headersObject
      },
    },
  }
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(Response.prototype))) {
    if (name === 'constructor' || name in own) continue
    if (typeof descriptor.value === 'function') {
      own[name] = {
        value(this: LightResponse, ...args: unknown[]) {
          const real = realOf(this[parts])
          return (real[name as keyof Response] as (...a: unknown[]) => unknown).apply(real, args)
        },
      }
    } else if (descriptor.get) {
      own[name] = {
        get(this: LightResponse) {
          return realOf(this[parts])[name as keyof Response]
        },
      }
    }
  }
  // The runtime's own slots (undici's state and headers): what its functions read from a Response.
  for (const slot of Object.getOwnPropertySymbols(new Response(null))) {
    own[slot as unknown as string] = {
      get(this: LightResponse) {
        return (realOf(this[parts]) as unknown as Record<symbol, unknown>)[slot]
      },
    }
  }
  prototype = Object.create(Response.prototype, own) as object
  return prototype
}

function lightResponse(status: number, headers: Record<string, string>, text: string | null): Response {
  const response = Object.create(lightPrototype()) as LightResponse
  response[parts] = { status, headers, text }
  return response
}

/** What a light response of ours is made of; undefined for any other response. @internal */
export function lightParts(response: Response): ResponseParts | undefined {
  return (response as Partial<LightResponse>)[parts]
}

/** A real `Response` for callers of `handle()`: a light one made real, any other as it is. @internal */
export function standardResponse(response: Response): Response {
  const p = lightParts(response)
  return p ? realOf(p) : response
}

/** The answer to `HEAD`: the response's status and headers, without its body. @internal */
export function withoutBody(response: Response): Response {
  const p = lightParts(response)
  if (p && !p.real && !p.headersObject) return lightResponse(p.status, { ...p.headers }, null)
  return new Response(null, { status: response.status, headers: response.headers })
}

/** A JSON response with the server's common headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return lightResponse(
    status,
    { 'content-type': 'application/json; charset=utf-8', ...baseHeaders, ...headers },
    JSON.stringify(body),
  )
}

/** A response without a body (204). */
export function empty(status = 204): Response {
  return lightResponse(status, { ...baseHeaders }, null)
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
