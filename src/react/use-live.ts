import type { WebhookApiError } from 'integration-webhooks/core'
import { useEffect, useSyncExternalStore } from 'react'
import type { LiveState } from './live-registry'
import { useWebhooksContext } from './webhooks-provider'

const off = (): LiveState => 'off'
const noError = () => undefined

/** Holds the provider's one live stream open while `enabled`, and reads its state. */
export function useLive(enabled: boolean): { liveState: LiveState; liveError: WebhookApiError | undefined } {
  const { live } = useWebhooksContext()
  useEffect(() => (enabled ? live.acquire() : undefined), [live, enabled])
  const liveState = useSyncExternalStore(live.subscribe, live.getState, off)
  const liveError = useSyncExternalStore(live.subscribe, live.getError, noError)
  return enabled ? { liveState, liveError } : { liveState: 'off', liveError: undefined }
}
