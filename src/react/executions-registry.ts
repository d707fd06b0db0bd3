import type { WebhookExecution } from 'integration-webhooks/core'

/** Called with a new execution (from a test or a retry), or with none to just refresh. */
export type ExecutionsListener = (execution?: WebhookExecution) => void

/**
 * Lets `useWebhookActions` reach the mounted `useWebhookExecutions` of one webhook, so
 * a test event or a retry shows up in its history without a manual refresh. (SWR's
 * infinite keys cannot be matched by a `mutate` filter, so the hooks register here.)
 */
export interface ExecutionsRegistry {
  subscribe(webhookId: string, listener: ExecutionsListener): () => void
  notify(webhookId: string, execution?: WebhookExecution): void
}

export function createExecutionsRegistry(): ExecutionsRegistry {
  const listeners = new Map<string, Set<ExecutionsListener>>()
  return {
    subscribe(webhookId, listener) {
      let set = listeners.get(webhookId)
      if (!set) {
        set = new Set()
        listeners.set(webhookId, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(webhookId)
      }
    },
    notify(webhookId, execution) {
      for (const listener of listeners.get(webhookId) ?? []) listener(execution)
    },
  }
}
