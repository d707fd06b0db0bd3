// integration-webhooks/mocks — MSW handlers, scenarios and deterministic fixtures of the
// webhook endpoint, for Storybook, this library's tests and host applications' tests.

export { createWebhookHandlers } from './create-webhook-handlers'
export type { ValidScenarioName } from './fixtures'
export { mockExecutions, mockWebhooks } from './fixtures'
export type { ExecutionFailure, LiveDelivery } from './history'
export { liveExecution } from './history'
export { hostileStrings } from './hostile'
export type { MockDataOptions } from './options'
export { MOCK_NOW } from './options'
export type { Random } from './random'
export { createRandom, deriveSeed } from './random'
export type { ScenarioName } from './scenarios'
export { webhookScenarioNames, webhookScenarios } from './scenarios'
export { mockStats } from './stats'
export type { WebhookMockOptions, WebhookMockStats, WebhookMockStore } from './store'
export { createWebhookMockStore } from './store'
export type { MockStreamMode } from './stream'
