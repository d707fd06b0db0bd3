import type { WebhookApiError, WebhookClient, WebhookStreamEvent } from 'integration-webhooks/core'

/**
 * How live data reaches a hook:
 * - `connecting`: the stream is being opened;
 * - `live`: events arrive as they happen (no polling);
 * - `reconnecting`: the stream dropped and is being resumed (events are not lost: `Last-Event-ID`);
 * - `polling`: the endpoint has no stream (404/405): the hooks refetch on an interval instead;
 * - `off`: not live (not asked for, or the stream was refused: see `liveError`).
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'off'

type Listener = () => void
type EventListener = (event: WebhookStreamEvent) => void

/**
 * One live stream per {@link WebhooksProvider}, shared by every hook that asks for it: opened by
 * the first, closed when the last lets go.
 */
export interface LiveRegistry {
  /** Holds the stream open until the returned function is called. */
  acquire(): () => void
  getState(): LiveState
  /** Why the stream stopped (`off` after a 401 or 403), or why it last dropped (`reconnecting`). */
  getError(): WebhookApiError | undefined
  /** For `useSyncExternalStore`: called when the state or the error changes. */
  subscribe(listener: Listener): () => void
  /** Called with each event of the stream. */
  listen(listener: EventListener): () => void
}

/** Creates the registry of one client's stream (see {@link LiveRegistry}). */
export function createLiveRegistry(client: WebhookClient): LiveRegistry {
  const listeners = new Set<Listener>()
  const eventListeners = new Set<EventListener>()
  let state: LiveState = 'off'
  let error: WebhookApiError | undefined
  let holders = 0
  let controller: AbortController | undefined
  let stopTimer: ReturnType<typeof setTimeout> | undefined
  // A server without a stream will not grow one while the page is open: never ask again.
  let unsupported = false
  let lastEventId = ''

  const set = (next: LiveState, nextError: WebhookApiError | undefined) => {
    if (next === state && nextError === error) return
    state = next
    error = nextError
    for (const listener of [...listeners]) listener()
  }

  const start = () => {
    if (controller || unsupported) return
    const own = new AbortController()
    controller = own
    void client
      .subscribe({
        signal: own.signal,
        lastEventId,
        onEvent: (event) => {
          lastEventId = event.id
          for (const listener of [...eventListeners]) listener(event)
        },
        onStateChange: (next, detail) => {
          if (own.signal.aborted) return
          if (next === 'unsupported') unsupported = true
          set(
            next === 'unsupported' ? 'polling' : next === 'closed' ? 'off' : next,
            next === 'live' || next === 'connecting' ? undefined : detail.error,
          )
        },
      })
      .then((end) => {
        if (controller === own) controller = undefined
        lastEventId = end.lastEventId
      })
  }

  const stop = () => {
    controller?.abort()
    controller = undefined
    if (!unsupported) set('off', undefined)
  }

  return {
    acquire() {
      holders++
      clearTimeout(stopTimer)
      start()
      let released = false
      return () => {
        if (released) return
        released = true
        holders--
        // After the current task: React's strict mode (and a quick remount) lets go and takes
        // hold again at once; the stream stays open through that.
        if (holders === 0) stopTimer = setTimeout(() => holders === 0 && stop(), 0)
      }
    },
    getState: () => (unsupported ? 'polling' : state),
    getError: () => error,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    listen(listener) {
      eventListeners.add(listener)
      return () => eventListeners.delete(listener)
    },
  }
}
