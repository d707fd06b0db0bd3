import type { Integration } from 'integration-webhooks/core'
import type { Random } from './random'

type ConfigBuilder = (rng: Random, integration: Integration) => Record<string, unknown>

const providerEvents = (integration: Integration) =>
  integration.triggers.map((trigger) => trigger.providerEvent ?? trigger.event)

// Values under secret-looking keys (`signing_secret`, `client_state`, …) let the UI's masking show.
const configs: Record<string, ConfigBuilder> = {
  gmail: (rng) => ({
    topic_name: 'projects/acme-prod/topics/gmail-push',
    label_ids: ['INBOX'],
    history_id: String(rng.int(9_000_000, 9_999_999)),
    watch_expiration: '2026-11-27T12:00:00.000Z',
  }),
  slack: (rng) => ({
    team_id: 'T024BE7LD',
    channel_ids: ['C04QX7L2B9A', 'C05HJ2K8DMF'],
    signing_secret: rng.hex(32),
  }),
  discord: (rng) => ({ application_id: '1187342209614913536', public_key: rng.hex(64) }),
  teams: (rng) => ({ subscription_id: rng.uuid(), client_state: rng.alphanumeric(24), tenant_id: rng.uuid() }),
  'microsoft-outlook': (rng) => ({
    subscription_id: rng.uuid(),
    client_state: rng.alphanumeric(24),
    resource: 'me/mailFolders/inbox/messages',
  }),
  onedrive: (rng) => ({ subscription_id: rng.uuid(), client_state: rng.alphanumeric(24), resource: 'me/drive/root' }),
  'google-calendar': (rng) => ({ calendar_id: 'primary', channel_id: rng.uuid(), channel_token: rng.alphanumeric(20) }),
  'google-drive': (rng) => ({ channel_id: rng.uuid(), page_token: String(rng.int(10_000, 99_999)) }),
  github: (rng) => ({
    repository: 'acme/web',
    events: ['push', 'issues', 'pull_request', 'release'],
    content_type: 'json',
    secret: rng.alphanumeric(40),
  }),
  gitlab: (rng) => ({ project_id: rng.int(10_000_000, 60_000_000), secret_token: rng.alphanumeric(32) }),
  stripe: (rng, integration) => ({
    account: 'acct_1NqXYZ2eZvKYlo2C',
    api_version: '2025-10-29.clover',
    enabled_events: providerEvents(integration),
    signing_secret: `whsec_${rng.alphanumeric(32)}`,
  }),
  paypal: (rng) => ({ webhook_id: rng.alphanumeric(17).toUpperCase(), sandbox: true }),
  shopify: (rng) => ({ shop_domain: 'acme-outdoor.myshopify.com', api_version: '2025-10', client_secret: rng.hex(32) }),
  hubspot: (rng) => ({ portal_id: 24_681_357, app_id: 3_141_592, client_secret: rng.uuid() }),
  notion: (rng) => ({ workspace_name: 'Acme HQ', verification_token: `secret_${rng.alphanumeric(40)}` }),
  trello: (rng) => ({ board_id: rng.hex(24), api_key: rng.hex(32) }),
  airtable: (rng) => ({ base_id: `app${rng.alphanumeric(14)}`, mac_secret_base64: btoa(rng.alphanumeric(24)) }),
  dropbox: (rng) => ({ app_key: rng.alphanumeric(15).toLowerCase(), app_secret: rng.alphanumeric(15).toLowerCase() }),
  box: (rng) => ({ primary_signature_key: rng.alphanumeric(32), secondary_signature_key: rng.alphanumeric(32) }),
  ai: () => ({ agent: 'support-triage', model: 'default' }),
  logic: () => ({ timezone: 'Europe/Berlin' }),
}

/** A plausible `integration_config` for a provider, with its events and, for most, a secret. */
export function integrationConfig(integration: Integration, rng: Random): Record<string, unknown> {
  const build = configs[integration.id]
  return build ? build(rng, integration) : { events: providerEvents(integration) }
}
