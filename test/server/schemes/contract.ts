// The table every scheme passes: a signed request verifies (with the current secret and with
// the previous one during a rotation); a tampered body, a wrong secret, no secret, a missing
// header and (where signed) a stale timestamp are refused with a short reason that holds no
// secret and no signature; any one-byte change of the body is refused (property).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SchemeContext, SchemeRequest, SignatureScheme, SignInput } from '../../../src/server/schemes/types'

export const NOW = new Date('2026-12-05T14:00:00Z')
export const URL_ = new URL('https://hooks.example.com/api/webhooks/receive/abcDEF123_token')
export const enc = (text: string) => new TextEncoder().encode(text)

export function request(parts: {
  method?: string
  url?: URL | string
  headers?: Record<string, string> | Headers
  body?: Uint8Array | string
}): SchemeRequest {
  const body = parts.body ?? new Uint8Array()
  return {
    method: parts.method ?? 'POST',
    url: new URL(parts.url ?? URL_),
    headers: new Headers(parts.headers ?? {}),
    body: typeof body === 'string' ? enc(body) : body,
  }
}

export function context(secrets: readonly string[], extra: Partial<SchemeContext> = {}): SchemeContext {
  return { secrets, now: NOW, toleranceSeconds: 300, config: {}, ...extra }
}

/** A signed request: headers (and URL, body) from `sign`, or from the test's own signer. */
export type Signer = (input: SignInput) => Promise<{ headers: Record<string, string>; url?: URL; body?: Uint8Array }>

export interface ContractOptions {
  /** A body the provider would send (JSON text unless the provider sends another type). */
  body: string
  eventName: string
  /** Headers whose absence must be refused. */
  required: readonly string[]
  /** Whether the signature covers a timestamp (stale ones are refused). */
  timestamped: boolean
  /** Two secrets of the scheme's form (current, previous); the scheme's generator by default. */
  secrets?: () => [string, string]
  /** Signs for schemes without `sign` (Discord) or that need more (the test knows how). */
  signer?: Signer
  /** The secret `verify` is given for a signing secret (Discord: the public key of the private key). */
  verifyingSecret?: (signingSecret: string) => string | Promise<string>
  config?: Record<string, unknown>
  /** Whether the proof covers the body (Google channels and GitLab's token do not). */
  bodySigned?: boolean
  /** Fewer runs for schemes whose verification is slow. */
  numRuns?: number
}

export function schemeContract(scheme: SignatureScheme, options: ContractOptions) {
  const sign: Signer =
    options.signer ??
    ((input) => {
      if (!scheme.sign) throw new Error(`${scheme.id} cannot sign`)
      return scheme.sign(input)
    })
  const secrets = options.secrets ?? (() => [scheme.secret.generate(), scheme.secret.generate()] as [string, string])
  const verifying = async (secret: string) => (options.verifyingSecret ? options.verifyingSecret(secret) : secret)
  const bodySigned = options.bodySigned ?? true

  async function signed(secret: string, at = NOW, body = enc(options.body)) {
    const out = await sign({ body, secret, url: URL_, now: at, deliveryId: 'delivery-1', eventName: options.eventName })
    return request({ url: out.url ?? URL_, headers: out.headers, body: out.body ?? body })
  }
  const ctx = async (list: readonly string[], extra: Partial<SchemeContext> = {}) =>
    context(await Promise.all(list.map(verifying)), { config: options.config ?? {}, ...extra })

  /** The reason holds neither a secret nor any signature header's value. */
  function expectCleanReason(result: { ok: boolean; reason?: string }, req: SchemeRequest, used: readonly string[]) {
    expect(result.ok).toBe(false)
    const reason = (result as { reason: string }).reason
    expect(reason.length).toBeGreaterThan(0)
    expect(reason.length).toBeLessThan(200)
    for (const secret of used) expect(reason).not.toContain(secret)
    for (const [name, value] of req.headers) {
      if (value.length >= 16 && !/timestamp|date|time|id|event|topic|uuid|delivery|number|state/i.test(name)) {
        expect(reason).not.toContain(value)
      }
    }
  }

  describe(`${scheme.id}: the contract`, () => {
    it('a signed request verifies', async () => {
      const [secret] = secrets()
      const req = await signed(secret)
      expect(await scheme.verify(req, await ctx([secret]))).toEqual({ ok: true })
    })

    it('rotation: the previous secret still verifies while it is in the list', async () => {
      const [current, previous] = secrets()
      const req = await signed(previous)
      expect(await scheme.verify(req, await ctx([current, previous]))).toEqual({ ok: true })
      expectCleanReason(await scheme.verify(req, await ctx([current])), req, [current, previous])
    })

    it('a wrong secret is refused', async () => {
      const [secret, other] = secrets()
      const req = await signed(secret)
      expectCleanReason(await scheme.verify(req, await ctx([other])), req, [secret, other])
    })

    it('no secret is refused', async () => {
      const [secret] = secrets()
      const req = await signed(secret)
      expectCleanReason(await scheme.verify(req, await ctx([])), req, [secret])
    })

    if (bodySigned) {
      it('a tampered body is refused', async () => {
        const [secret] = secrets()
        const req = await signed(secret)
        const tampered = { ...req, body: enc(`${options.body} `) }
        expectCleanReason(await scheme.verify(tampered, await ctx([secret])), tampered, [secret])
      })
    }

    for (const name of options.required) {
      it(`a missing ${name} is refused`, async () => {
        const [secret] = secrets()
        const req = await signed(secret)
        const headers = new Headers(req.headers)
        headers.delete(name)
        const without = { ...req, headers }
        const result = await scheme.verify(without, await ctx([secret]))
        expectCleanReason(result, without, [secret])
      })
    }

    if (options.timestamped) {
      it('a stale or future timestamp is refused; one inside the tolerance verifies', async () => {
        const [secret] = secrets()
        for (const offset of [-301, 301, -3600, 86_400]) {
          const req = await signed(secret, new Date(NOW.getTime() + offset * 1000))
          const result = await scheme.verify(req, await ctx([secret]))
          expectCleanReason(result, req, [secret])
          expect((result as { reason: string }).reason).toMatch(/tolerance|old|stale/i)
        }
        const inside = await signed(secret, new Date(NOW.getTime() - 290_000))
        expect(await scheme.verify(inside, await ctx([secret]))).toEqual({ ok: true })
        // The tolerance is the context's: a shorter one refuses what the default accepts.
        const result = await scheme.verify(inside, await ctx([secret], { toleranceSeconds: 60 }))
        expect(result.ok).toBe(false)
      })
    }

    if (bodySigned) {
      it('any one-byte change of the body is refused (property)', async () => {
        const [secret] = secrets()
        const req = await signed(secret)
        const verifyCtx = await ctx([secret])
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: req.body.length - 1 }),
            fc.integer({ min: 1, max: 255 }),
            async (index, delta) => {
              const body = req.body.slice()
              body[index] = ((body[index] ?? 0) + delta) % 256
              expect((await scheme.verify({ ...req, body }, verifyCtx)).ok).toBe(false)
            },
          ),
          { numRuns: options.numRuns ?? 40 },
        )
      })
    }

    it('the secret spec: a generated secret fits its own form', () => {
      const generated = scheme.secret.generate()
      expect(scheme.secret.validate(generated)).toBeNull()
      expect(scheme.secret.validate(` ${generated}`)).not.toBeNull()
      expect(scheme.secret.formHint.length).toBeGreaterThan(0)
    })
  })
}

/** The scheme's `sign` (the test fails when it has none). */
export function signer(scheme: SignatureScheme): NonNullable<SignatureScheme['sign']> {
  if (!scheme.sign) throw new Error(`${scheme.id} has no sign`)
  return scheme.sign
}

/** The scheme's `handshake` (the test fails when it has none). */
export function handshaker(scheme: SignatureScheme): NonNullable<SignatureScheme['handshake']> {
  if (!scheme.handshake) throw new Error(`${scheme.id} has no handshake`)
  return scheme.handshake
}
