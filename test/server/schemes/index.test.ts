import { describe, expect, it } from 'vitest'
import { availableIntegrations } from '../../../src/core/catalog/builtin'
import { defaultScheme, schemeFor, schemes } from '../../../src/server/schemes/index'

describe('the scheme registry', () => {
  it('finds each scheme by id, and each scheme is registered under its own id', () => {
    for (const [id, scheme] of Object.entries(schemes)) expect(scheme.id).toBe(id)
    expect(schemeFor({ id: 'github', signature: { scheme: 'github' } }).id).toBe('github')
  })

  it('falls back to Standard Webhooks for entries without a scheme, or with one that does not exist', () => {
    expect(defaultScheme.id).toBe('standard-webhooks')
    expect(schemeFor({ id: 'my-tool' })).toBe(defaultScheme)
    expect(schemeFor({ id: 'x', signature: { scheme: 'toString' } })).toBe(defaultScheme)
    expect(schemeFor({ id: 'x', signature: { scheme: 'no-such-scheme' } })).toBe(defaultScheme)
  })

  it('every built-in entry names a scheme; internal ones use Standard Webhooks', () => {
    for (const integration of availableIntegrations) {
      expect(integration.signature?.scheme, integration.id).toMatch(/^[a-z0-9-]+$/)
      if (integration.delivery === 'internal') expect(integration.signature?.scheme).toBe('standard-webhooks')
    }
  })

  it("every built-in entry's scheme exists, and schemeFor gives it", () => {
    for (const integration of availableIntegrations) {
      const id = integration.signature?.scheme ?? ''
      expect(Object.hasOwn(schemes, id), `${integration.id} → ${id}`).toBe(true)
      expect(schemeFor(integration).id).toBe(id)
    }
  })

  it('each scheme has a label, a secret spec, and signs unless its proof is not ours to make', () => {
    for (const scheme of Object.values(schemes)) {
      expect(scheme.label.length).toBeGreaterThan(0)
      expect(scheme.secret.formHint.length).toBeGreaterThan(0)
      const cannotSign = scheme.secret.source === 'host-verifier' || scheme.id === 'discord'
      expect(typeof scheme.sign, scheme.id).toBe(cannotSign ? 'undefined' : 'function')
    }
  })
})

describe('setup steps and the secret we generate', () => {
  // Where we issue the secret, the provider's console must get ours: a step that asks the
  // user to make one up, or to store one "in this integration", contradicts the dialog's
  // Signing secret section (found by trying the app as a new user).
  const generated = availableIntegrations.filter((integration) => schemeFor(integration).secret.source === 'generated')

  it('no step asks for a secret of the user’s own making', () => {
    expect(generated.map((integration) => integration.id)).toEqual(expect.arrayContaining(['github', 'gitlab']))
    for (const integration of generated) {
      for (const step of integration.setupSteps ?? []) {
        expect(step, integration.id).not.toMatch(
          /\b(enter|add) an? (hmac )?secret\b|the same value|in this integration too/i,
        )
      }
    }
  })

  it('a step that puts a secret into the provider’s console points at the Signing secret section', () => {
    for (const integration of generated) {
      for (const step of integration.setupSteps ?? []) {
        if (/\bpaste\b.*\bsecret\b/i.test(step)) expect(step, integration.id).toMatch(/under Signing secret/)
      }
    }
    for (const id of ['github', 'gitlab', 'youtube']) {
      const steps = generated.find((integration) => integration.id === id)?.setupSteps ?? []
      expect(
        steps.some((step) => step.includes('under Signing secret')),
        id,
      ).toBe(true)
    }
  })
})
