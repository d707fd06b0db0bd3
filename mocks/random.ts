/** A small seeded pseudo-random source: the same seed always gives the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** `true` with probability `p`. */
  chance(p: number): boolean
  /** `length` lowercase hex digits. */
  hex(length: number): string
  /** `length` characters of [0-9A-Za-z]. */
  alphanumeric(length: number): string
  /** A version-4-shaped UUID. */
  uuid(): string
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * Hashes a seed and any number of labels into one 32-bit seed (FNV-1a), so each
 * part of the fixtures (a webhook, its executions) draws from its own stream and
 * generating one part never shifts the numbers of another.
 *
 * @example
 * ```ts
 * const rng = createRandom(deriveSeed(seed, 'executions', webhookIndex))
 * ```
 */
export function deriveSeed(seed: number, ...labels: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5
  for (const char of `${seed}|${labels.join('|')}`) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * A seeded PRNG (mulberry32) with helpers for fixtures. Not for anything secret.
 *
 * Why not `Math.random`: fixtures must be reproducible so stories, screenshots
 * and tests see the same data for the same seed.
 *
 * @example
 * ```ts
 * const rng = createRandom(42)
 * rng.int(1, 6) // the same number every run
 * rng.pick(['active', 'inactive'])
 * ```
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const chars = (alphabet: string, length: number) => {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)]
    return out
  }
  const hex = (length: number) => chars('0123456789abcdef', length)
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new RangeError('pick: the list is empty')
      return list[int(0, list.length - 1)] as T
    },
    chance: (p) => next() < p,
    hex,
    alphanumeric: (length) => chars(ALPHANUMERIC, length),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${chars('89ab', 1)}${hex(3)}-${hex(12)}`,
  }
}
