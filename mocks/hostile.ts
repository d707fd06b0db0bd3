import { defaultCatalog, type IntegrationWebhook, type WebhookExecution } from 'integration-webhooks/core'
import type { MockDataset } from './dataset'
import { failures } from './history'
import { HOUR, iso, MINUTE, mockReceiveToken, type ResolvedDataOptions, receivingUrl } from './options'
import { createRandom, deriveSeed } from './random'
import { mockSigning } from './signing'

/**
 * The hostile strings of the `hostile` scenario: they break a UI that renders API data
 * as HTML, trusts URLs, or assumes short left-to-right text. A safe UI shows them verbatim.
 *
 * @example
 * ```ts
 * server.use(...createWebhookHandlers({ apiUrl, scenario: 'hostile' }))
 * expect(await screen.findByText(hostileStrings.script)).toBeInTheDocument() // shown as text
 * expect(document.querySelector('script')).toBeNull()
 * ```
 */
export const hostileStrings = {
  script: '<script>alert(1)</script>',
  javascriptUrl: 'javascript:alert(1)',
  imgOnerror: '<img src=x onerror=alert(1)>',
  longName: `${'Very long integration name that keeps going '.repeat(12)}`.slice(0, 500),
  arabic: 'بريد جيميل لفريق الدعم',
  hebrew: 'התראות סלאק של צוות המכירות',
  rtlOverride: 'Invoice \u202Efdp.exe',
  emoji: '🚀 Deploy hooks 🔥 👩🏽‍💻 🏳️‍🌈',
  zeroWidth: '\u200B\u200B\u200B',
} as const

const s = hostileStrings

/** The rows of the `hostile` scenario, each valid by the schema but hostile to a careless UI. */
export function hostileDataset(options: ResolvedDataOptions): MockDataset {
  const now = options.nowMs
  const created = iso(now - 90 * 24 * HOUR)
  const base = (providerId: string, id: string, overrides: Partial<IntegrationWebhook> = {}): IntegrationWebhook => {
    const integration = defaultCatalog.resolve(providerId)
    const { external_config: external, ...rest } = overrides
    return {
      id,
      user_id: options.userId,
      provider_id: integration.id,
      webhook_url: receivingUrl(
        options.origin,
        options.apiUrl,
        mockReceiveToken(createRandom(deriveSeed(options.seed, 'hostile-token', id))),
      ),
      trigger_types: integration.triggers.map((trigger) => trigger.type),
      integration_config: {},
      status: 'active',
      last_triggered: iso(now - 20 * MINUTE),
      trigger_count: 12,
      error_count: 3,
      created_at: created,
      updated_at: created,
      signing: mockSigning(integration.id, true),
      ...rest,
      external_config: {
        type: integration.delivery,
        setup_required: false,
        instructions: `1. Open ${integration.name}\n2. Paste the webhook URL`,
        integration_name: integration.name,
        category: integration.category,
        capabilities: [...integration.capabilities],
        ...external,
      },
    }
  }

  const webhooks: IntegrationWebhook[] = [
    base('github', 'hostile-script', {
      webhook_url: s.javascriptUrl,
      status: 'error',
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: s.script,
        category: 'development',
        capabilities: [s.script, 'issues'],
        instructions: `1. ${s.script}\n2. Open ${s.javascriptUrl} and paste the URL\n3. ${s.imgOnerror}`,
        docs_url: s.javascriptUrl,
      },
    }),
    base('slack', 'hostile-long-name', {
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: s.longName,
        category: 'communication',
        capabilities: ['messages'],
        instructions: `1. ${'A step that does not stop. '.repeat(40).trim()}`,
      },
    }),
    base('gmail', 'hostile-rtl-arabic', {
      external_config: {
        type: 'google-pubsub',
        setup_required: false,
        integration_name: s.arabic,
        category: 'communication',
        capabilities: ['email'],
        instructions: '1. افتح إعدادات Google Cloud\n2. أضف عنوان الويب هوك',
      },
    }),
    base('slack', 'hostile-rtl-hebrew', {
      status: 'inactive',
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: s.hebrew,
        category: 'communication',
        capabilities: ['messages'],
        instructions: `1. פתחו את הגדרות האפליקציה\n2. ${s.rtlOverride}`,
      },
    }),
    base('shopify', 'hostile-emoji', {
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: s.emoji,
        category: 'business',
        capabilities: ['🛒 orders', '👥 customers'],
        instructions: '1. 👉 Open Settings → Notifications\n2. ✅ Paste the URL',
      },
    }),
    base('stripe', 'hostile-secrets', {
      integration_config: {
        api_key: 'sk_live_51HostileKeyDoNotShow000000000000',
        accessToken: 'ya29.a0AfH6SMBhostile-access-token',
        client_secret: 'cs_hostile_client_secret',
        password: 'hunter2',
        webhookSigningSecret: 'whsec_hostile',
        nested: { refresh_token: '1//0hostile-refresh', privateKey: '-----BEGIN PRIVATE KEY-----\nMIIE…' },
        safe_setting: 'visible value',
      },
    }),
    base('discord', 'hostile id/with?query#hash&x=1', {
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: `Discord ${s.rtlOverride}`,
        category: `communication" onmouseover="alert(1)`,
        capabilities: ['commands'],
        instructions: `1. Visit ${s.javascriptUrl}\n2. Then data:text/html,${s.script}`,
      },
    }),
    {
      ...base('github', 'hostile-provider'),
      provider_id: `"><svg onload=alert(1)>`,
      // An unknown provider: the server signs it by its default scheme.
      signing: mockSigning(`"><svg onload=alert(1)>`, true),
      trigger_types: [s.script],
    },
    base('notion', 'hostile-numbers', {
      trigger_count: Number.MAX_SAFE_INTEGER,
      error_count: 2 ** 31,
      last_triggered: '9999-12-31T23:59:59.999Z',
      created_at: '1970-01-01T00:00:00.000Z',
      external_config: {
        type: 'webhook',
        setup_required: false,
        integration_name: s.zeroWidth,
        category: 'productivity',
        capabilities: [],
        instructions: '',
      },
    }),
  ]

  // `__proto__` only becomes an own key through JSON.parse, exactly as it arrives from an API.
  const polluted = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')
  let deep: Record<string, unknown> = { bottom: s.imgOnerror }
  for (let level = 0; level < 40; level++) deep = { level, child: deep }

  const execution = (
    webhook: IntegrationWebhook,
    n: number,
    overrides: Partial<WebhookExecution>,
  ): WebhookExecution => ({
    id: `${webhook.id}-exec-${n}`,
    webhook_id: webhook.id,
    user_id: options.userId,
    provider_id: webhook.provider_id,
    trigger_type: webhook.trigger_types[0] ?? s.script,
    payload: { html: s.imgOnerror, link: s.javascriptUrl, text: `${s.arabic} ${s.script}`, emoji: s.emoji },
    headers: { 'content-type': 'application/json', 'x-evil-header': s.script },
    status: 'error',
    // The server calls onEvent, not a URL: no response code; the body is what onEvent returned.
    response_code: null,
    response_body: `<html><body onload=alert(1)>${s.imgOnerror}</body></html>`,
    error_message: s.imgOnerror,
    execution_time_ms: 120,
    triggered_at: iso(now - (20 + n) * MINUTE),
    ...overrides,
  })

  const fixed = new Map<string, WebhookExecution[]>()
  for (const webhook of webhooks) {
    fixed.set(webhook.id, [
      execution(webhook, 3, {}),
      execution(webhook, 2, {
        status: 'success',
        response_code: null,
        response_body: s.script,
        error_message: null,
        payload: { ...polluted, deep, long: 'x'.repeat(20_000) },
        headers: { 'content-type': 'text/html', authorization: 'Bearer hostile-token', cookie: 'session=hostile' },
      }),
      execution(webhook, 1, {
        trigger_type: s.script,
        payload: `${s.script}${s.imgOnerror}`,
        headers: null,
        error_message: `${failures.handler.message}: ${s.imgOnerror} ${s.javascriptUrl}`,
        execution_time_ms: 1e9,
      }),
    ])
  }

  return {
    webhooks,
    plans: new Map(),
    fixed,
    failures: new Map([
      ['hostile-script', { ...failures.handler, message: `Could not enqueue the event: ${s.imgOnerror}` }],
    ]),
    invalidWebhookRows: [],
    invalidExecutionRows: undefined,
  }
}
