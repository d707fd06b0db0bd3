import { describe, expect, it } from 'vitest'
import {
  brandColorOf,
  builtinBrandColors,
  createCatalog,
  defaultCatalog,
  getSetupInstructions,
  getSetupSteps,
  getTriggerTypes,
  getWebhookUrl,
  parseInstructions,
  unknownBrandColor,
  unknownIntegration,
} from '../../src/core'
import {
  defineIntegration,
  type IntegrationDefinition,
  IntegrationDefinitionError,
  toTriggerType,
} from '../../src/core/catalog/define'
import { linearDefinition } from './fixtures'

const linear = linearDefinition

describe('defineIntegration', () => {
  it('derives trigger types as {provider_id with - → _}_trigger_{event}', () => {
    expect(toTriggerType('microsoft-outlook', 'new_email')).toBe('microsoft_outlook_trigger_new_email')
    expect(defineIntegration(linear).triggers[0]?.type).toBe('linear_trigger_issue_created')
    expect(defineIntegration(linear).webhookPath).toBe('linear')
  })

  it('lists every problem of an invalid entry as `path: message`', () => {
    const bad = { ...linear, id: 'Not Kebab', color: 'red', docsUrl: 'http://insecure.example', triggers: [] }
    let error: unknown
    try {
      defineIntegration(bad as IntegrationDefinition)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(IntegrationDefinitionError)
    const { issues, message } = error as IntegrationDefinitionError
    expect(issues).toEqual([
      'id: must be kebab-case (a-z, 0-9, -)',
      'color: must be a #rrggbb colour',
      'docsUrl: must be an https:// URL',
      'triggers: expected at least 1 item(s)',
    ])
    expect(message).toContain('"Not Kebab"')
  })

  it('requires docsUrl for every outside provider, not for internal triggers', () => {
    const { docsUrl: _, ...noDocs } = linear
    expect(() => defineIntegration(noDocs)).toThrow(/docsUrl: required unless delivery is "internal"/)
    expect(defineIntegration({ ...noDocs, delivery: 'internal' }).docsUrl).toBeUndefined()
  })

  it('rejects duplicate trigger events', () => {
    const twice = { ...linear, triggers: [linear.triggers[0], linear.triggers[0]] } as IntegrationDefinition
    expect(() => defineIntegration(twice)).toThrow(/duplicate event "issue_created"/)
  })

  it('rejects a non-object with a clear error instead of a crash', () => {
    expect(() => defineIntegration(null as unknown as IntegrationDefinition)).toThrow(IntegrationDefinitionError)
  })
})

describe('createCatalog', () => {
  it('extends the default catalog: new entries appended, same ids replaced in place', () => {
    const slack = defaultCatalog.get('slack')
    if (!slack) throw new Error('slack missing')
    const catalog = createCatalog([linear, { ...slack, color: '#000000' }])
    expect(catalog.integrations).toHaveLength(defaultCatalog.integrations.length + 1)
    expect(catalog.integrations.at(-1)?.id).toBe('linear')
    expect(catalog.integrations.findIndex((i) => i.id === 'slack')).toBe(
      defaultCatalog.integrations.findIndex((i) => i.id === 'slack'),
    )
    expect(catalog.get('slack')?.color).toBe('#000000')
    expect(defaultCatalog.get('slack')?.color).not.toBe('#000000')
  })

  it('starts from nothing with base: null', () => {
    expect(createCatalog([linear], { base: null }).integrations.map((i) => i.id)).toEqual(['linear'])
  })

  it('rejects the same id twice in one call', () => {
    expect(() => createCatalog([linear, linear])).toThrow(/"linear" is listed twice/)
  })

  it('resolves an unknown provider to a sensible default', () => {
    const unknown = defaultCatalog.resolve('Acme CRM!')
    expect(defaultCatalog.get('Acme CRM!')).toBeUndefined()
    expect(unknown).toMatchObject({ name: 'Acme Crm', category: 'other', webhookPath: 'acme-crm' })
    expect(unknown.docsUrl).toBeUndefined()
    expect(unknown.triggers.map((t) => t.type)).toEqual(['acme_crm_trigger_event'])
    expect(unknownIntegration('').webhookPath).toBe('unknown')
  })
})

describe('lookups', () => {
  it('getWebhookUrl builds the host endpoint from an origin, a base URL, a template or a function', () => {
    expect(getWebhookUrl('gmail', { origin: 'https://app.example.com/' })).toBe(
      'https://app.example.com/api/integration-webhooks/gmail',
    )
    expect(getWebhookUrl('gmail')).toBe('/api/integration-webhooks/gmail')
    expect(getWebhookUrl('slack', { webhookUrl: 'https://hooks.example.com/in/' })).toBe(
      'https://hooks.example.com/in/slack',
    )
    expect(getWebhookUrl('slack', { webhookUrl: 'https://h.example.com/{provider_id}/events' })).toBe(
      'https://h.example.com/slack/events',
    )
    expect(getWebhookUrl('slack', { webhookUrl: (i) => `https://h.example.com/${i.name}` })).toBe(
      'https://h.example.com/Slack',
    )
    expect(getWebhookUrl('made-up', { origin: 'https://a.example' })).toBe(
      'https://a.example/api/integration-webhooks/made-up',
    )
  })

  it('getTriggerTypes reads the catalog, with a default for an unknown provider', () => {
    expect(getTriggerTypes('gmail')).toContain('gmail_trigger_new_email')
    expect(getTriggerTypes('microsoft-outlook')).toContain('microsoft_outlook_trigger_new_email')
    expect(getTriggerTypes('nope')).toEqual(['nope_trigger_event'])
  })

  it('getSetupInstructions numbers the steps and fills in the URL; parseInstructions reverses it', () => {
    const text = getSetupInstructions('github', { origin: 'https://app.example.com' })
    const steps = getSetupSteps('github', { origin: 'https://app.example.com' })
    expect(text.split('\n')).toEqual(steps.map((s, i) => `${i + 1}. ${s}`))
    expect(text).toContain('https://app.example.com/api/integration-webhooks/github')
    expect(parseInstructions(text)).toEqual(steps)
    expect(parseInstructions('Open settings\n\n  Add the URL  ')).toEqual(['Open settings', 'Add the URL'])
  })
})

describe('brandColorOf', () => {
  it('gives every built-in integration the colour its catalog entry has, without the catalog', () => {
    expect(Object.keys(builtinBrandColors).sort()).toEqual(defaultCatalog.integrations.map((i) => i.id).sort())
    for (const integration of defaultCatalog.integrations) {
      expect(brandColorOf(integration.id)).toBe(integration.color)
      expect(integration.color).toMatch(/^#[0-9A-Fa-f]{6}$/)
    }
  })

  it("takes a host catalog's colour, custom entries included", () => {
    const catalog = createCatalog([linear])
    expect(brandColorOf('linear', catalog)).toBe(linear.color)
    expect(brandColorOf('linear')).toBe(unknownBrandColor)
    expect(brandColorOf('slack', catalog)).toBe(builtinBrandColors.slack)
  })

  it('gives unknown ids, prototype keys included, the neutral colour', () => {
    for (const id of ['acme', '', '__proto__', 'constructor', 'toString'])
      expect(brandColorOf(id)).toBe(unknownBrandColor)
    expect(unknownIntegration('acme').color).toBe(unknownBrandColor)
  })
})
