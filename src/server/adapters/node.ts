import type { IncomingMessage, ServerResponse } from 'node:http'
import { bufferedBodies, handleLight, lightParts, responseTexts } from '../http'
import { closeLightRequest, lightRequest } from './node-request'

/** Something that answers Web requests: a `WebhookServer` or its `handle`. */
export type FetchHandler = ((request: Request) => Promise<Response>) | { handle(request: Request): Promise<Response> }

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /**
   * Read the client's protocol and host from `X-Forwarded-Proto` / `X-Forwarded-Host`
   * (only behind a proxy you run: anyone can send them).
   * @defaultValue false
   */
  trustProxy?: boolean
}

type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown }

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value?.split(',')[0]?.trim()
}

/** The request's body as a Web stream, pulled as it is read (no node:stream import: the entry loads in edge runtimes too). */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value))
    },
    cancel() {
      // Refused (over the limit) or dropped: read no further. The answer still goes out, on a
      // connection that closes after it (see toNodeListener).
      req.pause()
    },
  })
}

/**
 * Bodies up to this size that declare their length are read by the adapter before the
 * handler runs (one buffer, no Web stream per chunk): what events and API calls are. A
 * larger or chunked body is streamed, so the handler's own limit refuses it without reading on.
 */
const BUFFERED_BODY_BYTES = 64 * 1024

/** Whether the adapter reads the request's body itself: a small one of declared length, not read yet. */
function readsWhole(req: NodeRequest): boolean {
  if (req.body !== undefined || req.method === 'GET' || req.method === 'HEAD') return false
  const declared = req.headers['content-length']
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined || !/^\d+$/.test(declared)) return false
  return Number(declared) <= BUFFERED_BODY_BYTES
}

/** The whole body of a request; rejects when the client goes away before it ends. */
function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = []
    let size = 0
    req.on('data', (chunk: Uint8Array) => {
      chunks.push(chunk)
      size += chunk.byteLength
    })
    req.once('end', () => {
      if (chunks.length === 1) {
        const [only] = chunks as [Uint8Array]
        // A plain view of the bytes (not a Buffer: its slice() shares memory).
        resolve(new Uint8Array(only.buffer, only.byteOffset, only.byteLength))
        return
      }
      const bytes = new Uint8Array(size)
      let at = 0
      for (const chunk of chunks) {
        bytes.set(chunk, at)
        at += chunk.byteLength
      }
      resolve(bytes)
    })
    req.once('error', reject)
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the request before its body ended'))
    })
  })
}

/** The request's headers as Web `Headers` (HTTP/2 pseudo-headers left out). */
function headersOf(req: NodeRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.set(name, value)
  }
  return headers
}

/**
 * The Web `Request` for a Node request: a light one (see node-request.ts) that builds a
 * real `Request` only when something reads more than its method, URL, headers, signal or
 * the body the adapter read (`bytes`); its body streamed otherwise. @internal
 */
export function toWebRequest(req: NodeRequest, options: NodeListenerOptions = {}, bytes?: Uint8Array): Request {
  const encrypted = Boolean((req.socket as { encrypted?: boolean }).encrypted)
  const protocol = (options.trustProxy && first(req.headers['x-forwarded-proto'])) || (encrypted ? 'https' : 'http')
  const host = (options.trustProxy && first(req.headers['x-forwarded-host'])) || req.headers.host || 'localhost'
  // Express strips its mount path from req.url; originalUrl keeps it. The server accepts both.
  const url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${host}`).href
  const method = req.method ?? 'GET'
  let init: (() => BodyInit) | null = null
  if (!bytes && method !== 'GET' && method !== 'HEAD') {
    // A body parser that ran before us (express.json(), express.raw()) has read the stream.
    // Prefer mounting before body parsers: signatures need the exact bytes.
    const parsed = req.body
    if (typeof parsed === 'string' || parsed instanceof Uint8Array) init = () => parsed as BodyInit
    else if (parsed !== undefined && req.readableEnded) init = () => JSON.stringify(parsed)
    else init = () => streamOf(req)
  }
  const request = lightRequest(url, method, () => headersOf(req), bytes ?? null, init)
  if (bytes) bufferedBodies.set(request, bytes)
  return request
}

/**
 * Writes a Web `Response` to a Node response: a JSON response of ours with one `end()` (its
 * text and `Content-Length` in one write), any other body streamed as it is read (Server-Sent
 * Events reach the client as they are written). @internal
 */
export async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const light = lightParts(response)
  if (light && !light.real && !light.headersObject) {
    // One of the server's own responses, as it was made: no Web Response to read back.
    const { headers, text } = light
    if (text !== null) headers['content-length'] = String(Buffer.byteLength(text))
    res.writeHead(light.status, headers)
    res.end(text ?? undefined)
    return
  }
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  const text = response.bodyUsed ? undefined : responseTexts.get(response)
  if (text !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(text))
    res.writeHead(response.status, headers)
    res.end(text)
    return
  }
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  res.on('close', () => {
    reader.cancel().catch(() => {})
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value))
        await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve))
        // Streams (Server-Sent Events) must reach the client as they are written.
      ;(res as { flush?: () => void }).flush?.()
    }
  } catch {
    // The client went away, or the body failed mid-stream: nothing more can be sent.
  } finally {
    res.end()
  }
}

/**
 * A `node:http` request listener for a Web handler: mount the server in `node:http`,
 * Express or Connect in one line.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * createServer(toNodeListener(webhooks)).listen(3000)
 * // Express (before any body parser: the receiver verifies the exact bytes):
 * app.use('/api/integration-webhooks', toNodeListener(webhooks))
 * ```
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const own = typeof handler === 'function' ? undefined : (handler as { [handleLight]?: FetchHandler })[handleLight]
  const handle =
    typeof own === 'function' ? own : typeof handler === 'function' ? handler : handler.handle.bind(handler)
  return (req, res) => {
    // A WHATWG URL resolves `.` and `..` (also as %2e): `/api/integration-webhooks/..` would
    // reach another route. A path that has one is refused as it arrives.
    const rawPath = (req.url ?? '/').split('?')[0] ?? ''
    if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath)) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify({ error: 'Not found', code: 'not_found' }))
      return
    }
    // request.signal aborts when the client goes away (a live stream ends with it), also
    // when that happens before the request is made.
    let request: Request | undefined
    let closed = false
    res.on('close', () => {
      closed = true
      if (request) closeLightRequest(request)
    })
    const answer = (bytes?: Uint8Array) => {
      try {
        request = toWebRequest(req as NodeRequest, options, bytes)
      } catch {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ error: 'The request is not valid', code: 'bad_request' }))
        return
      }
      if (closed) closeLightRequest(request)
      handle(request)
        .then((response) => {
          // A body the handler left unread (refused at its limit): the connection closes after
          // the answer, rather than Node reading the rest to reuse it.
          if (!req.complete) res.shouldKeepAlive = false
          return writeWebResponse(response, res)
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          res.end(res.headersSent ? undefined : JSON.stringify({ error: 'Internal server error', code: 'internal' }))
        })
    }
    if (!readsWhole(req as NodeRequest)) answer()
    else
      readBody(req).then(answer, () => {
        // The client went away before its body ended: nobody is left to answer.
        res.destroy()
      })
  }
}
