import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as inNode from '../../../src/server/schemes/crypto'

const hashes = ['SHA-256', 'SHA-1', 'SHA-384', 'SHA-512'] as const
const body = new TextEncoder().encode(JSON.stringify({ zen: 'Design for failure.', hook_id: 42 }))
const secret = 'It’s a Secret to Everybody'

/** The module as a runtime without node:crypto loads it (a worker, a browser): Web Crypto. */
async function withoutNodeCrypto(): Promise<typeof inNode> {
  const saved = process.getBuiltinModule
  vi.resetModules()
  Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true })
  try {
    return await import('../../../src/server/schemes/crypto')
  } finally {
    Object.defineProperty(process, 'getBuiltinModule', { value: saved, configurable: true, writable: true })
  }
}

describe('the HMAC engine', () => {
  afterEach(() => {
    vi.resetModules()
  })

  it('is node:crypto in Node', () => {
    expect(inNode.cryptoEngine).toBe('node')
  })

  it('is Web Crypto where the runtime has no node:crypto, with the same digests and comparisons', async () => {
    const web = await withoutNodeCrypto()
    expect(web.cryptoEngine).toBe('web')
    for (const hash of hashes) {
      const expected = createHmac(hash.replace('-', '').toLowerCase(), secret).update(body).digest('hex')
      expect(web.toHex(await web.hmac(hash, secret, body)), hash).toBe(expected)
      expect(inNode.toHex(await inNode.hmac(hash, secret, body)), hash).toBe(expected)
      expect(web.toHex(await web.hmac(hash, new TextEncoder().encode(secret), body)), hash).toBe(expected)
    }
    for (const engine of [web, inNode]) {
      expect(engine.timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true)
      expect(engine.timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false)
      expect(engine.timingSafeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false)
      expect(await engine.secretEquals(secret, secret)).toBe(true)
      expect(await engine.secretEquals(`${secret}!`, secret)).toBe(false)
    }
  })

  it('verifies a GitHub delivery signed by the other engine, and refuses a tampered one', async () => {
    const web = await withoutNodeCrypto()
    const header = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
    const context = { secrets: [secret], now: new Date(), toleranceSeconds: 300, config: {} }
    const options = { header: 'X-Hub-Signature-256', prefix: 'sha256=', hash: 'SHA-256', encoding: 'hex' } as const
    for (const engine of [web, inNode]) {
      const headers = new Headers({ 'x-hub-signature-256': header })
      expect(await engine.verifyHmacHeader({ headers, body }, context, options)).toEqual({ ok: true })
      const tampered = new Uint8Array(body)
      tampered[0] = 0x20
      expect((await engine.verifyHmacHeader({ headers, body: tampered }, context, options)).ok).toBe(false)
    }
  })
})
