/**
 * What the library derives from a whole list (a search index, sort ranks), kept while the
 * list's array lives, under a key (a column, a locale). Rows are values the library never
 * changes, but a host may change an array in place: each entry keeps a copy of the rows it
 * was built from, and is built again when they differ.
 */
export interface ListCache<Row extends object, Value> {
  get(rows: readonly Row[], key: string, build: () => Value): Value
}

/** Whether two lists hold the same row objects in the same order (a plain loop: this runs on every lookup). */
export function sameItems<Row>(a: readonly Row[], b: readonly Row[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

export function createListCache<Row extends object, Value>(): ListCache<Row, Value> {
  const lists = new WeakMap<readonly Row[], Map<string, { rows: readonly Row[]; value: Value }>>()
  return {
    get(rows, key, build) {
      let byKey = lists.get(rows)
      if (!byKey) {
        byKey = new Map()
        lists.set(rows, byKey)
      }
      const cached = byKey.get(key)
      if (cached && sameItems(cached.rows, rows)) return cached.value
      const value = build()
      byKey.set(key, { rows: rows.slice(), value })
      return value
    },
  }
}
