import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { feedSse, initialSseState, type SseMessage } from '../../src/core/sse'

/** Feeds the pieces one after the other and collects everything they complete. */
function parse(pieces: readonly string[], lastEventId = '') {
  let state = initialSseState(lastEventId)
  const messages: SseMessage[] = []
  for (const piece of pieces) {
    const next = feedSse(state, piece)
    state = next.state
    messages.push(...next.messages)
  }
  return { messages, state }
}

const event = (data: string, options: { event?: string; id?: string } = {}): SseMessage => ({
  type: 'event',
  event: options.event ?? 'message',
  data,
  id: options.id ?? '',
})

describe('feedSse', () => {
  it('reads the contract’s events: retry, id, event, one line of JSON data, heartbeats', () => {
    const stream =
      'retry: 3000\n\n: ping\n\nid: 7\nevent: execution\ndata: {"webhook_id":"w1"}\n\n: ping\n\nid: 8\nevent: reset\ndata: {}\n\n'
    expect(parse([stream]).messages).toEqual([
      { type: 'retry', retry: 3000 },
      event('{"webhook_id":"w1"}', { event: 'execution', id: '7' }),
      event('{}', { event: 'reset', id: '8' }),
    ])
  })

  it('joins data lines with LF and drops one leading space of each value', () => {
    expect(parse(['data:  two spaces\ndata:none\ndata\ndata: \n\n']).messages).toEqual([event(' two spaces\nnone\n\n')])
  })

  it('treats CRLF, CR and LF alike, also when a CRLF is split between two pieces', () => {
    const expected = [event('a', { id: '1' }), event('b', { id: '2' })]
    expect(parse(['id: 1\r\ndata: a\r\n\r\nid: 2\rdata: b\r\r']).messages).toEqual(expected)
    expect(parse(['id: 1\r', '\ndata: a\r', '\n\r', '\nid: 2\ndata: b\n\n']).messages).toEqual(expected)
    // A CR at the end of a piece then a non-LF: the CR alone ended the line.
    expect(parse(['data: a\r', 'data: b\r', '\r']).messages).toEqual([event('a\nb')])
  })

  it('skips one byte order mark at the very start, and only there', () => {
    expect(parse(['\uFEFFdata: x\n\n']).messages).toEqual([event('x')])
    expect(parse(['', '\uFEFF', 'data: x\n\n']).messages).toEqual([event('x')])
    // A second BOM is part of the first line: a field named "\uFEFFdata", ignored.
    expect(parse(['\uFEFF\uFEFFdata: x\n\n']).messages).toEqual([])
  })

  it('dispatches nothing for an event without data, but keeps its id as the last event id', () => {
    const { messages, state } = parse(['id: 41\nevent: execution\n\ndata: next\n\n'])
    expect(messages).toEqual([event('next', { id: '41' })])
    expect(state.lastEventId).toBe('41')
  })

  it('keeps the last id for later events, clears it with an empty id, ignores an id with NUL', () => {
    const { messages } = parse(['id: 5\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 6\u0000\ndata: d\n\n'])
    expect(messages.map((m) => m.type === 'event' && m.id)).toEqual(['5', '5', '', ''])
  })

  it('starts from a known last event id', () => {
    expect(parse(['data: x\n\n'], '99').messages).toEqual([event('x', { id: '99' })])
  })

  it('takes only ASCII digits as retry, and ignores unknown fields and comments', () => {
    expect(parse(['retry: 12\nretry: 1.5\nretry: -1\nretry: x\nretry:7\n\n']).messages).toEqual([
      { type: 'retry', retry: 12 },
      { type: 'retry', retry: 7 },
    ])
    expect(parse([':comment\nfoo: bar\nDATA: no\ndata: yes\n\n']).messages).toEqual([event('yes')])
  })

  it('never dispatches an event the stream ended in the middle of', () => {
    const { messages, state } = parse(['data: complete\n\ndata: cut off\n'])
    expect(messages).toEqual([event('complete')])
    expect(state.data).toBe('cut off')
  })

  it('resets the event type after each event', () => {
    expect(parse(['event: a\ndata: 1\n\ndata: 2\n\n']).messages).toEqual([event('1', { event: 'a' }), event('2')])
  })

  // ---------------------------------------------------------------------------------------
  // Any split of any stream gives the same messages as the whole stream, and they are the
  // messages the stream was written from.
  // ---------------------------------------------------------------------------------------

  /** Text for a field value: anything but CR and LF (a value cannot hold a line end). */
  // Well-formed (no lone surrogate), so its UTF-8 bytes decode back to it.
  const value = fc
    .string({ unit: 'binary', maxLength: 8 })
    .map((s) => s.replace(/[\r\n]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_'))
  const id = value.map((s) => s.replace(/\0/g, '_'))
  const eventName = value.filter((s) => s !== '')
  const lineEnd = fc.constantFrom('\n', '\r', '\r\n')

  type Item =
    | { kind: 'event'; event?: string; id?: string; data: string[] }
    | { kind: 'retry'; retry: number }
    | { kind: 'comment'; text: string }
  const item: fc.Arbitrary<Item> = fc.oneof(
    fc.record(
      {
        kind: fc.constant('event' as const),
        event: eventName,
        id,
        data: fc.array(value, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: ['kind', 'data'] },
    ),
    fc.record({ kind: fc.constant('retry' as const), retry: fc.nat({ max: 100_000 }) }),
    fc.record({ kind: fc.constant('comment' as const), text: value }),
  )

  /** The stream text for the items (line ends chosen by `ends`), and the messages it must give. */
  function write(items: readonly Item[], ends: readonly string[], bom: boolean) {
    let n = 0
    let previous = ''
    const end = () => {
      let next = ends[n++ % ends.length] as string
      // CR then LF would be one CRLF line end, not two: the next one must not start with LF.
      if (previous === '\r' && next === '\n') next = '\r\n'
      previous = next
      return next
    }
    let text = bom ? '\uFEFF' : ''
    const expected: SseMessage[] = []
    let lastId = ''
    for (const it of items) {
      if (it.kind === 'comment') text += `:${it.text}${end()}${end()}`
      else if (it.kind === 'retry') {
        text += `retry: ${it.retry}${end()}${end()}`
        expected.push({ type: 'retry', retry: it.retry })
      } else {
        if (it.id !== undefined) {
          text += `id: ${it.id}${end()}`
          lastId = it.id
        }
        if (it.event !== undefined) text += `event: ${it.event}${end()}`
        for (const line of it.data) text += `data: ${line}${end()}`
        text += end()
        expected.push({ type: 'event', event: it.event ?? 'message', data: it.data.join('\n'), id: lastId })
      }
    }
    return { text, expected }
  }

  /** Cuts `text` at the given offsets (sorted, deduplicated, within the text). */
  function cut(text: string, offsets: readonly number[]): string[] {
    const points = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b)
    const pieces: string[] = []
    let from = 0
    for (const point of points) {
      pieces.push(text.slice(from, point))
      from = point
    }
    pieces.push(text.slice(from))
    return pieces
  }

  it('gives the messages the stream was written from, however it is cut into pieces (property)', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 8 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        (items, ends, bom, offsets) => {
          const { text, expected } = write(items, ends, bom)
          expect(parse([text]).messages).toEqual(expected)
          expect(parse(cut(text, offsets)).messages).toEqual(expected)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('gives the same messages for arbitrary text whole or in pieces, one character at a time included (property)', () => {
    const anything = fc.string({ unit: fc.constantFrom('d', 'a', 't', ':', ' ', '\r', '\n', 'i', 'e', 'x', '\uFEFF') })
    fc.assert(
      fc.property(anything, fc.array(fc.nat(), { maxLength: 10 }), (text, offsets) => {
        const whole = parse([text])
        expect(parse(cut(text, offsets))).toEqual(whole)
        expect(parse([...text])).toEqual(whole)
      }),
      { numRuns: 1000 },
    )
  })

  it('gives the same messages for UTF-8 bytes cut anywhere, decoded by a streaming TextDecoder (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (items, offsets) => {
        const { text, expected } = write(items, ['\n'], true)
        const bytes = new TextEncoder().encode(text)
        const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b)
        const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
        const pieces: string[] = []
        let from = 0
        for (const point of [...points, bytes.length]) {
          pieces.push(decoder.decode(bytes.subarray(from, point), { stream: true }))
          from = point
        }
        pieces.push(decoder.decode())
        expect(parse(pieces).messages).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
