import { BASE } from './support'

/** One Server-Sent Event as a client parses it. */
export interface SseEvent {
  id: string | null
  event: string
  // biome-ignore lint/suspicious/noExplicitAny: an event's JSON, read field by field
  data: any
  raw: string
}

/**
 * Reads a `text/event-stream` body as the events arrive (the SSE framing: `field: value`
 * lines, a blank line ends an event, `:` lines are comments).
 */
export function readSse(body: ReadableStream<Uint8Array>) {
  const events: SseEvent[] = []
  const comments: string[] = []
  let retry: number | null = null
  let lastId: string | null = null
  let ended = false
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const done = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        text += decoder.decode(value, { stream: true })
        let end = text.indexOf('\n\n')
        while (end >= 0) {
          const block = text.slice(0, end)
          text = text.slice(end + 2)
          end = text.indexOf('\n\n')
          let id: string | null = null
          let event = 'message'
          const data: string[] = []
          let fields = 0
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comments.push(line.slice(1).trim())
              continue
            }
            const colon = line.indexOf(':')
            const name = colon < 0 ? line : line.slice(0, colon)
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
            fields++
            if (name === 'id') id = lastId = value
            else if (name === 'event') event = value
            else if (name === 'data') data.push(value)
            else if (name === 'retry') retry = Number(value)
          }
          if (fields > 0 && data.length > 0) {
            const raw = data.join('\n')
            events.push({ id, event, data: JSON.parse(raw), raw })
          }
        }
      }
    } catch {
      // Cancelled.
    } finally {
      ended = true
    }
  })()
  return {
    events,
    comments,
    get retry() {
      return retry
    },
    /** The last `id:` read, with or without an event (the resume point a client keeps). */
    get lastId() {
      return lastId
    },
    get ended() {
      return ended
    },
    /** Ends the stream from the client's side. */
    async close() {
      await reader.cancel().catch(() => {})
      await done
    },
    done,
  }
}

/** Opens `GET {basePath}/stream` for a user, straight through the handler. */
export async function openStream(
  server: { handle(request: Request): Promise<Response> },
  user: string | null,
  lastEventId?: string,
) {
  const headers: Record<string, string> = {}
  if (user !== null) headers['x-user'] = user
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId
  const response = await server.handle(new Request(`http://localhost${BASE}/stream`, { headers }))
  if (response.status !== 200 || !response.body) return { response, sse: null }
  return { response, sse: readSse(response.body) }
}
