import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  displayText,
  docsLinkFor,
  isLinkableUrl,
  isSafeHttpUrl,
  isSecretKey,
  limitDepth,
  MAX_MASK_DEPTH,
  maskSecrets,
  maskSecretText,
  SECRET_MASK,
  toDisplayText,
} from '../../src/core/safety'

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

describe('secrets are masked wherever they are (issue 17, item 5)', () => {
  it.each([
    'session',
    'sessionId',
    'session_id',
    'X-Session',
    'dsn',
    'sentry_dsn',
    'SENTRY_DSN',
    'auth',
    'x-auth',
    'otp',
    'passcode',
    'hmac',
    'hmac_key',
    'salt',
    'pass',
    'connectionString',
    'connection_string',
    'database_url',
    'DATABASE_URL',
    'databaseUrl',
  ])('treats the key %s as secret', (key) => {
    expect(isSecretKey(key)).toBe(true)
    expect(maskSecrets({ [key]: 'value' })).toEqual({ [key]: SECRET_MASK })
  })

  it.each(['oauth', 'author', 'passenger', 'database', 'connection', 'url', 'salty_snacks_count'])(
    'does not treat the key %s as secret',
    (key) => {
      expect(isSecretKey(key)).toBe(false)
    },
  )

  it.each([
    ['credentials in a URL', 'postgres://app:hunter2@db.internal:5432/app', 'hunter2'],
    ['a user name as token in a URL', 'https://ghx_abcd1234@github.com/org/repo.git', 'ghx_abcd1234'],
    ['a token query parameter', 'https://hooks.example.com/in?token=abc123&team=ops', 'abc123'],
    ['an api_key query parameter', 'https://hooks.example.com/in?team=ops&api_key=k-987', 'k-987'],
    ['a password=… pair in a message', 'login failed for password=hunter2 (retrying)', 'hunter2'],
    ['a Stripe live key', 'configured with sk_live_51Habc0123', 'sk_live_51Habc0123'],
    ['a Stripe test key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a Stripe webhook secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['a Slack bot token', 'xoxb-1234-5678-abcdefghijkl', 'xoxb-1234-5678-abcdefghijkl'],
    ['a GitHub token', 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a fine-grained GitHub token', 'github_pat_11ABCDEFG0123456789_abcdef', 'github_pat_11ABCDEFG0123456789_abcdef'],
    ['a Bearer token', 'Authorization failed: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', 'eyJhbGciOiJIUzI1NiJ9.e30.sig'],
    ['a JSON response body', '{"access_token":"ya29.a0AfH6","expires_in":3599}', 'ya29.a0AfH6'],
    ['pretty JSON', '{\n  "client_secret": "cs-42",\n  "ok": true\n}', 'cs-42'],
    ['a JSON number under a secret key', '{"pin": 123456, "ok": true}', '123456'],
  ])('masks %s inside text', (_, text, secret) => {
    const masked = maskSecretText(text)
    expect(masked).not.toContain(secret)
    expect(masked).toContain(SECRET_MASK)
    // as a value anywhere in a structure too
    expect(JSON.stringify(maskSecrets({ note: text, list: [text] }))).not.toContain(secret)
  })

  it('keeps what is not secret as it was', () => {
    for (const text of [
      'https://hooks.example.com/in?team=ops',
      '{"expires_in":3599,"scope":"chat:write"}',
      'Request failed with status 500',
      'https://app.test/api/integration-webhooks/receive/abc',
    ]) {
      expect(maskSecretText(text)).toBe(text)
    }
  })

  it('keeps the rest of a JSON body intact', () => {
    expect(maskSecretText('{"access_token":"abc","expires_in":3600}')).toBe(
      `{"access_token":"${SECRET_MASK}","expires_in":3600}`,
    )
  })

  it('masks the headers of an execution', () => {
    expect(
      maskSecrets({ 'X-Session': 's-1', Cookie: 'sid=2', 'X-Request-Id': 'r-3', Authorization: 'Bearer t' }),
    ).toEqual({ 'X-Session': SECRET_MASK, Cookie: SECRET_MASK, 'X-Request-Id': 'r-3', Authorization: SECRET_MASK })
  })
})

describe('maskSecrets and limitDepth at any depth (issue 17, item 1)', () => {
  const nested = (depth: number) => {
    let value: unknown = { token: 'deep-secret', leaf: true }
    for (let i = 0; i < depth; i++) value = i % 2 ? { child: value } : [value]
    return value
  }

  it.each([100, 3_000, 100_000])('copies a value %d levels deep without overflowing, "…" past the limit', (depth) => {
    const masked = maskSecrets(nested(depth))
    const text = JSON.stringify(masked)
    expect(text).toContain('"…"')
    expect(text).not.toContain('deep-secret')
    expect(JSON.stringify(limitDepth(nested(depth)))).toContain('"…"')
  })

  it('keeps a value within the limit whole', () => {
    const value = nested(MAX_MASK_DEPTH - 2)
    expect(JSON.stringify(limitDepth(value))).toBe(JSON.stringify(value))
  })
})

describe('displayText (issue 17, item 6)', () => {
  it.each([
    ['a right-to-left override', 'gmail_trigger_\u202Eliame_wen', 'gmail_trigger_liame_wen'],
    ['isolates', 'https://\u2066evil\u2069.example/', 'https://evil.example/'],
    ['marks', '\u200Fcommunication\u200E\u061C', 'communication'],
    ['zero-width space and BOM', 'ch\u200Bat\uFEFF', 'chat'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u009Bd', 'abcd'],
  ])('removes %s', (_, input, output) => {
    expect(displayText(input)).toBe(output)
  })

  it('keeps line breaks, tabs, joiners and ordinary text', () => {
    const text = '1. Open the app\n2.\tPaste the URL 👨\u200D👩\u200D👧 می\u200Cخواهم'
    expect(displayText(text)).toBe(text)
  })

  it('never leaves a bidi or invisible control (property)', () => {
    const controls =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the test looks for
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !controls.test(displayText(text))),
      { numRuns: 300 },
    )
  })
})

describe('documentation links (issue 17, item 4)', () => {
  const catalogUrl = 'https://docs.github.com/en/webhooks'

  it.each([
    ['credentials in the URL', 'https://docs.github.com@evil.com/webhooks'],
    ['a user and password', 'https://user:pw@docs.github.com/'],
    ['an IPv4 literal', 'http://169.254.169.254/latest/meta-data'],
    ['a decimal IPv4', 'http://2852039166/'],
    ['an IPv6 literal', 'http://[::1]/'],
    ['a host without a dot', 'http://intranet/'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('never links %s', (_, url) => {
    expect(isLinkableUrl(url)).toBe(false)
    // falls back to the catalog's link
    expect(docsLinkFor(url, catalogUrl)).toEqual({ href: catalogUrl, fromCatalog: true, host: 'docs.github.com' })
    expect(docsLinkFor(url, undefined)).toBeUndefined()
  })

  it('names another site by its host, never as the catalog link', () => {
    expect(docsLinkFor('https://evil.example/gh', catalogUrl)).toEqual({
      href: 'https://evil.example/gh',
      fromCatalog: false,
      host: 'evil.example',
    })
  })

  it('shows a look-alike host as the URL parser reads it', () => {
    expect(docsLinkFor('https://gіthub.com/webhooks', catalogUrl)?.host).toMatch(/^xn--/)
  })

  it('is the catalog link when the API sends the catalog URL', () => {
    expect(docsLinkFor(catalogUrl, catalogUrl)?.fromCatalog).toBe(true)
  })
})
