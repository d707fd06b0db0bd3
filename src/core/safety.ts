/**
 * Tells whether a value is an absolute `http:` or `https:` URL, the only kind the UI turns into a link.
 * `javascript:`, `data:`, relative and malformed URLs are not.
 *
 * @example
 * ```ts
 * isSafeHttpUrl('https://docs.stripe.com/webhooks') // true
 * isSafeHttpUrl('javascript:alert(1)') // false
 * ```
 */
export function isSafeHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() !== value || value === '') return false
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
  if (/[\u0000-\u001f\u007f]/.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/**
 * Tells whether a URL may become a link whose text the UI chooses: an absolute `http:` or
 * `https:` URL ({@link isSafeHttpUrl}) with no credentials in it (`https://good.com@evil.com`
 * reads as good.com and goes to evil.com) and a host name, not an IP literal
 * (`http://169.254.169.254`, `http://[::1]`, `http://2852039166`).
 *
 * @example
 * ```ts
 * isLinkableUrl('https://docs.github.com/webhooks') // true
 * isLinkableUrl('https://docs.github.com@evil.com/') // false
 * ```
 */
export function isLinkableUrl(value: unknown): value is string {
  if (!isSafeHttpUrl(value)) return false
  const url = new URL(value)
  if (url.username !== '' || url.password !== '') return false
  // The URL parser has already turned decimal, octal and hex forms into dotted quads.
  return !url.hostname.startsWith('[') && !/^\d+\.\d+\.\d+\.\d+$/.test(url.hostname) && url.hostname.includes('.')
}

/** A documentation link: where it goes, and whether it is the catalog's own (else show `host`). */
export interface DocsLink {
  href: string
  /** The catalog's URL for this integration: the UI may name the provider in its text. */
  fromCatalog: boolean
  /** The host as the URL parser reads it (look-alike Unicode hosts show as `xn--…`). */
  host: string
}

/**
 * Which documentation link to show: the API's `docs_url` when it may be linked at all
 * ({@link isLinkableUrl}), else the catalog's. Only the catalog's URL is labelled with the
 * provider's name; any other shows its host, so a row cannot pass off any address as
 * "GitHub webhook documentation".
 *
 * @example
 * ```ts
 * docsLinkFor('https://evil.example/gh', 'https://docs.github.com/webhooks')
 * // { href: 'https://evil.example/gh', fromCatalog: false, host: 'evil.example' }
 * ```
 */
export function docsLinkFor(fromApi: unknown, fromCatalog: string | undefined): DocsLink | undefined {
  const href = isLinkableUrl(fromApi) ? fromApi : isLinkableUrl(fromCatalog) ? fromCatalog : undefined
  if (href === undefined) return undefined
  return { href, fromCatalog: href === fromCatalog, host: new URL(href).host }
}

const secretWords = new Set([
  'secret',
  'token',
  'key',
  'apikey',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'credential',
  'signature',
  'cookie',
  'authorization',
  'auth',
  'bearer',
  'jwt',
  'private',
  'pin',
  'otp',
  'session',
  'sessionid',
  'hmac',
  'salt',
  'dsn',
  // written as one word: `connectionstring`, `DATABASEURL`
  'connectionstring',
  'databaseurl',
])

// Two words that name a secret together, though neither does alone (`database_url`, `connectionString`).
const secretPairs = new Set(['connection string', 'database url', 'db url', 'conn string'])

/**
 * Tells whether a config key looks like it holds a secret (`secret`, `token`, `key`,
 * `password`, `session`, `dsn`, `database_url`, …) in any case style: `apiKey`,
 * `signing_secret`, `ACCESS-TOKEN`, `X-Session`. Words are matched whole, so `keyword`,
 * `monkey` or `oauth` are not secret.
 *
 * @example
 * ```ts
 * isSecretKey('clientSecret') // true
 * isSecretKey('channel') // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    // digits end a word too: `apiKey2`, `secret1`
    .split(/[^a-z]+/)
  // plurals count: `passwords`, `tokens`
  const secret = (word: string) => secretWords.has(word) || (word.endsWith('s') && secretWords.has(word.slice(0, -1)))
  return words.some((word, i) => secret(word) || (i > 0 && secretPairs.has(`${words[i - 1]} ${word}`)))
}

/**
 * The text that stands in for a masked value.
 *
 * @example
 * ```ts
 * maskSecrets({ token: 'abc' }).token === SECRET_MASK // true
 * ```
 */
export const SECRET_MASK = '••••••••'

/**
 * How deep {@link maskSecrets} copies: anything deeper is `'…'`. No real configuration is
 * this deep, and a walk (or `JSON.stringify`) of a hostile one thousands of levels deep
 * overflows the stack.
 *
 * @example
 * ```ts
 * JSON.stringify(maskSecrets(nestedDeeperThan(MAX_MASK_DEPTH))) // contains "…"
 * ```
 */
export const MAX_MASK_DEPTH = 64

// Secrets that show by their shape, wherever they are in a text. Each pattern masks group 2
// and keeps group 1 (what says what the secret is).
const secretShapes: RegExp[] = [
  // "key": "value" in JSON text (a response body), under a secret-looking key: checked below
  // userinfo in a URL: scheme://user:password@host
  /(\b[a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]+)(?=@)/gi,
  // Authorization schemes
  /(\b(?:Bearer|Basic)\s+)([A-Za-z0-9._~+/=-]{4,})/gi,
  // Provider token prefixes: Stripe keys and webhook secrets, Slack, GitHub, GitLab, AWS
  /()(\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+)/g,
  /()(\bwhsec_[A-Za-z0-9+/=]+)/g,
  /()(\bxox[abposre]-[A-Za-z0-9-]+)/g,
  /()(\bgh[pousr]_[A-Za-z0-9]+)/g,
  /()(\bgithub_pat_[A-Za-z0-9_]+)/g,
  /()(\bglpat-[A-Za-z0-9_-]+)/g,
  /()(\bAKIA[0-9A-Z]{16}\b)/g,
]
// `"access_token": "…"` in JSON text, and `token=…` in a query string or a message.
const jsonPair = /("((?:[^"\\]|\\.)*)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^\s,}\]]+)/g
const keyValue = /((?:^|[?&;\s,(])([A-Za-z0-9_.-]+)=)([^&\s#;,)"']+)/g

/**
 * A text with the secrets inside it masked: credentials in a URL (`https://user:pw@host`),
 * secret-looking query parameters and `name=value` pairs (`?token=…`), `"key": "value"` pairs
 * of JSON text under a secret-looking key, `Bearer …`, and tokens known by their prefix
 * (`sk_live_…`, `whsec_…`, `xoxb-…`, `ghp_…`, `github_pat_…`).
 *
 * @example
 * ```ts
 * maskSecretText('postgres://app:hunter2@db:5432/app') // 'postgres://••••••••@db:5432/app'
 * maskSecretText('{"access_token":"abc","expires_in":3600}') // '{"access_token":"••••••••","expires_in":3600}'
 * ```
 */
export function maskSecretText(text: string, mask: string = SECRET_MASK): string {
  let out = text
  if (out.includes('"')) {
    out = out.replace(jsonPair, (whole, head: string, key: string, value: string) =>
      isSecretKey(key) && value !== 'null' && value !== '""' ? `${head}"${mask}"` : whole,
    )
  }
  if (out.includes('=')) {
    out = out.replace(keyValue, (whole, head: string, key: string) => (isSecretKey(key) ? `${head}${mask}` : whole))
  }
  for (const shape of secretShapes) out = out.replace(shape, (_, head: string) => `${head}${mask}`)
  return out
}

/**
 * A deep copy of a value with every value under a secret-looking key replaced by a mask,
 * and the secrets inside strings masked too ({@link maskSecretText}). Works on nested objects
 * and arrays; the input is not changed. Safe at any depth: below {@link MAX_MASK_DEPTH}
 * levels a value shows as `'…'`.
 *
 * @example
 * ```ts
 * maskSecrets({ channel: '#ops', signing_secret: 'abc' }) // { channel: '#ops', signing_secret: '••••••••' }
 * ```
 */
export function maskSecrets<T>(value: T, mask: string = SECRET_MASK): T {
  return copyValue(value, mask) as T
}

/**
 * A deep copy of a value, as it is (no masking), with anything below {@link MAX_MASK_DEPTH}
 * levels shown as `'…'` and cycles as `'[Circular]'`: what a UI can stringify at any depth.
 *
 * @example
 * ```ts
 * JSON.stringify(limitDepth(deeplyNested)) // never a RangeError
 * ```
 */
export function limitDepth<T>(value: T): T {
  return copyValue(value, undefined) as T
}

/** The walk of {@link maskSecrets} (with a mask) and {@link limitDepth} (without). */
function copyValue(value: unknown, mask: string | undefined): unknown {
  // Only the objects on the current path: a value shared by two keys is copied twice, a cycle is cut.
  const ancestors = new Set<object>()
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === 'string') return mask === undefined ? node : maskSecretText(node, mask)
    if (node === null || typeof node !== 'object') return node
    if (ancestors.has(node)) return '[Circular]'
    if (depth >= MAX_MASK_DEPTH) return '…'
    ancestors.add(node)
    try {
      return Array.isArray(node) ? node.map((child) => walk(child, depth + 1)) : copyObject(node, depth)
    } finally {
      ancestors.delete(node)
    }
  }
  const copyObject = (node: object, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) {
      const masked = mask !== undefined && isSecretKey(key) && child !== null && child !== undefined && child !== ''
      // defineProperty: a "__proto__" key from JSON stays a plain key.
      Object.defineProperty(out, key, {
        value: masked ? mask : walk(child, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  return walk(value, 0)
}

// Bidirectional controls (U+061C, U+200E/F, embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069): an override turns "invoice\u202Efdp.exe" into what reads as "invoiceexe.pdf".
// Invisible ones: zero-width space, word joiner and invisible operators, the BOM, and C0/C1
// control characters but tab, line feed and carriage return. Zero-width (non-)joiners stay:
// emoji sequences and scripts such as Persian need them.
const hiddenControls =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const invisible = /^[\s\p{Cf}]*$/u

/**
 * Any text from the API made safe to show: bidirectional controls and invisible control
 * characters are removed, so a URL, a trigger type or a setup step cannot read as something
 * it is not. Line breaks and tabs stay.
 *
 * @example
 * ```ts
 * displayText('gmail_trigger_\u202Eliame_wen') // 'gmail_trigger_liame_wen'
 * ```
 */
export function displayText(value: string | null | undefined): string {
  const text = value ?? ''
  // Most text has none: skip the copy.
  hiddenControls.lastIndex = 0
  return hiddenControls.test(text) ? text.replace(hiddenControls, '') : text
}

/**
 * Text from the API made safe to show as a name: {@link displayText}, and a name that is
 * empty or made only of invisible characters gives way to `fallback`.
 *
 * @example
 * ```ts
 * toDisplayText('Invoice \u202Efdp.exe', 'stripe') // 'Invoice fdp.exe'
 * toDisplayText('\u200B\u200B', 'stripe') // 'stripe'
 * ```
 */
export function toDisplayText(value: string | null | undefined, fallback: string): string {
  const text = displayText(value)
  return invisible.test(text) ? fallback : text
}
