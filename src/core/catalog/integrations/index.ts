import type { Integration } from '../define'
import { aiIntegrations } from './ai'
import { businessIntegrations } from './business'
import { communicationIntegrations } from './communication'
import { developmentIntegrations } from './development'
import { productivityIntegrations } from './productivity'
import { socialIntegrations } from './social'
import { storageIntegrations } from './storage'

/**
 * Every built-in integration, validated, in display order (by category, then as listed).
 *
 * @example
 * ```ts
 * availableIntegrations.find((i) => i.id === 'gmail')?.triggers[0]?.type // 'gmail_trigger_new_email'
 * ```
 */
export const availableIntegrations: readonly Integration[] = [
  ...communicationIntegrations,
  ...productivityIntegrations,
  ...socialIntegrations,
  ...developmentIntegrations,
  ...businessIntegrations,
  ...storageIntegrations,
  ...aiIntegrations,
]
