import { describe, expect, it } from 'vitest'
import { isSafeHttpUrl, isSecretKey, maskSecrets, SECRET_MASK, toDisplayText } from '../../src/core/safety'

describe('isSafeHttpUrl', () => {
  it.each([
    'https://docs.stripe.com/webhooks',
    'http://localhost:3000/api/integration-webhooks/gmail',
    'HTTPS://EXAMPLE.COM/Path?q=1#frag',
    'https://[::1]:8443/',
  ])('accepts the absolute http(s) URL %s', (url) => {
    expect(isSafeHttpUrl(url)).toBe(true)
  })

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an upper-case JAVASCRIPT: URL', 'JAVASCRIPT:alert(1)'],
    ['a javascript: URL split by a tab', 'java\tscript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a vbscript: URL', 'vbscript:msgbox(1)'],
    ['an ftp: URL', 'ftp://files.example.com/'],
    ['a mailto: URL', 'mailto:ops@example.com'],
    ['a relative path', '/api/integration-webhooks/gmail'],
    ['a bare word', 'example.com'],
    ['a protocol-relative URL', '//evil.com'],
    ['a URL with leading whitespace', ' https://example.com'],
    ['a URL with trailing whitespace', 'https://example.com\n'],
    ['a URL with a control character', 'https://exam\u0000ple.com'],
    ['a URL with DEL', 'https://example.com/\u007f'],
    ['a scheme with no host', 'https://'],
    ['an empty string', ''],
  ])('rejects %s', (_label, value) => {
    expect(isSafeHttpUrl(value)).toBe(false)
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a URL object', new URL('https://example.com')],
  ])('rejects %s, which is not a string', (_label, value) => {
    expect(isSafeHttpUrl(value)).toBe(false)
  })
})

describe('isSecretKey', () => {
  it.each([
    'apiKey',
    'api_key',
    'API-KEY',
    'APIKey',
    'apikey',
    'signing_secret',
    'clientSecret',
    'accessToken',
    'ACCESS-TOKEN',
    'refresh_token',
    'password',
    'webhookSigningKey',
    'AWS_SECRET_ACCESS_KEY',
    'privateKey',
    'Authorization',
    'credentials',
    'secrets',
    'tokens',
    'x-api-key',
  ])('treats %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(true)
  })

  it('matches whole words, so token_count counts as secret', () => {
    expect(isSecretKey('token_count')).toBe(true)
    expect(isSecretKey('tokenCount')).toBe(true)
  })

  it.each(['keyword', 'monkey', 'channel', 'name', 'url', 'tokenizer', 'secretary', 'keyboard_layout', ''])(
    'does not treat %j as secret',
    (key) => {
      expect(isSecretKey(key)).toBe(false)
    },
  )

  // Plurals and numbered keys hold secrets as often as the plain words do; a
  // missed one shows a live credential in the UI.
  it.each(['passwords', 'apiKey2', 'secret1', 'token2'])('treats %s as secret too', (key) => {
    expect(isSecretKey(key)).toBe(true)
  })
})

describe('maskSecrets', () => {
  it('replaces the values under secret keys and keeps the rest', () => {
    expect(maskSecrets({ channel: '#ops', signing_secret: 'abc', apiKey: 'k-123' })).toEqual({
      channel: '#ops',
      signing_secret: SECRET_MASK,
      apiKey: SECRET_MASK,
    })
  })

  it('masks inside nested objects', () => {
    expect(maskSecrets({ slack: { team: 'T1', bot: { accessToken: 'xoxb-1', scopes: ['chat:write'] } } })).toEqual({
      slack: { team: 'T1', bot: { accessToken: SECRET_MASK, scopes: ['chat:write'] } },
    })
  })

  it('masks inside arrays of objects', () => {
    expect(
      maskSecrets({
        endpoints: [
          { url: 'https://a.example.com', secret: 's1' },
          { url: 'https://b.example.com', secret: 's2' },
        ],
      }),
    ).toEqual({
      endpoints: [
        { url: 'https://a.example.com', secret: SECRET_MASK },
        { url: 'https://b.example.com', secret: SECRET_MASK },
      ],
    })
  })

  it('masks a whole object or array held under a secret key', () => {
    expect(maskSecrets({ credentials: { user: 'u', pass: 'p' }, tokens: ['a', 'b'] })).toEqual({
      credentials: SECRET_MASK,
      tokens: SECRET_MASK,
    })
  })

  it('masks falsy values that still are values, such as 0 and false', () => {
    expect(maskSecrets({ pin: 0, token: false })).toEqual({ pin: SECRET_MASK, token: SECRET_MASK })
  })

  it('leaves empty and missing values under secret keys as they are, so "not set" stays visible', () => {
    expect(maskSecrets({ apiKey: '', clientSecret: null, password: undefined })).toEqual({
      apiKey: '',
      clientSecret: null,
      password: undefined,
    })
  })

  it('uses a custom mask when given one', () => {
    expect(maskSecrets({ token: 'abc' }, '***')).toEqual({ token: '***' })
  })

  it('returns primitives and null as they are', () => {
    expect(maskSecrets('token')).toBe('token')
    expect(maskSecrets(42)).toBe(42)
    expect(maskSecrets(null)).toBe(null)
  })

  it('returns a copy and leaves the input as it was', () => {
    const input = { nested: { token: 'abc' }, list: [{ password: 'p' }] }
    const snapshot = structuredClone(input)
    const output = maskSecrets(input)
    expect(input).toEqual(snapshot)
    expect(output).not.toBe(input)
    expect(output.nested).not.toBe(input.nested)
    expect(output.list[0]).not.toBe(input.list[0])
  })

  describe('given a "__proto__" key from JSON', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true, "token": "abc"}, "name": "x"}') as Record<
      string,
      unknown
    >

    it('keeps it as a plain own key, masked like any other', () => {
      const output = maskSecrets(input)
      expect(Object.getPrototypeOf(output)).toBe(Object.prototype)
      expect(Object.hasOwn(output, '__proto__')).toBe(true)
      expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({
        polluted: true,
        token: SECRET_MASK,
      })
      expect((output as { polluted?: unknown }).polluted).toBeUndefined()
    })

    it('does not pollute Object.prototype', () => {
      maskSecrets(input)
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    })
  })

  describe('given a circular reference', () => {
    it('stops at the cycle instead of hanging', () => {
      const config: Record<string, unknown> = { name: 'loop', token: 'abc' }
      config.self = config
      config.list = [config]
      expect(maskSecrets(config)).toEqual({
        name: 'loop',
        token: SECRET_MASK,
        self: '[Circular]',
        list: ['[Circular]'],
      })
    })
  })

  describe('given the same object twice, without a cycle', () => {
    it('copies it both times', () => {
      const shared = { url: 'https://example.com', secret: 's' }
      expect(maskSecrets({ primary: shared, backup: shared, all: [shared, shared] })).toEqual({
        primary: { url: 'https://example.com', secret: SECRET_MASK },
        backup: { url: 'https://example.com', secret: SECRET_MASK },
        all: [
          { url: 'https://example.com', secret: SECRET_MASK },
          { url: 'https://example.com', secret: SECRET_MASK },
        ],
      })
    })
  })
})

describe('toDisplayText', () => {
  it('removes bidirectional overrides, embeddings and isolates that could disguise a name', () => {
    expect(toDisplayText('Discord Invoice \u202Efdp.exe', 'discord')).toBe('Discord Invoice fdp.exe')
    expect(toDisplayText('\u2066a\u2069\u202Ab\u202C', 'x')).toBe('ab')
  })

  it('keeps real right-to-left text and emoji', () => {
    expect(toDisplayText('بريد جيميل', 'gmail')).toBe('بريد جيميل')
    expect(toDisplayText('🚀 Deploy', 'x')).toBe('🚀 Deploy')
  })

  it('falls back when the name is empty or invisible', () => {
    expect(toDisplayText('', 'stripe')).toBe('stripe')
    expect(toDisplayText(null, 'stripe')).toBe('stripe')
    expect(toDisplayText(' \u200B\u200C\u200D\uFEFF ', 'stripe')).toBe('stripe')
    expect(toDisplayText('\u202E', 'stripe')).toBe('stripe')
  })
})
