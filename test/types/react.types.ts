// Compile-only type tests for the public hook signatures: `npm run typecheck` checks them,
// nothing runs them (SWR's habit). A wrong type is a compile error here.
import type { IntegrationWebhook, WebhookApiError, WebhookExecution, WebhookSource } from '../../src/core'
import {
  type ActionResult,
  type UseWebhookTableOptions,
  useCopyToClipboard,
  useIntegrationWebhooks,
  useWebhookActions,
  useWebhookExecutions,
  useWebhookTable,
} from '../../src/react'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function expectType<T extends true>(_: T = true as T): void {}

export function useTypes() {
  const list = useIntegrationWebhooks({ refreshInterval: 5000, enabled: true })
  expectType<Equal<typeof list.webhooks, readonly IntegrationWebhook[]>>()
  expectType<Equal<typeof list.source, WebhookSource | undefined>>()
  expectType<Equal<typeof list.error, WebhookApiError | Error | undefined>>()
  expectType<Equal<typeof list.isStale, boolean>>()
  expectType<Equal<typeof list.lastUpdatedAt, number | undefined>>()
  expectType<Equal<typeof list.refresh, () => Promise<void>>>()

  const history = useWebhookExecutions(null, { pageSize: 10 })
  expectType<Equal<typeof history.executions, readonly WebhookExecution[]>>()
  expectType<Equal<typeof history.loadMore, () => void>>()

  const actions = useWebhookActions()
  expectType<Equal<ReturnType<typeof actions.setStatus>, Promise<ActionResult<IntegrationWebhook>>>>()
  expectType<Equal<ReturnType<typeof actions.sendTest>, Promise<ActionResult<WebhookExecution>>>>()
  // @ts-expect-error: 'error' is a status the server sets, not one a user can choose
  void actions.setStatus('id', 'error')

  const table = useWebhookTable(list.webhooks, { defaultSorting: [{ id: 'lastTriggered', desc: true }] })
  expectType<Equal<typeof table.rows, readonly IntegrationWebhook[]>>()
  // @ts-expect-error: only known columns sort
  const bad: UseWebhookTableOptions = { sorting: [{ id: 'color' }] }
  void bad

  const clipboard = useCopyToClipboard({ resetAfterMs: 1500 })
  expectType<Equal<typeof clipboard.copy, (text: string) => Promise<boolean>>>()
}
