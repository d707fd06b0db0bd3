import type { RouteContext } from '../context'

/**
 * `GET {basePath}/stream`: the user's live events as Server-Sent Events (`execution`,
 * `webhook`, `reset`), resumed after `Last-Event-ID`. See `createLiveStreams`.
 */
export async function openStream(context: RouteContext): Promise<Response> {
  return context.parts.live.stream(context)
}
