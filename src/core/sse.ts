// An incremental parser for `text/event-stream`, as the HTML standard defines it:
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
//
// Pure: `feedSse(state, text)` returns the next state and what the text completed, so a chunk
// may end anywhere (inside a field name, between a CR and its LF, in the middle of a value) and
// any split of a stream gives the same events (test/core/sse.test.ts checks that with fast-check).
// The caller decodes bytes (a streaming `TextDecoder` keeps a character split across chunks whole).

/** One dispatched event: its type (`message` when none was named), data lines joined by `\n`, and the last event id. */
export interface SseEvent {
  readonly type: 'event'
  /** The `event:` field, or `'message'`. */
  readonly event: string
  /** The `data:` lines, joined with `\n`. */
  readonly data: string
  /** The last event id when it was dispatched (`id:` persists across events), `''` for none. */
  readonly id: string
}

/** A `retry:` field: how long the client should wait before reconnecting, in milliseconds. */
export interface SseRetry {
  readonly type: 'retry'
  readonly retry: number
}

/** What a piece of a stream completes, in order. */
export type SseMessage = SseEvent | SseRetry

/** Where the parser is between two pieces of a stream. Start with {@link initialSseState}. */
export interface SseState {
  /** The incomplete line at the end of what came so far. */
  readonly line: string
  /** The last piece ended with CR: an LF at the start of the next one belongs to it. */
  readonly afterCr: boolean
  /** Nothing came yet: a leading byte order mark is still to be skipped. */
  readonly atStart: boolean
  /** The event being built: its type, its data lines (`null` before the first `data` field). */
  readonly event: string
  readonly data: string | null
  /** The last event id: the `Last-Event-ID` to reconnect with. */
  readonly lastEventId: string
}

/**
 * The state of a parser that has read nothing, optionally resuming from a known event id.
 *
 * @example
 * ```ts
 * let state = initialSseState()
 * ```
 */
export function initialSseState(lastEventId = ''): SseState {
  return { line: '', afterCr: false, atStart: true, event: '', data: null, lastEventId }
}

/**
 * Reads the next piece of an event stream: returns the new state and the events and `retry`
 * fields it completed. An event still open when the stream ends is never dispatched (the
 * standard's rule), so there is nothing to flush.
 *
 * @example
 * ```ts
 * let state = initialSseState()
 * const first = feedSse(state, 'id: 1\nevent: ping\nda')
 * const second = feedSse(first.state, 'ta: {}\n\n')
 * second.messages // [{ type: 'event', event: 'ping', data: '{}', id: '1' }]
 * ```
 */
export function feedSse(state: SseState, text: string): { state: SseState; messages: SseMessage[] } {
  let { line, afterCr, atStart, event, data, lastEventId } = state
  const messages: SseMessage[] = []
  let index = 0
  if (atStart && text.length > 0) {
    atStart = false
    // The UTF-8 BOM decodes to U+FEFF; one at the very start is skipped.
    if (text.charCodeAt(0) === 0xfeff) index = 1
  }
  if (afterCr && index < text.length) {
    if (text.charCodeAt(index) === 10) index++
    afterCr = false
  }
  while (index < text.length) {
    const cr = text.indexOf('\r', index)
    const lf = text.indexOf('\n', index)
    const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf)
    if (end === -1) {
      line += text.slice(index)
      break
    }
    const complete = line + text.slice(index, end)
    line = ''
    index = end + 1
    if (end === cr) {
      // CRLF is one line end: the LF may be in this piece or the next one.
      if (index < text.length) {
        if (text.charCodeAt(index) === 10) index++
      } else afterCr = true
    }

    if (complete === '') {
      // A blank line dispatches the event (when it has data) and starts the next one.
      if (data !== null) messages.push({ type: 'event', event: event || 'message', data, id: lastEventId })
      event = ''
      data = null
      continue
    }
    if (complete.charCodeAt(0) === 58) continue // ":" starts a comment (a heartbeat)
    const colon = complete.indexOf(':')
    const field = colon === -1 ? complete : complete.slice(0, colon)
    let value = colon === -1 ? '' : complete.slice(colon + 1)
    if (value.charCodeAt(0) === 32) value = value.slice(1)
    if (field === 'data') data = data === null ? value : `${data}\n${value}`
    else if (field === 'event') event = value
    else if (field === 'id') {
      if (!value.includes('\0')) lastEventId = value
    } else if (field === 'retry') {
      if (/^[0-9]+$/.test(value)) messages.push({ type: 'retry', retry: Number(value) })
    }
    // Any other field is ignored.
  }
  return { state: { line, afterCr, atStart, event, data, lastEventId }, messages }
}
