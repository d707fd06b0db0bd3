import { act, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { useIntegrationWebhooks, useWebhookActions } from '../../src/react'
import { makeWebhook } from '../core/fixtures'
import { API, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()

const signing = (over: Record<string, unknown> = {}) => ({
  scheme: 'github',
  label: 'GitHub (X-Hub-Signature-256)',
  source: 'generated' as const,
  form_hint: 'any text',
  secret_set: false,
  previous_expires_at: null,
  ...over,
})
const EXPIRES = '2026-12-06T15:00:00.000Z'

function useAll() {
  return { list: useIntegrationWebhooks(), actions: useWebhookActions() }
}

async function loaded(row = makeWebhook({ id: 'w1', signing: signing() })) {
  server.use(http.get(API, () => HttpResponse.json({ webhooks: [row], source: 'saved' })))
  const view = renderHookWithProviders(useAll)
  await waitFor(() => expect(view.result.current.list.webhooks).toHaveLength(1))
  return view
}

describe('useWebhookActions: signing secrets', () => {
  it('revealSecret returns the secret as a value, and tracks pending', async () => {
    server.use(http.get(`${API}/w1/secret`, () => HttpResponse.json({ secret: 's3cr3t', previous_expires_at: null })))
    const { result } = await loaded()
    let pending!: ReturnType<typeof result.current.actions.revealSecret>
    act(() => {
      pending = result.current.actions.revealSecret('w1')
    })
    await waitFor(() => expect(result.current.actions.isPending('revealSecret', 'w1')).toBe(true))
    expect(await act(() => pending)).toEqual({ ok: true, data: { secret: 's3cr3t', previous_expires_at: null } })
    expect(result.current.actions.isPending('revealSecret', 'w1')).toBe(false)
  })

  it('setSecret shows the webhook the server returned (secret_set) in the list', async () => {
    let body: unknown
    server.use(
      http.put(`${API}/w1/secret`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({
          webhook: makeWebhook({ id: 'w1', signing: signing({ source: 'provider', secret_set: true }) }),
        })
      }),
    )
    const { result } = await loaded(makeWebhook({ id: 'w1', signing: signing({ source: 'provider' }) }))
    const outcome = await act(() => result.current.actions.setSecret('w1', 'whsec_abc'))
    expect(outcome.ok).toBe(true)
    expect(body).toEqual({ secret: 'whsec_abc' })
    expect(result.current.list.webhooks[0]?.signing?.secret_set).toBe(true)
  })

  it('setSecret resolves to the 400 as a value, with the server sentence, and keeps the list', async () => {
    const sentence = 'This is not a Stripe (Stripe-Signature) secret: expected starts with whsec_'
    server.use(
      http.put(`${API}/w1/secret`, () =>
        HttpResponse.json({ error: sentence, code: 'invalid_secret' }, { status: 400 }),
      ),
    )
    const onError = vi.fn()
    server.use(
      http.get(API, () =>
        HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', signing: signing({ source: 'provider' }) })] }),
      ),
    )
    const { result } = renderHookWithProviders(() => ({
      list: useIntegrationWebhooks(),
      actions: useWebhookActions({ onError }),
    }))
    await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
    const outcome = await act(() => result.current.actions.setSecret('w1', 'nope'))
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.error).toMatchObject({ code: 'invalid_secret', serverMessage: sentence })
    expect(result.current.actions.errorFor('setSecret', 'w1')).toMatchObject({ code: 'invalid_secret' })
    expect(onError).toHaveBeenCalledWith(expect.anything(), 'setSecret', 'w1')
    expect(result.current.list.webhooks[0]?.signing?.secret_set).toBe(false)
  })

  it('rotateSecret returns the new secret and the list shows secret_set and the previous expiry', async () => {
    let body: unknown
    server.use(
      http.post(`${API}/w1/secret/rotate`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ secret: 'new', previous_expires_at: EXPIRES })
      }),
    )
    const { result } = await loaded()
    const outcome = await act(() => result.current.actions.rotateSecret('w1', { graceSeconds: 3600 }))
    expect(outcome).toEqual({ ok: true, data: { secret: 'new', previous_expires_at: EXPIRES } })
    expect(body).toEqual({ grace_seconds: 3600 })
    expect(result.current.list.webhooks[0]?.signing).toMatchObject({ secret_set: true, previous_expires_at: EXPIRES })
  })

  it('rotateSecret resolves to a 409 not_rotatable as a value', async () => {
    server.use(
      http.post(`${API}/w1/secret/rotate`, () =>
        HttpResponse.json({ error: 'Stripe issues this secret', code: 'not_rotatable' }, { status: 409 }),
      ),
    )
    const { result } = await loaded()
    const outcome = await act(() => result.current.actions.rotateSecret('w1'))
    expect(!outcome.ok && outcome.error).toMatchObject({ kind: 'conflict', code: 'not_rotatable' })
    expect(result.current.actions.errorFor('rotateSecret', 'w1')).toBeDefined()
  })
})
