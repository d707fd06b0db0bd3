import { describe, expect, it } from 'vitest'
import { createCatalog, defaultCatalog } from '../../src/core'
import { defineIntegration } from '../../src/core/catalog/define'
import { parseInstructions } from '../../src/core/catalog/lookups'
import { generateFallbackWebhooks } from '../../src/core/fallback'
import { integrationWebhookSchema } from '../../src/core/schemas'
import { linearDefinition } from './fixtures'

const base = { userId: 'user_1', origin: 'https://app.example.com', now: '2026-03-01T12:00:00.000Z' }

describe('generateFallbackWebhooks', () => {
  const rows = generateFallbackWebhooks(base)

  it('makes one row per available integration, in catalog order, with ids {provider_id}-webhook', () => {
    const available = defaultCatalog.integrations.filter((i) => i.isAvailable)
    expect(rows.map((r) => r.provider_id)).toEqual(available.map((i) => i.id))
    expect(rows.map((r) => r.id)).toEqual(available.map((i) => `${i.id}-webhook`))
    const unavailable = defaultCatalog.integrations.filter((i) => !i.isAvailable).map((i) => i.id)
    expect(rows.some((r) => unavailable.includes(r.provider_id))).toBe(false)
  })

  it('marks every row as a suggestion: inactive, setup required, never triggered', () => {
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'inactive',
        trigger_count: 0,
        error_count: 0,
        last_triggered: null,
        user_id: 'user_1',
        created_at: base.now,
        updated_at: base.now,
      })
      expect(row.external_config.setup_required).toBe(true)
      expect(integrationWebhookSchema.safeParse(row).success).toBe(true)
    }
  })

  it("points the URL at the host's receiving endpoint, never at the provider's API", () => {
    for (const row of rows) {
      expect(row.webhook_url).toBe(`https://app.example.com/api/integration-webhooks/${row.provider_id}`)
    }
  })

  it('carries catalog facts: name, category, capabilities, trigger types, docs and numbered steps with the URL', () => {
    const github = rows.find((r) => r.provider_id === 'github')
    const entry = defaultCatalog.get('github')
    expect(github?.external_config).toMatchObject({
      integration_name: entry?.name,
      category: 'development',
      capabilities: entry?.capabilities,
      docs_url: entry?.docsUrl,
      type: entry?.delivery,
    })
    expect(github?.trigger_types).toEqual(entry?.triggers.map((t) => t.type))
    const steps = parseInstructions(github?.external_config.instructions ?? '')
    expect(steps).toHaveLength(entry?.setupSteps.length ?? -1)
    expect(github?.external_config.instructions.startsWith('1. ')).toBe(true)
    expect(github?.external_config.instructions).toContain(github?.webhook_url)
    expect(github?.external_config.instructions).not.toContain('{webhookUrl}')
  })

  it('is deterministic', () => {
    expect(generateFallbackWebhooks(base)).toEqual(rows)
  })

  it('takes a template or a function for the URL', () => {
    const [first] = generateFallbackWebhooks({ ...base, webhookUrl: 'https://hooks.example.com/in/{provider_id}?v=1' })
    expect(first?.webhook_url).toBe('https://hooks.example.com/in/gmail?v=1')
    const [viaFn] = generateFallbackWebhooks({ ...base, webhookUrl: (i) => `https://x.example/${i.id}/${i.category}` })
    expect(viaFn?.webhook_url).toBe('https://x.example/gmail/communication')
  })

  it('takes its own list of integrations or a catalog', () => {
    const linear = defineIntegration(linearDefinition)
    expect(generateFallbackWebhooks({ ...base, catalog: [linear] })).toHaveLength(1)
    const catalog = createCatalog([linear])
    expect(generateFallbackWebhooks({ ...base, catalog: catalog }).at(-1)?.trigger_types).toEqual([
      'linear_trigger_issue_created',
    ])
  })

  it('rejects an invalid "now" and a missing userId with a clear error', () => {
    expect(() => generateFallbackWebhooks({ ...base, now: 'not a date' })).toThrow(/invalid "now"/)
    // @ts-expect-error: an untyped caller forgetting userId
    expect(() => generateFallbackWebhooks({ origin: base.origin })).toThrow(/userId must be a string/)
  })
})
