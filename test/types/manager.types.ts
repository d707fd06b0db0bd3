// Compile-only type tests (never run; `npm run typecheck` checks them): the manager takes, and
// forwards by name, every option of the client and of WebhooksProvider.
import type { IntegrationWebhookManagerProps } from '../../src/components'
import type { webhooksProviderPropNames } from '../../src/components/use-webhook-manager'
import type { WebhookClientOptions } from '../../src/core'
import type { WebhooksProviderProps } from '../../src/react'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
function expectType<T extends true>(_: T = true as T): void {}

type Forwarded = (typeof webhooksProviderPropNames)[number]

export function managerTypes() {
  // Every client option is a prop of the manager, with the client's own type …
  expectType<Equal<Exclude<keyof WebhookClientOptions, keyof IntegrationWebhookManagerProps>, never>>()
  expectType<Equal<IntegrationWebhookManagerProps['retry'], WebhookClientOptions['retry']>>()
  // … and is forwarded to the provider, as is every other provider prop.
  expectType<Equal<Exclude<keyof WebhookClientOptions, Forwarded>, never>>()
  expectType<Equal<Forwarded, Exclude<keyof WebhooksProviderProps, 'children'>>>()
}
