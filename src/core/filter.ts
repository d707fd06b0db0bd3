import { createListCache } from './list-cache'
import type { IntegrationWebhook, WebhookStatus } from './schemas'
import { webhookStatuses } from './statuses'

/** What to show: a text query and facet selections (an empty or missing list means "all"). */
export interface WebhookFilter {
  /** Words matched against name, provider id, trigger types and webhook URL; all must match. */
  query?: string
  /** Category ids to keep. */
  categories?: readonly string[]
  /** Statuses to keep. */
  statuses?: readonly WebhookStatus[]
  /** Keep only rows that still need setup on the provider's side. */
  setupRequired?: boolean
}

/** Facet counts for a filter UI. */
export interface WebhookFacetCounts {
  /** Rows per category among the rows matching every other part of the filter. */
  categories: Record<string, number>
  /** Rows per status among the rows matching every other part of the filter. */
  statuses: Record<WebhookStatus, number>
  /** Rows that need setup among the rows matching every other part of the filter. */
  setupRequired: number
}

/**
 * Folds text for matching: lower case, no diacritics, compatibility forms.
 *
 * @example
 * ```ts
 * normalizeSearchText('Crème BRÛLÉE') // 'creme brulee'
 * normalizeSearchText('Straße') // 'strasse'
 * ```
 */
export function normalizeSearchText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Lower case is not case folding: Greek Σ lowers to ς or σ depending on position, and ß has no capital.
      .replace(/ς/g, 'σ')
      .replace(/ß/g, 'ss')
  )
}

// Normalising is the costly part of a search; rows are immutable values (a change makes a
// new object), so each row's text is normalised once, whatever the number of keystrokes.
const searchable = new WeakMap<IntegrationWebhook, string>()
function searchableText(row: IntegrationWebhook): string {
  let text = searchable.get(row)
  if (text === undefined) {
    text = normalizeSearchText(
      [row.external_config.integration_name, row.provider_id, row.webhook_url, ...row.trigger_types].join('\n'),
    )
    searchable.set(row, text)
  }
  return text
}

/**
 * A list's distinct folded texts joined into one string (apart by a NUL, which no search
 * term holds), with where each starts, and each row's text by number: a query scans the
 * string with the engine's native `indexOf`, once per matching text, instead of calling
 * `includes` on every row. A list of 10,000 webhooks holds few distinct texts (the same
 * integrations for many users), so the string is short; all distinct, it is every row's.
 */
interface SearchIndex {
  text: string
  /** starts[t]: the offset of distinct text t; one more entry, past the end. */
  starts: Int32Array
  /** textOf[row]: the number of the row's distinct text. */
  textOf: Int32Array
  /** The distinct texts, by number. */
  texts: readonly string[]
  /** The rows of each distinct text, in the list's order: those of text t from rowStarts[t] to rowStarts[t + 1]. */
  rowsByText: Int32Array
  rowStarts: Int32Array
}
const searchIndexes = /* @__PURE__ */ createListCache<IntegrationWebhook, SearchIndex>()
const separator = '\u0000'

function searchIndexOf(rows: readonly IntegrationWebhook[]): SearchIndex {
  return searchIndexes.get(rows, '', () => {
    const numbers = new Map<string, number>()
    const texts: string[] = []
    const textOf = new Int32Array(rows.length)
    for (let index = 0; index < rows.length; index++) {
      const text = searchableText(rows[index] as IntegrationWebhook)
      let number = numbers.get(text)
      if (number === undefined) {
        number = texts.push(text) - 1
        numbers.set(text, number)
      }
      textOf[index] = number
    }
    const starts = new Int32Array(texts.length + 1)
    for (let number = 0; number < texts.length; number++) {
      starts[number + 1] = (starts[number] as number) + (texts[number] as string).length + 1
    }
    // The rows grouped by their text (a counting sort: each group keeps the list's order), so a
    // query collects the rows of the texts it matches without walking the whole list.
    const rowStarts = new Int32Array(texts.length + 1)
    for (let index = 0; index < rows.length; index++) {
      const slot = (textOf[index] as number) + 1
      rowStarts[slot] = (rowStarts[slot] as number) + 1
    }
    for (let number = 0; number < texts.length; number++) {
      rowStarts[number + 1] = (rowStarts[number + 1] as number) + (rowStarts[number] as number)
    }
    const rowsByText = new Int32Array(rows.length)
    const filled = rowStarts.slice(0, texts.length)
    for (let index = 0; index < rows.length; index++) {
      const number = textOf[index] as number
      rowsByText[filled[number] as number] = index
      filled[number] = (filled[number] as number) + 1
    }
    return { text: texts.join(separator), starts, textOf, texts, rowsByText, rowStarts }
  })
}

/** Below this many rows a plain walk is as quick as building and scanning an index. */
const indexFrom = 64

/**
 * The rows whose text holds every term, in their order; `undefined` when there is no term
 * (every row). A long list scans its index for the longest term (the rarest, most likely)
 * and checks only the distinct texts that hold it for the others.
 */
function rowsMatchingQuery(
  rows: readonly IntegrationWebhook[],
  terms: readonly string[],
): readonly IntegrationWebhook[] | undefined {
  if (terms.length === 0) return undefined
  if (rows.length < indexFrom) return rows.filter((row) => matchesQuery(row, terms))
  return scan(rows, searchIndexOf(rows), terms)
}

function scan(
  rows: readonly IntegrationWebhook[],
  { text, starts, textOf, texts, rowsByText, rowStarts }: SearchIndex,
  terms: readonly string[],
): readonly IntegrationWebhook[] {
  const scanned = terms.reduce((longest, term) => (term.length > longest.length ? term : longest))
  const others = terms.filter((term) => term !== scanned)
  // Which distinct texts hold every term (in increasing order), and how many rows they have.
  const hits: number[] = []
  let count = 0
  let next = 0
  let at = text.indexOf(scanned)
  while (at !== -1) {
    // The text that holds offset `at`: the last one starting at or before it (a binary search from the last match on).
    let low = next
    let high = texts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] as number) <= at) low = middle
      else high = middle - 1
    }
    if (holdsEvery(texts[low] as string, others)) {
      hits.push(low)
      count += (rowStarts[low + 1] as number) - (rowStarts[low] as number)
    }
    next = low + 1
    if (next >= texts.length) break
    at = text.indexOf(scanned, starts[next])
  }
  // The rows of those texts, in the list's order. One text's rows are in order already; the
  // rows of a few texts are merged by sorting their indexes; when several texts hold more than
  // an eighth of the rows (a broad query), marking them and walking the list once is quicker.
  // Pushed, not written into `new Array(count)`: a packed array, like every other list the sort
  // and the table see (a holey one sends them down the engine's slower paths).
  const found: IntegrationWebhook[] = []
  if (hits.length > 1 && count > rows.length >> 3) {
    const hit = new Uint8Array(texts.length)
    for (const number of hits) hit[number] = 1
    for (let index = 0; index < rows.length; index++) {
      if (hit[textOf[index] as number] === 1) found.push(rows[index] as IntegrationWebhook)
    }
    return found
  }
  const indexes = new Int32Array(count)
  let filled = 0
  for (const number of hits) {
    const group = rowsByText.subarray(rowStarts[number], rowStarts[number + 1])
    indexes.set(group, filled)
    filled += group.length
  }
  if (hits.length > 1) indexes.sort()
  for (let position = 0; position < count; position++)
    found.push(rows[indexes[position] as number] as IntegrationWebhook)
  return found
}

/**
 * Prepares rows for text search ahead of time (each row's folded text is kept while the row
 * object lives, the list's search index while its array does), so the first keystroke over
 * a long list is as fast as the next ones. Call it when a list arrives, at idle time. With
 * `deadline` (a `requestIdleCallback` deadline) it stops when the idle period runs out and
 * returns `false`: call it again later, it goes on where it stopped.
 *
 * @example
 * ```ts
 * requestIdleCallback(function step(deadline) {
 *   if (!prepareSearch(webhooks, deadline)) requestIdleCallback(step)
 * })
 * ```
 */
export function prepareSearch(rows: readonly IntegrationWebhook[], deadline?: { timeRemaining(): number }): boolean {
  // Each call folds at least one slice of 200 rows from where the last one stopped, then goes
  // on while the deadline allows: however short the idle periods, the work gets done.
  const from = folded.get(rows) ?? 0
  for (let index = from; index < rows.length; index++) {
    if (deadline && index > from && (index - from) % 200 === 0 && deadline.timeRemaining() < 1) {
      folded.set(rows, index)
      return false
    }
    searchableText(rows[index] as IntegrationWebhook)
  }
  folded.delete(rows)
  // The index checks the list's rows itself (an array changed in place since is folded again here).
  if (rows.length >= indexFrom) searchIndexOf(rows)
  return true
}

/** Where an unfinished `prepareSearch` of a list stopped. */
const folded = /* @__PURE__ */ new WeakMap<readonly IntegrationWebhook[], number>()

/** Whether a folded text holds every term (the rule of a query, row by row or in the index). */
const holdsEvery = (text: string, terms: readonly string[]) => terms.every((term) => text.includes(term))

function matchesQuery(row: IntegrationWebhook, terms: readonly string[]): boolean {
  return terms.length === 0 || holdsEvery(searchableText(row), terms)
}

const termsOf = (query: string | undefined) =>
  normalizeSearchText(query ?? '')
    // A NUL cannot be typed, and would match across rows in the index: it is dropped.
    .replaceAll(separator, '')
    .split(/\s+/)
    .filter(Boolean)

/**
 * Tells whether a webhook passes a filter.
 *
 * @example
 * ```ts
 * matchesWebhookFilter(row, { query: 'new email', statuses: ['active'] })
 * ```
 */
export function matchesWebhookFilter(row: IntegrationWebhook, filter: WebhookFilter): boolean {
  return matches(row, filter, termsOf(filter.query))
}

function matchesFacets(row: IntegrationWebhook, filter: WebhookFilter): boolean {
  if (filter.categories?.length && !filter.categories.includes(row.external_config.category)) return false
  if (filter.statuses?.length && !filter.statuses.includes(row.status)) return false
  if (filter.setupRequired && !row.external_config.setup_required) return false
  return true
}

function matches(row: IntegrationWebhook, filter: WebhookFilter, terms: readonly string[]): boolean {
  return matchesFacets(row, filter) && matchesQuery(row, terms)
}

/**
 * The rows that pass a filter, in their original order.
 *
 * @example
 * ```ts
 * filterWebhooks(webhooks, { categories: ['development'] }).map((w) => w.provider_id) // ['github', 'gitlab']
 * ```
 */
export function filterWebhooks(rows: readonly IntegrationWebhook[], filter: WebhookFilter): IntegrationWebhook[] {
  const matching = rowsMatchingQuery(rows, termsOf(filter.query)) ?? rows
  return matching.filter((row) => matchesFacets(row, filter))
}

/**
 * Counts per facet value, each facet counted over the rows that match the rest of
 * the filter (so a user sees how many rows picking that value would show).
 *
 * @example
 * ```ts
 * countWebhookFacets(webhooks, { query: 'google' }).categories.productivity // 4
 * ```
 */
export function countWebhookFacets(
  rows: readonly IntegrationWebhook[],
  filter: WebhookFilter = {},
): WebhookFacetCounts {
  const matching = rowsMatchingQuery(rows, termsOf(filter.query)) ?? rows
  const counts: WebhookFacetCounts = {
    // No prototype: a category named "__proto__" from the API must count, not rewire the object.
    categories: Object.create(null) as Record<string, number>,
    statuses: Object.fromEntries(webhookStatuses.map((s) => [s, 0])) as Record<WebhookStatus, number>,
    setupRequired: 0,
  }
  for (const row of matching) {
    const inCategory = !filter.categories?.length || filter.categories.includes(row.external_config.category)
    const inStatus = !filter.statuses?.length || filter.statuses.includes(row.status)
    const inSetup = !filter.setupRequired || row.external_config.setup_required
    if (inStatus && inSetup) {
      const category = row.external_config.category
      counts.categories[category] = (counts.categories[category] ?? 0) + 1
    }
    if (inCategory && inSetup && row.status in counts.statuses) counts.statuses[row.status] += 1
    if (inCategory && inStatus && row.external_config.setup_required) counts.setupRequired += 1
  }
  return counts
}
