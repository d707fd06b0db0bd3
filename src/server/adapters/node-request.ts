/**
 * The Web `Request` the Node adapter hands the handler: an object whose prototype is
 * `Request.prototype` (so `request instanceof Request`) that answers `method`, `url`,
 * `headers`, `signal` and the reads of a body the adapter buffered (`text`, `json`,
 * `arrayBuffer`, `bytes`) itself, and builds a real `Request` only when something else is
 * read (`body`, `clone()`, `blob()`, `formData()`, `cache`…, or `new Request(request)`).
 * What it saves per request: undici's `Request` (a copy of every header, a body stream, an
 * `AbortSignal` it follows), and the `AbortController` nobody reads. The same idea as
 * `@hono/node-server`'s request.ts. No `node:` import: the entry still loads everywhere.
 */

/** Everything one request needs to answer for itself, and the real `Request` once built. @internal */
interface RequestState {
  readonly url: string
  readonly method: string
  readonly headerSource: () => Headers
  /** The body's bytes, read whole by the adapter; null: read from `init` instead. */
  readonly bytes: Uint8Array | null
  /** The body of the real `Request` when the adapter did not read it (a stream, a parser's result). */
  readonly init: (() => BodyInit) | null
  headers?: Headers
  controller?: AbortController
  closed: boolean
  /** Read through `text()`/`json()`/`arrayBuffer()`/`bytes()` without a real `Request`. */
  used: boolean
  real?: Request
}

const state = Symbol('integration-webhooks.request')
type Light = Request & { [state]: RequestState }

const unusable = () => new TypeError('Body is unusable: Body has already been read')

function stateOf(request: Request): RequestState {
  return (request as Light)[state]
}

function signalOf(s: RequestState): AbortSignal {
  if (!s.controller) {
    s.controller = new AbortController()
    if (s.closed) s.controller.abort()
  }
  return s.controller.signal
}

function headersOf(s: RequestState): Headers {
  if (!s.headers) s.headers = s.headerSource()
  return s.headers
}

/** The real `Request` behind a light one, built the first time something needs it. */
function realOf(s: RequestState): Request {
  if (s.real) return s.real
  let body: BodyInit | null = null
  if (s.method !== 'GET' && s.method !== 'HEAD') {
    if (s.used) {
      // Read already: an empty body, locked below, like a consumed Request's.
      body = new ReadableStream({
        start(controller) {
          controller.close()
        },
      })
    } else body = s.bytes ? (s.bytes as BodyInit) : s.init ? s.init() : null
  }
  const real = new Request(s.url, {
    method: s.method,
    headers: headersOf(s),
    body,
    signal: signalOf(s),
    duplex: 'half',
  } as RequestInit)
  if (s.used) real.body?.getReader()
  s.real = real
  return real
}

/** A body read without a real `Request`: once, from the buffered bytes. */
function readOnce<T>(request: Request, name: 'text' | 'json' | 'arrayBuffer' | 'bytes', read: (b: Uint8Array) => T) {
  const s = stateOf(request)
  if (s.real || !s.bytes) return (realOf(s)[name] as () => Promise<T>).call(s.real)
  if (s.used) return Promise.reject(unusable())
  s.used = true
  try {
    return Promise.resolve(read(s.bytes))
  } catch (error) {
    return Promise.reject(error)
  }
}

const decoder = new TextDecoder()

let prototype: object | null = null

/** Built on first use (not at load): the prototype's chain ends in this runtime's `Request.prototype`. */
function lightPrototype(): object {
  if (prototype) return prototype
  const own: PropertyDescriptorMap = {
    method: {
      get(this: Light) {
        return this[state].method
      },
    },
    url: {
      get(this: Light) {
        return this[state].url
      },
    },
    headers: {
      get(this: Light) {
        return headersOf(this[state])
      },
    },
    signal: {
      get(this: Light) {
        return signalOf(this[state])
      },
    },
    bodyUsed: {
      get(this: Light) {
        const s = this[state]
        return s.used || (s.real?.bodyUsed ?? false)
      },
    },
    text: {
      value(this: Light) {
        return readOnce(this, 'text', (bytes) => decoder.decode(bytes))
      },
    },
    json: {
      value(this: Light) {
        return readOnce(this, 'json', (bytes) => JSON.parse(decoder.decode(bytes)))
      },
    },
    arrayBuffer: {
      value(this: Light) {
        return readOnce(this, 'arrayBuffer', (bytes) => bytes.slice().buffer)
      },
    },
    bytes: {
      value(this: Light) {
        return readOnce(this, 'bytes', (bytes) => bytes.slice())
      },
    },
  }
  // Everything else the runtime's Request has (body, clone, blob, formData, cache, mode…)
  // is the real Request's.
  const members = Object.getOwnPropertyDescriptors(Request.prototype)
  for (const [name, descriptor] of Object.entries(members)) {
    if (name === 'constructor' || name in own) continue
    if (typeof descriptor.value === 'function') {
      own[name] = {
        value(this: Light, ...args: unknown[]) {
          const real = realOf(this[state])
          return (real[name as keyof Request] as (...a: unknown[]) => unknown).apply(real, args)
        },
      }
    } else if (descriptor.get) {
      own[name] = {
        get(this: Light) {
          return realOf(this[state])[name as keyof Request]
        },
      }
    }
  }
  // The runtime's own slots (undici's state, signal, headers symbols): what `new Request(request)`
  // and `fetch(request)` read from the Request they are given.
  for (const slot of Object.getOwnPropertySymbols(new Request('http://localhost/'))) {
    own[slot as unknown as string] = {
      get(this: Light) {
        return (realOf(this[state]) as unknown as Record<symbol, unknown>)[slot]
      },
    }
  }
  prototype = Object.create(Request.prototype, own) as object
  return prototype
}

/** Methods a Web `Request` refuses (the handler answered them 400 when the adapter built a real one). */
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK'])

/**
 * A light Web `Request`. `bytes`: the whole body, read by the adapter; otherwise `init`
 * gives the real Request's body when one is needed.
 * @throws {TypeError} for a method a Web `Request` cannot have. @internal
 */
export function lightRequest(
  url: string,
  method: string,
  headerSource: () => Headers,
  bytes: Uint8Array | null,
  init: (() => BodyInit) | null,
): Request {
  if (forbiddenMethods.has(method.toUpperCase())) throw new TypeError(`'${method}' HTTP method is unsupported.`)
  const request = Object.create(lightPrototype()) as Light
  request[state] = { url, method, headerSource, bytes, init, closed: false, used: false }
  return request
}

/** The client went away (or the answer ended): a light request's `signal` aborts, now or when first read. @internal */
export function closeLightRequest(request: Request): void {
  const s = stateOf(request)
  s.closed = true
  s.controller?.abort()
}
