import {
  type CreateWebhookOptions,
  type IntegrationWebhook,
  isWebhookApiError,
  type SecretOptions,
  type SigningSecret,
  type WebhookApiError,
  type WebhookClient,
  type WebhookExecution,
} from 'integration-webhooks/core'
import { useCallback, useMemo, useState } from 'react'
import { useSWRConfig } from 'swr'
import { webhooksKey } from './keys'
import type { WebhooksSnapshot } from './use-integration-webhooks'
import { useWebhooksContext } from './webhooks-provider'

/** The actions of {@link useWebhookActions}, by name. */
export type WebhookAction =
  | 'setStatus'
  | 'sendTest'
  | 'retryExecution'
  | 'create'
  | 'remove'
  | 'revealSecret'
  | 'setSecret'
  | 'rotateSecret'

/** Options of {@link WebhookActionsState.setSecret} and {@link WebhookActionsState.rotateSecret}. */
export type SecretActionOptions = Pick<SecretOptions, 'graceSeconds'>

/** Options of {@link WebhookActionsState.create}. */
export type CreateWebhookActionOptions = Pick<CreateWebhookOptions, 'name'>

/** The outcome of an action: never a rejected promise, so a click handler needs no `catch`. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: WebhookApiError | Error }

/** Options of {@link useWebhookActions}: callbacks for a host (toasts, analytics). */
export interface UseWebhookActionsOptions {
  /** After a status change the server accepted. */
  onStatusChange?: (webhook: IntegrationWebhook) => void
  /** After the server saved a new webhook (`create`). */
  onCreate?: (webhook: IntegrationWebhook) => void
  /** After the server deleted a webhook (`remove`). */
  onRemove?: (webhookId: string) => void
  /** After any action failed (the optimistic change is already rolled back). */
  onError?: (error: WebhookApiError | Error, action: WebhookAction, id: string) => void
}

/** What {@link useWebhookActions} returns. */
export interface WebhookActionsState {
  /**
   * Enables or disables a webhook: the list changes at once and rolls back if the server
   * refuses. Overlapping calls for one webhook are queued; the screen ends as the server does.
   */
  setStatus: (webhookId: string, status: 'active' | 'inactive') => Promise<ActionResult<IntegrationWebhook>>
  /** Sends a sample event; the execution appears in that webhook's history. */
  sendTest: (webhookId: string) => Promise<ActionResult<WebhookExecution>>
  /** Redelivers one execution; the new execution appears in the history. */
  retryExecution: (webhookId: string, executionId: string) => Promise<ActionResult<WebhookExecution>>
  /**
   * Saves a webhook for the catalog entry `providerId`. The new row joins the list when the server
   * answers (a list of generated suggestions becomes a saved list holding it: the server suggests
   * only while nothing is saved). Pending and errors are tracked under `providerId`.
   */
  create: (providerId: string, options?: CreateWebhookActionOptions) => Promise<ActionResult<IntegrationWebhook>>
  /**
   * Deletes a webhook: its row leaves the list at once and comes back, with the error, if the
   * server refuses. A list left empty is fetched again (the server then suggests defaults).
   */
  remove: (webhookId: string) => Promise<ActionResult<void>>
  /**
   * Reads the webhook's signing secret (null while none is set). The secret is returned, never
   * cached: keep it in the component that shows it, and drop it when hidden.
   */
  revealSecret: (webhookId: string) => Promise<ActionResult<SigningSecret>>
  /**
   * Stores a secret the provider issued (checked for its form by the server: a wrong one fails
   * with `code: 'invalid_secret'` and the server's sentence in `serverMessage`). The list shows
   * the webhook as the server returns it (`signing.secret_set` true).
   */
  setSecret: (
    webhookId: string,
    secret: string,
    options?: SecretActionOptions,
  ) => Promise<ActionResult<IntegrationWebhook>>
  /**
   * Replaces a secret we issue with a new one; with `graceSeconds` the old one keeps verifying
   * that long. Returns the new secret; the list shows `secret_set` and `previous_expires_at`.
   */
  rotateSecret: (webhookId: string, options?: SecretActionOptions) => Promise<ActionResult<SigningSecret>>
  /**
   * Whether `action` is in flight for `id` (a webhook id; an execution id for `retryExecution`;
   * a provider id for `create`).
   */
  isPending: (action: WebhookAction, id: string) => boolean
  /** The last error of `action` for `id`, cleared when it is tried again. */
  errorFor: (action: WebhookAction, id: string) => WebhookApiError | Error | undefined
}

const slot = (action: WebhookAction, id: string) => `${action}\u0000${id}`

/** The status calls of one webhook: run one after another, with what the server last confirmed. */
interface StatusChain {
  tail: Promise<unknown>
  pending: number
  confirmed: IntegrationWebhook | undefined
}

// Per client, so that every component using the same provider (the dialog's switch, a host's
// own button) queues behind the same calls.
const statusChains = new WeakMap<WebhookClient, Map<string, StatusChain>>()
function statusChainsOf(client: WebhookClient): Map<string, StatusChain> {
  let chains = statusChains.get(client)
  if (!chains) {
    chains = new Map()
    statusChains.set(client, chains)
  }
  return chains
}

/** The list with `row` added (or replacing the row of its id); generated suggestions give way to it. */
function addRow(snapshot: WebhooksSnapshot | undefined, row: IntegrationWebhook): WebhooksSnapshot | undefined {
  if (!snapshot) return snapshot
  // The server suggests defaults only while nothing is saved: once this row is, it lists saved rows alone.
  if (snapshot.source === 'generated') return { ...snapshot, webhooks: [row], source: 'saved', invalid: [] }
  const at = snapshot.webhooks.findIndex((w) => w.id === row.id)
  const webhooks = at < 0 ? [...snapshot.webhooks, row] : snapshot.webhooks.map((w, i) => (i === at ? row : w))
  return { ...snapshot, webhooks }
}

/** The list with the row of `webhookId` changed by `change` (unchanged when absent). */
function patchRow(
  snapshot: WebhooksSnapshot | undefined,
  webhookId: string,
  change: (row: IntegrationWebhook) => IntegrationWebhook,
): WebhooksSnapshot | undefined {
  if (!snapshot) return snapshot
  return { ...snapshot, webhooks: snapshot.webhooks.map((w) => (w.id === webhookId ? change(w) : w)) }
}

function removeRow(snapshot: WebhooksSnapshot | undefined, webhookId: string): WebhooksSnapshot | undefined {
  if (!snapshot) return snapshot
  return { ...snapshot, webhooks: snapshot.webhooks.filter((w) => w.id !== webhookId) }
}

/**
 * Changes to webhooks, each with a per-id pending state and error.
 *
 * `setStatus` updates the list optimistically and rolls it back, with the error, if
 * the server refuses. Calls for one webhook are sent one after another, in the order made
 * (from every component under the same provider); once the last settles the list shows what
 * the server last confirmed, so overlapping clicks never leave the screen and the server
 * disagreeing. A successful test or retry shows up in the executions of
 * mounted {@link useWebhookExecutions} without a manual refresh, and the list is
 * refetched for the new counts. `create` adds the saved row to the list when the server
 * answers; `remove` takes the row out at once and puts it back, with the error, if the server
 * refuses. Results are values (`{ ok, data | error }`); nothing rejects.
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
  const { onStatusChange, onCreate, onRemove, onError } = options

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
        const chains = statusChainsOf(client)
        let chain = chains.get(webhookId)
        // Shows `row` in the list (nothing when the list is not loaded); returns the row it replaced.
        const show = async (row: (current: IntegrationWebhook) => IntegrationWebhook) => {
          let before: IntegrationWebhook | undefined
          await mutate<WebhooksSnapshot>(
            listKey,
            (current) => {
              if (!current) return current
              return {
                ...current,
                webhooks: current.webhooks.map((w) => {
                  if (w.id !== webhookId) return w
                  before = w
                  return row(w)
                }),
              }
            },
            { revalidate: false },
          )
          return before
        }
        // The user's intent shows at once; the first call of a run remembers what the server had.
        const before = await show((w) => ({ ...w, status }))
        if (!chain) {
          chain = { tail: Promise.resolve(), pending: 0, confirmed: before }
          chains.set(webhookId, chain)
        }
        const own = chain
        own.pending++
        // One request at a time per webhook, in the order asked: the server ends with the last
        // intent it accepted, and the screen, once the last call settles, shows exactly that.
        const request = own.tail.then(() => client.setStatus(webhookId, status))
        own.tail = request.catch(() => undefined)
        try {
          const updated = await request
          own.confirmed = updated
          onStatusChange?.(updated)
          return updated
        } finally {
          own.pending--
          if (own.pending === 0) {
            chains.delete(webhookId)
            // The last call settled: show what the server last confirmed (this call's answer,
            // an earlier one's, or the row as it was before the first call if all failed).
            const confirmed = own.confirmed
            if (confirmed) await show(() => confirmed)
          }
        }
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey
  const create = useCallback(
    (providerId: string, createOptions: CreateWebhookActionOptions = {}) =>
      run('create', providerId, async () => {
        let created: IntegrationWebhook | undefined
        await mutate<WebhooksSnapshot>(
          listKey,
          async (current) => {
            created = await client.createWebhook(providerId, { name: createOptions.name })
            return addRow(current, created)
          },
          { populateCache: true, revalidate: false },
        )
        if (!created) throw new Error('create: the server sent no webhook')
        onCreate?.(created)
        return created
      }),
    [run, mutate, client, listKeyId, onCreate],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey
  const remove = useCallback(
    (webhookId: string) =>
      run('remove', webhookId, async () => {
        let left: WebhooksSnapshot | undefined
        try {
          await mutate<WebhooksSnapshot>(
            listKey,
            async (current) => {
              await client.deleteWebhook(webhookId)
              left = removeRow(current, webhookId)
              return left
            },
            {
              optimisticData: (current) => removeRow(current, webhookId) as WebhooksSnapshot,
              rollbackOnError: true,
              populateCache: true,
              revalidate: false,
            },
          )
        } catch (error) {
          // Gone already (deleted in another tab?): the list is fetched again to show what is there.
          if (isWebhookApiError(error) && error.kind === 'not-found') void mutate(listKey).catch(() => undefined)
          throw error
        }
        // With nothing saved any more the server suggests defaults: fetch them.
        if (left && left.webhooks.length === 0) void mutate(listKey).catch(() => undefined)
        onRemove?.(webhookId)
      }),
    [run, mutate, client, listKeyId, onRemove],
  )

  const revealSecret = useCallback(
    (webhookId: string) => run('revealSecret', webhookId, () => client.revealSecret(webhookId)),
    [run, client],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey
  const setSecret = useCallback(
    (webhookId: string, secret: string, secretOptions: SecretActionOptions = {}) =>
      run('setSecret', webhookId, async () => {
        const updated = await client.setSecret(webhookId, secret, { graceSeconds: secretOptions.graceSeconds })
        await mutate<WebhooksSnapshot>(listKey, (current) => patchRow(current, webhookId, () => updated), {
          revalidate: false,
        })
        return updated
      }),
    [run, mutate, client, listKeyId],
  )

  // biome-ignore lint/correctness/useExhaustiveDependencies: listKeyId stands for listKey
  const rotateSecret = useCallback(
    (webhookId: string, secretOptions: SecretActionOptions = {}) =>
      run('rotateSecret', webhookId, async () => {
        const rotated = await client.rotateSecret(webhookId, { graceSeconds: secretOptions.graceSeconds })
        await mutate<WebhooksSnapshot>(
          listKey,
          (current) =>
            patchRow(current, webhookId, (row) =>
              row.signing
                ? {
                    ...row,
                    signing: { ...row.signing, secret_set: true, previous_expires_at: rotated.previous_expires_at },
                  }
                : row,
            ),
          { revalidate: false },
        )
        return rotated
      }),
    [run, mutate, client, listKeyId],
  )

  return useMemo(
    () => ({
      setStatus,
      sendTest,
      retryExecution,
      create,
      remove,
      revealSecret,
      setSecret,
      rotateSecret,
      isPending: (action, id) => pending.has(slot(action, id)),
      errorFor: (action, id) => errors.get(slot(action, id)),
    }),
    [setStatus, sendTest, retryExecution, create, remove, revealSecret, setSecret, rotateSecret, pending, errors],
  )
}
