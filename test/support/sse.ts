import { HttpResponse } from 'msw'

const encoder = new TextEncoder()

/** A server-side event stream a test writes to (MSW answers with its `stream`). */
export function sseBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
  })
  return {
    stream,
    send: (text: string | Uint8Array) => controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text),
    /** Writes one event as the contract frames it. */
    event: (id: number | string, type: string, data: unknown) =>
      controller.enqueue(encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => controller.close(),
  }
}

/** A 200 `text/event-stream` answer with the contract's headers. */
export const sseResponse = (body: ReadableStream<Uint8Array>) =>
  new HttpResponse(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
