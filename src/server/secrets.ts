/**
 * Signing secrets at rest: AES-256-GCM through Web Crypto when the host gives an
 * `encryptionKey`, so a copy of the database alone does not hand out every webhook's
 * secret. Stored values carry their form: `v1.{iv}.{ciphertext}` (encrypted, base64url) or
 * `plain.{secret}` (no key given: the server warns once at start).
 */
export interface SecretBox {
  readonly encrypted: boolean
  seal(secret: string): Promise<string>
  open(stored: string): Promise<string>
}

const b64url = (bytes: Uint8Array) => {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
const fromB64url = (text: string) => {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/')
  return Uint8Array.from(atob(padded + '='.repeat((4 - (padded.length % 4)) % 4)), (c) => c.charCodeAt(0))
}

/** Thrown when a stored secret cannot be read with the key given (a wrong or missing `encryptionKey`). */
export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError'
}

/**
 * Reads an `encryptionKey`: 32 bytes as 64 hex digits or as base64/base64url (44 or 43
 * characters). Anything else is a TypeError that says how to make one.
 */
export function parseEncryptionKey(key: string | Uint8Array): Uint8Array {
  if (key instanceof Uint8Array) {
    if (key.byteLength !== 32) throw new TypeError(`encryptionKey must be 32 bytes, got ${key.byteLength}`)
    return key
  }
  const text = String(key).trim()
  let bytes: Uint8Array | null = null
  if (/^[0-9a-fA-F]{64}$/.test(text)) bytes = Uint8Array.from(text.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) bytes = fromB64url(text.replace(/=$/, ''))
  if (bytes?.byteLength !== 32) {
    throw new TypeError(
      'encryptionKey must be 32 random bytes as 64 hex digits or base64 (make one with `openssl rand -base64 32`)',
    )
  }
  return bytes
}

/** The secret box for an `encryptionKey`, or the plain one without a key. @internal */
export async function createSecretBox(key: string | Uint8Array | undefined): Promise<SecretBox> {
  if (key === undefined) {
    return {
      encrypted: false,
      seal: async (secret) => `plain.${secret}`,
      open: async (stored) => {
        if (stored.startsWith('plain.')) return stored.slice(6)
        throw new SecretDecryptionError('This secret was stored encrypted: pass the encryptionKey it was sealed with')
      },
    }
  }
  const cryptoKey = await crypto.subtle.importKey('raw', parseEncryptionKey(key) as BufferSource, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
  return {
    encrypted: true,
    async seal(secret) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const data = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cryptoKey, new TextEncoder().encode(secret)),
      )
      return `v1.${b64url(iv)}.${b64url(data)}`
    },
    async open(stored) {
      // A secret saved before the key was given is still read, and sealed on its next change.
      if (stored.startsWith('plain.')) return stored.slice(6)
      const [version, iv, data] = stored.split('.')
      if (version !== 'v1' || !iv || !data) throw new SecretDecryptionError('Unknown stored secret format')
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromB64url(iv) as BufferSource },
          cryptoKey,
          fromB64url(data) as BufferSource,
        )
        return new TextDecoder().decode(plain)
      } catch {
        throw new SecretDecryptionError(
          'A stored secret could not be decrypted: is this the encryptionKey it was sealed with?',
        )
      }
    },
  }
}
