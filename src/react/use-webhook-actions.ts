import type { IntegrationWebhook, WebhookApiError, WebhookExecution } from 'integration-webhooks/core'
import { useCallback, useMemo, useState } from 'react'
import { useSWRConfig } from 'swr'
import { webhooksKey } from './keys'
import type { WebhooksSnapshot } from './use-integration-webhooks'
import { useWebhooksContext } from './webhooks-provider'

/** The actions of {@link useWebhookActions}, by name. */
export type WebhookAction = 'setStatus' | 'sendTest' | 'retryExecution'

/** The outcome of an action: never a rejected promise, so a click handler needs no `catch`. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: WebhookApiError | Error }

/** Options of {@link useWebhookActions}: callbacks for a host (toasts, analytics). */
export interface UseWebhookActionsOptions {
  /** After a status change the server accepted. */
  onStatusChange?: (webhook: IntegrationWebhook) => void
  /** After any action failed (the optimistic change is already rolled back). */
  onError?: (error: WebhookApiError | Error, action: WebhookAction, id: string) => void
}

/** What {@link useWebhookActions} returns. */
export interface WebhookActionsState {
  /** Enables or disables a webhook: the list changes at once and rolls back if the server refuses. */
  setStatus: (webhookId: string, status: 'active' | 'inactive') => Promise<ActionResult<IntegrationWebhook>>
  /** Sends a sample event; the execution appears in that webhook's history. */
  sendTest: (webhookId: string) => Promise<ActionResult<WebhookExecution>>
  /** Redelivers one execution; the new execution appears in the history. */
  retryExecution: (webhookId: string, executionId: string) => Promise<ActionResult<WebhookExecution>>
  /** Whether `action` is in flight for `id` (a webhook id; an execution id for `retryExecution`). */
  isPending: (action: WebhookAction, id: string) => boolean
  /** The last error of `action` for `id`, cleared when it is tried again. */
  errorFor: (action: WebhookAction, id: string) => WebhookApiError | Error | undefined
}

const slot = (action: WebhookAction, id: string) => `${action}\u0000${id}`

function replaceRow(snapshot: WebhooksSnapshot | undefined, row: IntegrationWebhook): WebhooksSnapshot | undefined {
  if (!snapshot) return snapshot
  return { ...snapshot, webhooks: snapshot.webhooks.map((w) => (w.id === row.id ? row : w)) }
}

/**
 * Changes to webhooks, each with a per-id pending state and error.
 *
 * `setStatus` updates the list optimistically and rolls it back, with the error, if
 * the server refuses. A successful test or retry shows up in the executions of
 * mounted {@link useWebhookExecutions} without a manual refresh, and the list is
 * refetched for the new counts. Results are values (`{ ok, data | error }`); nothing rejects.
 *
 * @example
 * ```tsx
 * const { setStatus, isPending, errorFor } = useWebhookActions()
 * <button
 *   disabled={isPending('setStatus', webhook.id)}
 *   onClick={() => setStatus(webhook.id, webhook.status === 'active' ? 'inactive' : 'active')}
 * >
 *   {webhook.status === 'active' ? 'Disable' : 'Enable'}
 * </button>
 * {errorFor('setStatus', webhook.id)?.message}
 * ```
 */
export function useWebhookActions(options: UseWebhookActionsOptions = {}): WebhookActionsState {
  const { client, apiUrl, fallback, executions } = useWebhooksContext()
  const { mutate } = useSWRConfig()
  const [pending, setPending] = useState<ReadonlyMap<string, number>>(new Map())
  const [errors, setErrors] = useState<ReadonlyMap<string, WebhookApiError | Error>>(new Map())
  const listKey = webhooksKey(apiUrl, fallback.userId)
  const { onStatusChange, onError } = options

  const run = useCallback(
    async <T>(action: WebhookAction, id: string, work: () => Promise<T>): Promise<ActionResult<T>> => {
      const key = slot(action, id)
      setPending((map) => new Map(map).set(key, (map.get(key) ?? 0) + 1))
      setErrors((map) => {
        if (!map.has(key)) return map
        const next = new Map(map)
        next.delete(key)
        return next
      })
      try {
        return { ok: true, data: await work() }
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught))
        setErrors((map) => new Map(map).set(key, error))
        onError?.(error, action, id)
        return { ok: false, error }
      } finally {
        setPending((map) => {
          const next = new Map(map)
          const count = (map.get(key) ?? 1) - 1
          if (count > 0) next.set(key, count)
          else next.delete(key)
          return next
        })
      }
    },
    [onError],
  )

  const listKeyId = listKey.join('\u0000')
  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey (a new array each render)
  const setStatus = useCallback(
    (webhookId: string, status: 'active' | 'inactive') =>
      run('setStatus', webhookId, async () => {
        let updated: IntegrationWebhook | undefined
        await mutate<WebhooksSnapshot>(
          listKey,
          async (current) => {
            updated = await client.setStatus(webhookId, status)
            return replaceRow(current, updated)
          },
          {
            // Without a loaded list there is nothing to update: the cache stays as it is.
            optimisticData: (current) =>
              (current && {
                ...current,
                webhooks: current.webhooks.map((w) => (w.id === webhookId ? { ...w, status } : w)),
              }) as WebhooksSnapshot,
            rollbackOnError: true,
            populateCache: true,
            revalidate: false,
          },
        )
        if (!updated) throw new Error('setStatus: the server sent no webhook')
        onStatusChange?.(updated)
        return updated
      }),
    [run, mutate, client, listKeyId, onStatusChange],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey
  const delivered = useCallback(
    (webhookId: string, execution: WebhookExecution) => {
      executions.notify(webhookId, execution)
      void mutate(listKey).catch(() => undefined) // new trigger and error counts
    },
    [executions, mutate, listKeyId],
  )

  const sendTest = useCallback(
    (webhookId: string) =>
      run('sendTest', webhookId, async () => {
        const execution = await client.sendTest(webhookId)
        delivered(webhookId, execution)
        return execution
      }),
    [run, client, delivered],
  )

  const retryExecution = useCallback(
    (webhookId: string, executionId: string) =>
      run('retryExecution', executionId, async () => {
        const execution = await client.retryExecution(webhookId, executionId)
        delivered(webhookId, execution)
        return execution
      }),
    [run, client, delivered],
  )

  return useMemo(
    () => ({
      setStatus,
      sendTest,
      retryExecution,
      isPending: (action, id) => pending.has(slot(action, id)),
      errorFor: (action, id) => errors.get(slot(action, id)),
    }),
    [setStatus, sendTest, retryExecution, pending, errors],
  )
}
