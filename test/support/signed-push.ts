import { schemes } from '../../src/server/schemes/index'

/**
 * A push signed the GitHub way, to the webhook's receiving URL: a `Request` to send with the
 * server's `handle` or with `fetch`. No Node modules, so the browser tests use it too.
 */
export async function signedPush(url: string, secret: string, n: number) {
  const body = new TextEncoder().encode(JSON.stringify({ ref: 'refs/heads/main', n }))
  const github = schemes.github
  if (!github?.sign) throw new Error('the github scheme signs')
  const { headers } = await github.sign({
    body,
    secret,
    url: new URL(url),
    now: new Date(),
    deliveryId: crypto.randomUUID(),
    eventName: 'push',
  })
  return new Request(url, { method: 'POST', headers, body })
}
