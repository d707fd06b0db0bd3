// Compile-only type tests for the fixture builders: `npm run typecheck` checks them, nothing runs them.
import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import type { HttpHandler, RequestHandler } from 'msw'
import {
  createWebhookHandlers,
  createWebhookMockStore,
  mockExecutions,
  mockWebhooks,
  type ScenarioName,
  webhookScenarioNames,
} from '../../mocks'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function expectType<T extends true>(_: T = true as T): void {}

export function fixtureTypes(picked: ScenarioName) {
  expectType<Equal<ReturnType<typeof createWebhookHandlers>, HttpHandler[]>>()
  const handlers: RequestHandler[] = createWebhookHandlers({ scenario: 'slow', latencyMs: 10 })
  const store = createWebhookMockStore({ scenario: 'large', seed: 3 })
  expectType<Equal<ReturnType<typeof store.getWebhooks>, IntegrationWebhook[]>>()
  // Valid scenarios are typed rows; `malformed` and a scenario known only at run time are not.
  const valid = mockWebhooks('hostile')
  const malformed = mockWebhooks('malformed')
  const any = mockWebhooks(picked)
  expectType<Equal<typeof valid, IntegrationWebhook[]>>()
  expectType<Equal<typeof malformed, unknown[]>>()
  expectType<Equal<typeof any, unknown[]>>()
  const executions = mockExecutions('github-webhook')
  expectType<Equal<typeof executions, WebhookExecution[]>>()
  // @ts-expect-error: not a scenario
  mockWebhooks('nope')
  return { handlers, scenarios: webhookScenarioNames }
}
