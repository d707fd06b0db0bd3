/**
 * What the library derives from a whole list (a search index, sort ranks), kept while the
 * list's array lives, under a key (a column, a locale). Rows are values the library never
 * changes, but a host may change an array in place: each list keeps one copy of the rows its
 * values were built from, and they are built again when the rows differ.
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
  // Per list: one copy of its rows (what every value was built from) and the values by key.
  const lists = new WeakMap<readonly Row[], { rows: readonly Row[]; values: Map<string, Value> }>()
  return {
    get(rows, key, build) {
      let entry = lists.get(rows)
      if (!entry || !sameItems(entry.rows, rows)) {
        entry = { rows: rows.slice(), values: new Map() }
        lists.set(rows, entry)
      }
      if (entry.values.has(key)) return entry.values.get(key) as Value
      const value = build()
      entry.values.set(key, value)
      return value
    },
  }
}
