import { describe, expect, it } from 'vitest'
import { defineIntegration, type IntegrationDefinition } from '../../src/core/catalog/define'
import { availableIntegrations } from '../../src/core/catalog/integrations'

const categories = {
  communication: ['gmail', 'slack', 'discord', 'teams', 'microsoft-outlook'],
  productivity: ['google-calendar', 'google-sheets', 'google-drive', 'google-docs', 'notion', 'trello'],
  social: ['twitter', 'facebook', 'instagram', 'tiktok', 'linkedin', 'youtube'],
  development: ['github', 'gitlab'],
  business: ['hubspot', 'airtable', 'mailchimp', 'shopify', 'stripe', 'paypal'],
  storage: ['onedrive', 'dropbox', 'box'],
  ai: ['ai', 'logic'],
} as const

const ids = availableIntegrations.map((integration) => integration.id)

describe('availableIntegrations', () => {
  it('lists exactly the 30 integrations in category order', () => {
    expect(ids).toEqual(Object.values(categories).flat())
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
  })

  it('puts every integration in its category', () => {
    for (const [category, members] of Object.entries(categories)) {
      const actual = availableIntegrations.filter((i) => i.category === category).map((i) => i.id)
      expect(actual, category).toEqual(members)
    }
    expect(new Set(availableIntegrations.map((i) => i.category)).size).toBe(7)
  })

  it('names trigger types {id with - → _}_trigger_{event}, uniquely', () => {
    const types = availableIntegrations.flatMap((i) => i.triggers.map((t) => t.type))
    for (const integration of availableIntegrations) {
      const pattern = new RegExp(`^${integration.id.replace(/-/g, '_')}_trigger_[a-z0-9_]+$`)
      expect(integration.triggers.length, integration.id).toBeGreaterThanOrEqual(2)
      expect(integration.triggers.length, integration.id).toBeLessThanOrEqual(4)
      for (const trigger of integration.triggers) expect(trigger.type).toMatch(pattern)
    }
    expect(new Set(types).size).toBe(types.length)
  })

  it('has a new_email trigger for gmail and microsoft-outlook', () => {
    const types = (id: string) => availableIntegrations.find((i) => i.id === id)?.triggers.map((t) => t.type)
    expect(types('gmail')).toContain('gmail_trigger_new_email')
    expect(types('microsoft-outlook')).toContain('microsoft_outlook_trigger_new_email')
  })

  it('links https documentation, never an API base address', () => {
    const docsHostsNamedApi = new Set(['api.slack.com'])
    for (const { id, docsUrl, delivery } of availableIntegrations) {
      if (delivery === 'internal') {
        expect(docsUrl, id).toBeUndefined()
        continue
      }
      const url = new URL(docsUrl ?? '')
      expect(url.protocol, id).toBe('https:')
      if (!docsHostsNamedApi.has(url.host)) expect(docsUrl, id).not.toContain('://api.')
    }
  })

  it('has at least 3 setup steps, with {webhookUrl} for every outside provider', () => {
    for (const integration of availableIntegrations) {
      expect(integration.setupSteps.length, integration.id).toBeGreaterThanOrEqual(3)
      if (integration.delivery !== 'internal') {
        expect(
          integration.setupSteps.some((step) => step.includes('{webhookUrl}')),
          integration.id,
        ).toBe(true)
      }
    }
  })

  // Built-in entries are not validated when the module loads (that would keep the definition
  // schema in every bundle with the catalog), so this test is what validates them.
  it('passes defineIntegration: every built-in entry is a valid definition', () => {
    for (const integration of availableIntegrations) {
      const { triggers, ...rest } = integration
      const definition: IntegrationDefinition = {
        ...rest,
        triggers: triggers.map(({ type: _type, ...trigger }) => trigger),
      }
      // A copy, so defineIntegration really validates it (an entry it has already seen is returned as is).
      expect(defineIntegration(structuredClone(definition)), integration.id).toEqual(integration)
    }
  })

  it('uses #rrggbb colours', () => {
    for (const { id, color } of availableIntegrations) expect(color, id).toMatch(/^#[0-9a-fA-F]{6}$/)
  })

  it('marks unavailable only the integrations whose webhooks need the provider to approve the app', () => {
    expect(availableIntegrations.filter((i) => !i.isAvailable).map((i) => i.id)).toEqual([
      'twitter',
      'tiktok',
      'linkedin',
    ])
  })
})
