import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods'
import { describe, expect, it } from 'vitest'
import { github } from '../../../src/server/schemes/github'
import { context, enc, request, schemeContract, signer } from './contract'

// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
const DOC_SECRET = "It's a Secret to Everybody"
const DOC_PAYLOAD = 'Hello, World!'
const DOC_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'

describe('github', () => {
  it("verifies GitHub's published example", async () => {
    const req = request({ headers: { 'X-Hub-Signature-256': DOC_SIGNATURE }, body: DOC_PAYLOAD })
    expect(await github.verify(req, context([DOC_SECRET]))).toEqual({ ok: true })
    const signed = await signer(github)({
      body: enc(DOC_PAYLOAD),
      secret: DOC_SECRET,
      url: req.url,
      now: new Date(),
      deliveryId: 'd',
      eventName: 'push',
    })
    expect(signed.headers['X-Hub-Signature-256']).toBe(DOC_SIGNATURE)
  })

  it('agrees with @octokit/webhooks-methods both ways', async () => {
    const secret = github.secret.generate()
    const payload = JSON.stringify({ action: 'opened', issue: { number: 1, title: 'Ünïcödé ✓' } })
    const theirs = await octokitSign(secret, payload)
    const req = request({ headers: { 'X-Hub-Signature-256': theirs }, body: payload })
    expect(await github.verify(req, context([secret]))).toEqual({ ok: true })
    const ours = await signer(github)({
      body: enc(payload),
      secret,
      url: req.url,
      now: new Date(),
      deliveryId: 'd',
      eventName: 'issues.opened',
    })
    expect(await octokitVerify(secret, payload, ours.headers['X-Hub-Signature-256'] ?? '')).toBe(true)
  })

  it('reads the delivery id and the event name (with the action)', () => {
    const req = request({
      headers: { 'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958', 'X-GitHub-Event': 'issues' },
    })
    expect(github.deliveryId(req, {})).toBe('72d3162e-cc78-11e3-81ab-4c9367dc0958')
    expect(github.eventName(req, { action: 'opened' })).toBe('issues.opened')
    expect(github.eventName(request({ headers: { 'X-GitHub-Event': 'push' } }), { ref: 'refs/heads/main' })).toBe(
      'push',
    )
  })

  it('refuses the SHA-1 header alone, and a signature of another length', async () => {
    const req = request({ headers: { 'X-Hub-Signature': 'sha1=0000' }, body: DOC_PAYLOAD })
    expect(await github.verify(req, context([DOC_SECRET]))).toEqual({
      ok: false,
      reason: 'missing X-Hub-Signature-256 header',
    })
    const short = request({ headers: { 'X-Hub-Signature-256': DOC_SIGNATURE.slice(0, -2) }, body: DOC_PAYLOAD })
    expect((await github.verify(short, context([DOC_SECRET]))).ok).toBe(false)
  })
})

schemeContract(github, {
  body: JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo/hello' } }),
  eventName: 'push',
  required: ['X-Hub-Signature-256'],
  timestamped: false,
})
