// WebSub (W3C; YouTube's PubSubHubbub push): the hub confirms a subscription with a GET
// (`hub.mode=subscribe|unsubscribe`, `hub.topic`, `hub.challenge`), echoed back; content is
// signed with the `hub.secret` we generated: `X-Hub-Signature: sha1=<hex HMAC>` (the spec
// also allows sha256, sha384, sha512). When `config.topic` is set, other topics are refused.
// https://www.w3.org/TR/websub/#hub-verifies-intent  https://www.w3.org/TR/websub/#signing-content
// https://developers.google.com/youtube/v3/guides/push_notifications

import {
  accepted,
  anyHmacMatches,
  fromHex,
  type HmacHash,
  header,
  hmac,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  plainToken,
  secretSpec,
  text,
  toHex,
} from './crypto'
import type { SignatureScheme } from './types'

const HEADER = 'X-Hub-Signature'
const methods: Record<string, HmacHash> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim() ?? null

export const websub: SignatureScheme = {
  id: 'websub',
  label: 'WebSub (X-Hub-Signature with hub.secret)',
  // hub.secret must be under 200 bytes.
  secret: secretSpec('generated', '16 to 199 characters', plainToken(16, 199)),
  async verify(request, context) {
    const value = header(request.headers, HEADER)
    if (!value) return missingHeader(HEADER)
    if (context.secrets.length === 0) return noSecret()
    const at = value.indexOf('=')
    const hash = methods[value.slice(0, at).toLowerCase()]
    const digest = at > 0 ? fromHex(value.slice(at + 1)) : null
    if (!hash || !digest) return malformedHeader(HEADER)
    const matched = await anyHmacMatches(context.secrets, (secret) => hmac(hash, secret, request.body), [digest])
    return matched ? accepted : mismatch(HEADER)
  },
  async handshake(request, context) {
    if (request.method !== 'GET') return null
    const query = request.url.searchParams
    const mode = query.get('hub.mode')
    const challenge = query.get('hub.challenge')
    if ((mode !== 'subscribe' && mode !== 'unsubscribe') || !challenge) return null
    const topic = context.config.topic
    if (typeof topic === 'string' && topic && query.get('hub.topic') !== topic) {
      return { status: 404, body: 'not subscribed to this topic', contentType: 'text/plain; charset=utf-8' }
    }
    return { status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' }
  },
  /** YouTube: the video id at its `updated` time (a redelivery of the same entry is a duplicate). */
  deliveryId(request) {
    const xml = text(request.body)
    const video = tag(xml, 'yt:videoId')
    const updated = tag(xml, 'updated')
    return video && updated ? `${video}@${updated}` : null
  },
  /**
   * YouTube's Atom feed: `Atom entry (new video)` when the entry was published within ten
   * minutes of its update, `Atom entry (title/description)` otherwise, `deleted-entry` for a deletion.
   */
  eventName(request) {
    const xml = text(request.body)
    if (xml.includes('<at:deleted-entry')) return 'deleted-entry'
    if (!xml.includes('<entry')) return null
    const published = Date.parse(tag(xml, 'published') ?? '')
    const updated = Date.parse(tag(xml, 'updated') ?? '')
    return Math.abs(updated - published) <= 600_000 ? 'Atom entry (new video)' : 'Atom entry (title/description)'
  },
  async sign({ body, secret }) {
    return {
      headers: {
        'Content-Type': 'application/atom+xml',
        'User-Agent': 'FeedFetcher-Google; (+http://www.google.com/feedfetcher.html)',
        [HEADER]: `sha1=${toHex(await hmac('SHA-1', secret, body))}`,
      },
    }
  },
}
