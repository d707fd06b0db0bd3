import type { IntegrationCatalog } from 'integration-webhooks/core'
import { type RouteContext, receivePrefix, toApiWebhook } from './context'
import { HttpError } from './errors'
import type { LiveEventRecord, WebhookRecord, WebhookStore } from './store'

/** Events read per query, by the hub and by a resume. */
const PAGE = 500
/** How often the hub reads the log without a notification (a NOTIFY lost while the LISTEN connection was replaced). */
const POLL_MS = 2000
/** How often a gap in the ids is looked at again while the transaction that may fill it goes on. */
const GAP_RECHECK_MS = 15
/**
 * The longest a gap in the ids holds back the events after it. A gap is a transaction that
 * took an id and has not committed (its event comes; ours commit within milliseconds) or
 * one that rolled back (it never comes: seen as soon as that transaction is gone). Only a
 * transaction left open that long, writing events, meets this limit.
 */
const GAP_WAIT_MS = 5000
/** A client that reads slower than events arrive is cut off past this many queued bytes (it resumes with Last-Event-ID). */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024

/** One stream's place in the hub: its user, and where its events go. */
interface Subscriber {
  readonly userId: string
  /** The user's events of one batch, in id order (written to the socket as one chunk). */
  receive(events: readonly LiveEventRecord[]): void
}

/**
 * One per store (per process): the only LISTEN, shared by every stream of every server on
 * that store. It reads each batch of new events once (the rows only of users who have a
 * stream here), in id order, and hands each to its user's streams. Its cursor advances over
 * an id only when everything before it is settled, so an event committed late (ids are
 * taken before commit) is never skipped, on any instance.
 */
class Hub {
  readonly #store: WebhookStore
  readonly #report: (error: unknown) => void
  readonly #subscribers = new Map<string, Set<Subscriber>>()
  #count = 0
  /** Every event up to here is delivered or gone for good. */
  #cursor = 0
  #lifecycle: Promise<void> = Promise.resolve()
  #running = false
  #unsubscribe: (() => Promise<void>) | null = null
  #poll: ReturnType<typeof setInterval> | undefined
  #recheck: ReturnType<typeof setTimeout> | undefined
  #gap: { writers: Set<string>; upTo: number; since: number; settled: boolean } | null = null
  /** The read under way (a stream registers between reads, so the rows of its user are in the next one). */
  #busy: Promise<void> | null = null
  #again = false
  /** The read loop runs (a read, or the pause between two in which streams register). */
  #looping = false
  #waiting = 0
  /**
   * The newest id a NOTIFY announced. A statement's events come with one NOTIFY each (an
   * execution and its webhook's counters: two), all committed together: the first read
   * takes them all, and a NOTIFY whose id the cursor has passed asks for no read of its own.
   */
  #announced = 0

  constructor(store: WebhookStore, report: (error: unknown) => void) {
    this.#store = store
    this.#report = report
  }

  /** Streams registered now. */
  get size(): number {
    return this.#count
  }

  /**
   * Adds a stream; resolves to the cursor at that moment: the stream gets every event after
   * it from the hub, and reads anything before it (a resume) from the log itself.
   */
  async add(subscriber: Subscriber): Promise<number> {
    this.#count++
    try {
      await this.#start()
      this.#waiting++
      try {
        while (this.#busy) await this.#busy
      } finally {
        this.#waiting--
      }
    } catch (error) {
      this.#count--
      if (this.#count === 0) void this.#stop()
      throw error
    }
    let set = this.#subscribers.get(subscriber.userId)
    if (!set) {
      set = new Set()
      this.#subscribers.set(subscriber.userId, set)
    }
    set.add(subscriber)
    return this.#cursor
  }

  /** Removes a stream; the last one out stops the LISTEN and the timers. */
  remove(subscriber: Subscriber): void {
    const set = this.#subscribers.get(subscriber.userId)
    if (!set?.delete(subscriber)) return
    if (set.size === 0) this.#subscribers.delete(subscriber.userId)
    this.#count--
    if (this.#count === 0) void this.#stop()
  }

  #start(): Promise<void> {
    // After a failed start (the database was down), the next stream tries again.
    this.#lifecycle = this.#lifecycle
      .catch(() => {})
      .then(async () => {
        if (this.#running || this.#count === 0) return
        const store = this.#store as Required<Pick<WebhookStore, 'readEvents' | 'subscribeEvents' | 'eventWriters'>>
        this.#unsubscribe = await store.subscribeEvents((newestId) => this.kick(newestId))
        try {
          // Ids up to the newest committed one are settled once the transactions writing
          // events now are over (any of them may hold an id below it).
          const { newest } = await store.readEvents({ after: Number.MAX_SAFE_INTEGER, limit: 0 })
          const writers = new Set(await store.eventWriters())
          const since = Date.now()
          while (writers.size > 0 && Date.now() - since < GAP_WAIT_MS) {
            const now = await store.eventWriters()
            if (!now.some((writer) => writers.has(writer))) break
            await new Promise((resolve) => setTimeout(resolve, GAP_RECHECK_MS))
          }
          this.#cursor = newest ?? 0
        } catch (error) {
          const unsubscribe = this.#unsubscribe
          this.#unsubscribe = null
          await unsubscribe().catch(() => {})
          throw error
        }
        this.#gap = null
        this.#running = true
        this.#poll = setInterval(() => this.kick(), POLL_MS)
        // What was committed while starting (its NOTIFY came before the hub ran).
        this.kick()
      })
    return this.#lifecycle
  }

  #stop(): Promise<void> {
    this.#lifecycle = this.#lifecycle
      .catch(() => {})
      .then(async () => {
        if (!this.#running || this.#count > 0) return
        this.#running = false
        clearInterval(this.#poll)
        clearTimeout(this.#recheck)
        this.#recheck = undefined
        while (this.#busy) await this.#busy.catch(() => {})
        const unsubscribe = this.#unsubscribe
        this.#unsubscribe = null
        await unsubscribe?.().catch((error) => this.#report(error))
      })
    return this.#lifecycle
  }

  /**
   * Something was committed up to `newestId` (a NOTIFY), or it is time to look (the poll, a
   * gap's recheck): reads what is new. A NOTIFY for ids already read reads nothing; one that
   * comes during a read is read after it only if that read did not reach its id.
   */
  kick(newestId?: number): void {
    if (!this.#running) return
    if (newestId === undefined) this.#again = true
    else if (newestId > this.#cursor) {
      this.#announced = Math.max(this.#announced, newestId)
      if (this.#busy) return
      this.#again = true
    } else return
    if (!this.#looping) void this.#loop()
  }

  async #loop(): Promise<void> {
    this.#looping = true
    try {
      await this.#reads()
    } finally {
      this.#looping = false
    }
  }

  async #reads(): Promise<void> {
    while (this.#again && this.#running) {
      this.#again = false
      const read = this.#readOnce().catch((error) => {
        this.#report(error)
        return true
      })
      this.#busy = read.then(() => {})
      // Held back (a gap, or a failed read): the recheck or the poll reads again, not the NOTIFY.
      const held = await read
      this.#busy = null
      if (!held && this.#announced > this.#cursor) this.#again = true
      // Streams waiting to register come in between two reads.
      if (this.#waiting > 0) await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }

  /** Reads and hands out what is new; true when a gap in the ids held the rest back. */
  async #readOnce(): Promise<boolean> {
    const store = this.#store as Required<Pick<WebhookStore, 'readEvents' | 'eventWriters'>>
    const gap = this.#gap
    if (gap && !gap.settled) {
      const writers = await store.eventWriters()
      gap.settled = !writers.some((writer) => gap.writers.has(writer)) || Date.now() - gap.since > GAP_WAIT_MS
    }
    const users = [...this.#subscribers.keys()]
    const { events } = await store.readEvents({ after: this.#cursor, withRowsFor: users, limit: PAGE })
    const batches = new Map<string, LiveEventRecord[]>()
    const deliver = () => {
      for (const [user, batch] of batches) {
        const set = this.#subscribers.get(user)
        if (set) for (const subscriber of set) subscriber.receive(batch)
      }
    }
    for (const event of events) {
      const current = this.#gap
      if (event.id !== this.#cursor + 1 && !(current?.settled && event.id <= current.upTo)) {
        // An id before this one is not visible yet: hold back until it is, or is known gone.
        if (!current || current.settled) {
          const last = events[events.length - 1] as LiveEventRecord
          this.#gap = { writers: new Set(await store.eventWriters()), upTo: last.id, since: Date.now(), settled: false }
        }
        clearTimeout(this.#recheck)
        this.#recheck = setTimeout(() => this.kick(), GAP_RECHECK_MS)
        deliver()
        return true
      }
      this.#cursor = event.id
      if (this.#gap && this.#cursor >= this.#gap.upTo) this.#gap = null
      if (!event.loaded || !this.#subscribers.has(event.user_id)) continue
      const batch = batches.get(event.user_id)
      if (batch) batch.push(event)
      else batches.set(event.user_id, [event])
    }
    deliver()
    if (events.length === PAGE) this.#again = true
    return false
  }
}

const hubs = new WeakMap<WebhookStore, Hub>()

function hubOf(store: WebhookStore, report: (error: unknown) => void): Hub {
  let hub = hubs.get(store)
  if (!hub) {
    hub = new Hub(store, report)
    hubs.set(store, hub)
  }
  return hub
}

/** How many streams the process holds on a store (tests, and a host's metrics). @internal */
export function openStreamCount(store: WebhookStore): number {
  return hubs.get(store)?.size ?? 0
}

/** The live stream's settings. @internal */
export interface LiveStreamOptions {
  store: WebhookStore
  catalog: IntegrationCatalog
  heartbeatMs: number
  maxStreamsPerUser: number
  report: (error: unknown) => void
}

const encoder = new TextEncoder()
const RETRY = encoder.encode('retry: 3000\n\n')
const PING = encoder.encode(': ping\n\n')

/** A `Last-Event-ID`: null when absent, NaN when malformed. */
function lastEventId(request: Request): number | null {
  const value = request.headers.get('last-event-id')?.trim()
  if (!value) return null
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN
}

/**
 * The server's live streams: opens one per request, holds a per-user count (in this
 * process), and closes them all on shutdown.
 * @internal
 */
export function createLiveStreams(options: LiveStreamOptions) {
  const { store, catalog } = options
  const perUser = new Map<string, number>()
  const open = new Set<() => void>()
  // Each event is written once per receiving URL prefix, however many streams its user has.
  const formatted = new WeakMap<LiveEventRecord, Map<string, Uint8Array | null>>()
  // And each batch the hub hands out is one chunk per prefix, shared by the streams it reaches.
  const batchChunks = new WeakMap<readonly LiveEventRecord[], Map<string, Uint8Array | null>>()
  const supported = Boolean(store.readEvents && store.subscribeEvents && store.eventWriters)

  async function stream(context: RouteContext): Promise<Response> {
    if (!supported) throw new HttpError('not_found', 'Not found')
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    }
    if (context.request.method === 'HEAD') return new Response(null, { status: 200, headers })
    const { userId, request } = context
    const resumeAfter = lastEventId(request)
    const held = perUser.get(userId) ?? 0
    if (held >= options.maxStreamsPerUser) {
      throw new HttpError(
        'too_many_streams',
        `This user already has ${options.maxStreamsPerUser} live streams open: close one, or poll`,
        { headers: { 'retry-after': '10' } },
      )
    }
    perUser.set(userId, held + 1)

    const hub = hubOf(store, options.report)
    const prefix = receivePrefix(context)
    let controller!: ReadableStreamDefaultController<Uint8Array>
    let closed = false
    let cursor = 0
    /** Live events that came while the resume was read from the log: sent after it. */
    let buffer: LiveEventRecord[] | null = []
    let heartbeat: ReturnType<typeof setInterval> | undefined

    const format = (event: LiveEventRecord): Uint8Array | null => {
      let byPrefix = formatted.get(event)
      if (!byPrefix) {
        byPrefix = new Map()
        formatted.set(event, byPrefix)
      }
      let bytes = byPrefix.get(prefix)
      if (bytes !== undefined) return bytes
      let data: string | null = null
      if (event.kind === 'execution') {
        if (event.execution) data = JSON.stringify({ webhook_id: event.webhook_id, execution: event.execution })
      } else {
        // The hub's record is shared by every stream: each completes its own copy.
        const webhook = event.webhook
          ? toApiWebhook(structuredClone(event.webhook as WebhookRecord), prefix, catalog)
          : null
        data = JSON.stringify({ webhook_id: event.webhook_id, webhook })
      }
      bytes = data === null ? null : encoder.encode(`id: ${event.id}\nevent: ${event.kind}\ndata: ${data}\n\n`)
      byPrefix.set(prefix, bytes)
      return bytes
    }
    const write = (bytes: Uint8Array) => {
      if (closed) return
      controller.enqueue(bytes)
      // A client that does not read: let it go (it resumes where it was), rather than queue without end.
      if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) finish(true)
    }
    /** The frames of these events, as one chunk (null when none has a frame). */
    const chunkOf = (events: readonly LiveEventRecord[]): Uint8Array | null => {
      const parts: Uint8Array[] = []
      let size = 0
      for (const event of events) {
        const bytes = format(event)
        if (!bytes) continue
        parts.push(bytes)
        size += bytes.byteLength
      }
      if (parts.length <= 1) return parts[0] ?? null
      const chunk = new Uint8Array(size)
      let at = 0
      for (const part of parts) {
        chunk.set(part, at)
        at += part.byteLength
      }
      return chunk
    }
    /** Writes the events after the cursor, as one chunk. */
    const send = (events: readonly LiveEventRecord[]) => {
      const first = events[0]
      const last = events[events.length - 1]
      if (!first || !last || last.id <= cursor) return
      let chunk: Uint8Array | null
      if (first.id > cursor) {
        // All of the batch is new here (the hub's batch, as every stream of its user gets it):
        // its chunk is made once for them all.
        let byPrefix = batchChunks.get(events)
        if (!byPrefix) {
          byPrefix = new Map()
          batchChunks.set(events, byPrefix)
        }
        chunk = byPrefix.get(prefix) ?? null
        if (!byPrefix.has(prefix)) {
          chunk = chunkOf(events)
          byPrefix.set(prefix, chunk)
        }
      } else chunk = chunkOf(events.filter((event) => event.id > cursor))
      cursor = last.id
      if (chunk && !closed) write(chunk)
    }
    const subscriber: Subscriber = {
      userId,
      receive(events) {
        if (closed) return
        if (buffer) buffer.push(...events)
        else send(events)
      },
    }
    const onAbort = () => finish(true)
    function finish(close: boolean) {
      if (closed) return
      closed = true
      clearInterval(heartbeat)
      request.signal.removeEventListener('abort', onAbort)
      open.delete(onAbort)
      hub.remove(subscriber)
      const left = (perUser.get(userId) ?? 1) - 1
      if (left > 0) perUser.set(userId, left)
      else perUser.delete(userId)
      buffer = null
      if (close) {
        try {
          controller.close()
        } catch {
          // Already closed or cancelled.
        }
      }
    }

    const body = new ReadableStream<Uint8Array>(
      {
        start(c) {
          controller = c
        },
        cancel() {
          finish(false)
        },
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
    )
    open.add(onAbort)
    request.signal.addEventListener('abort', onAbort, { once: true })
    if (request.signal.aborted) finish(true)

    write(RETRY)
    // Registered before the response: whatever commits after the client has its 200 reaches it.
    let start: number
    try {
      start = await hub.add(subscriber)
    } catch (error) {
      finish(true)
      throw error
    }
    if (closed) hub.remove(subscriber)
    else heartbeat = setInterval(() => write(PING), options.heartbeatMs)
    cursor = start
    // A new client's resume point: without it, a client that saw no event yet would reconnect
    // without Last-Event-ID and miss whatever happened while it was away.
    if (resumeAfter === null) write(encoder.encode(`id: ${start}\n\n`))

    async function resume() {
      if (resumeAfter !== null) {
        const reset = () => write(encoder.encode(`id: ${start}\nevent: reset\ndata: {}\n\n`))
        if (Number.isNaN(resumeAfter)) reset()
        else {
          // What was missed, from the log (after the id, up to where the hub took over).
          let after = resumeAfter
          for (let first = true; ; first = false) {
            const page = await (store.readEvents as NonNullable<WebhookStore['readEvents']>)({
              after,
              upTo: start,
              userId,
              limit: PAGE,
            })
            if (closed) return
            if (
              first &&
              ((page.newest === null ? resumeAfter > 0 : resumeAfter > page.newest) ||
                (page.oldest !== null && resumeAfter < page.oldest - 1))
            ) {
              reset()
              break
            }
            cursor = after
            send(page.events)
            const last = page.events[page.events.length - 1]
            if (!last || page.events.length < PAGE) break
            after = last.id
          }
          cursor = Math.max(cursor, start)
        }
      }
      const waiting = buffer ?? []
      buffer = null
      send(waiting)
    }
    if (!closed) {
      resume().catch((error) => {
        options.report(error)
        finish(true)
      })
    }

    return new Response(body, { status: 200, headers })
  }

  return {
    stream,
    /** Ends every stream this server holds. */
    closeAll() {
      for (const close of [...open]) close()
    },
  }
}
