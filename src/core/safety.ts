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

const secretWords = new Set([
  'secret',
  'token',
  'key',
  'apikey',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'credential',
  'signature',
  'cookie',
  'authorization',
  'bearer',
  'jwt',
  'private',
  'pin',
])

/**
 * Tells whether a config key looks like it holds a secret (`secret`, `token`, `key`,
 * `password`, …) in any case style: `apiKey`, `signing_secret`, `ACCESS-TOKEN`.
 * Words are matched whole, so `keyword` or `monkey` are not secret.
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
  return words.some((word) => secretWords.has(word) || (word.endsWith('s') && secretWords.has(word.slice(0, -1))))
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
 * A deep copy of a config with every value under a secret-looking key replaced by a mask.
 * Works on nested objects and arrays; the input is not changed.
 *
 * @example
 * ```ts
 * maskSecrets({ channel: '#ops', signing_secret: 'abc' }) // { channel: '#ops', signing_secret: '••••••••' }
 * ```
 */
export function maskSecrets<T>(value: T, mask: string = SECRET_MASK): T {
  // Only the objects on the current path: a value shared by two keys is copied twice, a cycle is cut.
  const ancestors = new Set<object>()
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node
    if (ancestors.has(node)) return '[Circular]'
    ancestors.add(node)
    try {
      return Array.isArray(node) ? node.map(walk) : copyObject(node)
    } finally {
      ancestors.delete(node)
    }
  }
  const copyObject = (node: object): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) {
      const masked = isSecretKey(key) && child !== null && child !== undefined && child !== ''
      // defineProperty: a "__proto__" key from JSON stays a plain key.
      Object.defineProperty(out, key, {
        value: masked ? mask : walk(child),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  return walk(value) as T
}

// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an override turns
// "invoice\u202Efdp.exe" into what reads as "invoiceexe.pdf".
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g
const invisible = /^[\s\p{Cf}]*$/u

/**
 * Text from the API made safe to show as a name: bidirectional override and embedding
 * characters are removed (they can disguise a name), and a name that is empty or made
 * only of invisible characters gives way to `fallback`.
 *
 * @example
 * ```ts
 * toDisplayText('Invoice \u202Efdp.exe', 'stripe') // 'Invoice fdp.exe'
 * toDisplayText('\u200B\u200B', 'stripe') // 'stripe'
 * ```
 */
export function toDisplayText(value: string | null | undefined, fallback: string): string {
  const text = (value ?? '').replace(bidiControls, '')
  return invisible.test(text) ? fallback : text
}
