import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import { datasetExecutions, type MockDataset } from './dataset'
import type { ResolvedDataOptions } from './options'
import type { Random } from './random'

/** Internal state shared by the store and its handlers. */
export interface StoreState {
  readonly options: ResolvedDataOptions
  readonly dataset: MockDataset
  webhooks: IntegrationWebhook[]
  byId: Map<string, IntegrationWebhook>
  executions: Map<string, WebhookExecution[]>
  requests: number
  /** Seconds past `now` of the last change, so each change is newer than the one before. */
  ticks: number
  liveRng: Random
  executionListsGenerated: number
  executionsGenerated: number
  /** The signing secrets of webhooks that have a `signing` (never in a list or an execution). */
  secrets: Map<string, { secret: string | null; previous: string | null; previous_expires_at: string | null }>
}

/** The executions of a known webhook, generated on first use. */
export function ensureExecutions(state: StoreState, webhookId: string): WebhookExecution[] {
  let list = state.executions.get(webhookId)
  if (!list) {
    list = datasetExecutions(state.dataset, webhookId) ?? []
    state.executionListsGenerated++
    state.executionsGenerated += list.length
    state.executions.set(webhookId, list)
  }
  return list
}
