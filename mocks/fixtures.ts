import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import { buildDataset, datasetExecutions } from './dataset'
import { type MockDataOptions, resolveDataOptions } from './options'
import { type ScenarioName, scenarioBehavior } from './scenarios'

/** A scenario whose fixture rows all pass the core schemas (every one but `malformed`). */
export type ValidScenarioName = Exclude<ScenarioName, 'malformed'>

/**
 * The webhook rows a scenario serves, without HTTP: for stories, tests and demos.
 *
 * Deterministic: the same scenario, seed and `now` give deep-equal rows. Scenarios
 * that fail every request (`unauthorized`, `server-error`) return the data behind
 * the failure, i.e. the `default` rows; `malformed` returns the invalid rows mixed in,
 * hence `unknown[]`.
 *
 * @example
 * ```ts
 * const webhooks = mockWebhooks() // the 30 rows of the default scenario
 * const other = mockWebhooks('default', { seed: 7, origin: 'https://hooks.acme.dev' })
 * const rows = mockWebhooks('malformed') // unknown[]: some fail integrationWebhookSchema
 * ```
 */
export function mockWebhooks(scenario?: ValidScenarioName, options?: MockDataOptions): IntegrationWebhook[]
/**
 * The rows of the `malformed` scenario: the default rows with invalid ones mixed in.
 *
 * @example
 * ```ts
 * parseWebhookList(mockWebhooks('malformed')).invalid.length // 7
 * ```
 */
export function mockWebhooks(scenario: 'malformed', options?: MockDataOptions): unknown[]
/**
 * The rows of any scenario, e.g. one picked at run time (a Storybook control).
 *
 * @example
 * ```ts
 * const rows = mockWebhooks(args.scenario) // unknown[]: parse with parseWebhookList
 * ```
 */
export function mockWebhooks(scenario?: ScenarioName, options?: MockDataOptions): unknown[]
export function mockWebhooks(scenario: ScenarioName = 'default', options: MockDataOptions = {}): unknown[] {
  const dataset = buildDataset(scenarioBehavior(scenario).data, resolveDataOptions(options))
  const rows: unknown[] = [...dataset.webhooks]
  for (const { index, row } of dataset.invalidWebhookRows) rows.splice(Math.min(index, rows.length), 0, row)
  return rows
}

/**
 * The whole execution history of one webhook of a scenario, newest first, without HTTP.
 *
 * Generates only that webhook's history, even in the `large` scenario. An id the
 * scenario does not have gives `[]`. In `malformed`, invalid rows are mixed in
 * (the HTTP handlers put them on the first page), hence `unknown[]`.
 *
 * @example
 * ```ts
 * const executions = mockExecutions('github-webhook')
 * executions[0].triggered_at === mockWebhooks()[…].last_triggered // the newest one
 * mockExecutions('gmail-webhook-0042', 'large').length // 200
 * ```
 */
export function mockExecutions(
  webhookId: string,
  scenario?: ValidScenarioName,
  options?: MockDataOptions,
): WebhookExecution[]
/**
 * The history of one webhook of the `malformed` scenario, with invalid rows mixed in.
 *
 * @example
 * ```ts
 * parseExecutionsPage({ executions: mockExecutions('github-webhook', 'malformed') }).invalid.length // 3
 * ```
 */
export function mockExecutions(webhookId: string, scenario: 'malformed', options?: MockDataOptions): unknown[]
/**
 * The history of one webhook of any scenario, e.g. one picked at run time.
 *
 * @example
 * ```ts
 * parseExecutionsPage({ executions: mockExecutions(id, args.scenario) }).executions
 * ```
 */
export function mockExecutions(webhookId: string, scenario?: ScenarioName, options?: MockDataOptions): unknown[]
export function mockExecutions(
  webhookId: string,
  scenario: ScenarioName = 'default',
  options: MockDataOptions = {},
): unknown[] {
  const dataset = buildDataset(scenarioBehavior(scenario).data, resolveDataOptions(options))
  const executions = datasetExecutions(dataset, webhookId) ?? []
  const first = executions[0]
  if (!first || !dataset.invalidExecutionRows) return executions
  const rows: unknown[] = [...executions]
  dataset.invalidExecutionRows(first).forEach((row, k) => {
    rows.splice(Math.min(rows.length, 2 * k + 1), 0, row)
  })
  return rows
}
