import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultCatalog } from '../../src/core'
import { WebhookApiError } from '../../src/core/errors'
import { generateFallbackWebhooks } from '../../src/core/fallback'
import {
  countWebhookFacets,
  filterWebhooks,
  matchesWebhookFilter,
  prepareSearch,
  type WebhookFilter,
} from '../../src/core/filter'
import { formatIssues } from '../../src/core/issues'
import { parseExecutionsPage, parseWebhookList } from '../../src/core/parse'
import {
  executionsPageEnvelopeSchema,
  type IntegrationWebhook,
  integrationWebhookSchema,
  type WebhookStatus,
  webhookExecutionSchema,
  webhookListEnvelopeSchema,
} from '../../src/core/schemas'
import { compareWebhooks, sortWebhooks, type WebhookSortKey } from '../../src/core/sort'
import { makeWebhook } from './fixtures'

// 250 runs each (fast-check's default is 100). At 1,000, each of these properties took 2–3.4 s
// alone on a loaded 2-core machine (load average 20) and 6–12 s with a second suite running:
// past the 5 s limit. The generators aim at the edges; more runs of them found nothing more.
const runs = { numRuns: 250 }

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

const text = fc.string({ unit: 'grapheme', maxLength: 12 })
const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString())
const count = fc.nat({ max: 1_000_000 })
const webhookStatuses = ['active', 'inactive', 'error'] as const satisfies readonly WebhookStatus[]
const knownCategories = ['communication', 'productivity', 'social', 'development', 'business', 'storage', 'ai', 'other']
const category = fc.oneof(
  fc.constantFrom(...knownCategories),
  fc.constantFrom('__proto__', 'constructor', 'toString', ''),
  text,
)
const status = fc.constantFrom(...webhookStatuses)

/**
 * Any value, including odd ones (boxed values, maps, null-prototype objects).
 * Sparse arrays are left out here: their holes have an example test of their own.
 */
const anything = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withNullPrototype: true,
  withObjectString: true,
  stringUnit: 'grapheme',
})

/** A row exactly as the HTTP contract describes it. */
const validWebhook = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  user_id: text,
  provider_id: fc.string({ minLength: 1, maxLength: 12 }),
  webhook_url: fc.oneof(fc.webUrl(), text),
  trigger_types: fc.array(text, { maxLength: 4 }),
  // zod drops a "__proto__" key from records and loose objects, so a row holding one
  // does not come back deep-equal; such keys are left to the lenient-parsing properties.
  integration_config: fc.dictionary(
    text.filter((key) => key !== '__proto__'),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 4 },
  ),
  external_config: fc.record({
    type: text,
    setup_required: fc.boolean(),
    instructions: text,
    integration_name: text,
    category,
    capabilities: fc.array(text, { maxLength: 3 }),
  }),
  status,
  last_triggered: fc.option(isoDate, { nil: null }),
  trigger_count: count,
  error_count: count,
  created_at: isoDate,
  updated_at: isoDate,
})

const validExecution = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  webhook_id: text,
  user_id: text,
  provider_id: text,
  trigger_type: text,
  payload: fc.jsonValue({ maxDepth: 2 }),
  headers: fc.option(fc.dictionary(text, text, { maxKeys: 3 }), { nil: null }),
  status: fc.constantFrom('success', 'error', 'pending'),
  response_code: fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
  response_body: fc.option(text, { nil: null }),
  error_message: fc.option(text, { nil: null }),
  execution_time_ms: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: null }),
  triggered_at: isoDate,
})

/** A valid row, or the same row with one field dropped or replaced, or junk. */
function corrupted<T extends Record<string, unknown>>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.constantFrom('delete', 'replace'), anything)
        .map(([row, pick, how, junk]) => {
          const copy: Record<string, unknown> = { ...row }
          const keys = Object.keys(copy)
          const key = keys[pick % keys.length] as string
          if (how === 'delete') delete copy[key]
          else copy[key] = junk
          return copy
        }),
    },
    { weight: 1, arbitrary: valid.map((row) => ({ ...row, extra_field: 'passes through' })) },
    { weight: 1, arbitrary: anything },
  )
}

/** A webhook row for sorting and filtering: valid shape, open-ended content. */
const webhookRow = fc
  .record({
    name: fc.oneof(text, fc.constantFrom('Élan', 'elan', 'Item 2', 'Item 10', 'Zebra', 'ΟΔΥΣΣΕΑΣ', 'Ωμέγα', '')),
    category,
    setupRequired: fc.boolean(),
    provider_id: fc.oneof(fc.constantFrom('gmail', 'github', 'microsoft-outlook'), fc.string({ minLength: 1 })),
    webhook_url: fc.oneof(fc.webUrl(), text),
    trigger_types: fc.array(fc.oneof(fc.constantFrom('gmail_trigger_new_email', 'github_trigger_push'), text), {
      maxLength: 3,
    }),
    status,
    last_triggered: fc.oneof(fc.constant(null), isoDate, isoDate, fc.constantFrom('not a date', '2026-01-01')),
    trigger_count: fc.nat({ max: 5 }),
    error_count: fc.nat({ max: 5 }),
  })
  .map((fields) => makeWebhook(fields))

/** Rows whose ids are their input positions, so order can be checked after sorting. */
const indexedRows = fc
  .array(webhookRow, { maxLength: 12 })
  .map((rows) => rows.map((row, index) => ({ ...row, id: String(index) })))

const sortKeys: WebhookSortKey[] = [
  'name',
  'provider',
  'category',
  'status',
  'webhookUrl',
  'triggerTypes',
  'lastTriggered',
  'triggerCount',
  'errorCount',
]
const sortRules = fc.array(
  fc.record({ id: fc.constantFrom(...sortKeys), desc: fc.boolean() }, { requiredKeys: ['id'] }),
  {
    maxLength: 4,
  },
)
const locale = fc.constantFrom(undefined, 'en', 'de', 'sv', 'tr', 'ja')

const webhookFilter: fc.Arbitrary<WebhookFilter> = fc.record(
  {
    query: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('gmail', 'GITHUB new', 'élan', 'item', 'trigger', 'https', '  ', ''),
    ),
    categories: fc.array(category, { maxLength: 3 }),
    statuses: fc.subarray([...webhookStatuses]),
    setupRequired: fc.boolean(),
  },
  { requiredKeys: [] },
)

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function expectInvalidResponse(error: unknown) {
  expect(error).toBeInstanceOf(WebhookApiError)
  expect((error as WebhookApiError).kind).toBe('invalid-response')
  for (const issue of (error as WebhookApiError).issues) expect(issue).toContain(': ')
}

function expectInvalidRowsReport(invalid: readonly { index: number; issues: readonly string[] }[], total: number) {
  invalid.forEach(({ index, issues }, i) => {
    expect(index).toBeGreaterThanOrEqual(0)
    expect(index).toBeLessThan(total)
    if (i > 0) expect(index).toBeGreaterThan(invalid[i - 1]?.index ?? -1)
    expect(issues.length).toBeGreaterThan(0)
  })
}

const idsOf = (rows: readonly IntegrationWebhook[]) => rows.map((row) => row.id)

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('parseWebhookList', () => {
  const checkList = (input: unknown) => {
    let result: ReturnType<typeof parseWebhookList>
    try {
      result = parseWebhookList(input)
    } catch (error) {
      expectInvalidResponse(error)
      return
    }
    const rows = Array.isArray(input) ? input : (input as { webhooks: unknown[] }).webhooks
    expect(result.webhooks.length + result.invalid.length).toBe(rows.length)
    for (const row of result.webhooks) expect(integrationWebhookSchema.safeParse(row).success).toBe(true)
    expectInvalidRowsReport(result.invalid, rows.length)
  }

  it('returns rows or throws invalid-response, for any value at all', () => {
    fc.assert(fc.property(anything, checkList), runs)
  })

  it('returns rows or throws invalid-response, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), checkList), runs)
  })

  it('accounts for every row of a mostly valid list, as valid or reported', () => {
    const rows = fc.array(corrupted(validWebhook), { maxLength: 6 })
    const body = fc.oneof(
      rows,
      rows.map((webhooks) => ({ webhooks })),
      fc.record({ webhooks: rows, source: fc.constantFrom('saved', 'generated') }),
      fc.record({ webhooks: rows, source: anything }),
      fc.record({ webhooks: corrupted(validWebhook) }),
    )
    fc.assert(fc.property(body, checkList), runs)
  })

  it('reports a hole in a sparse array as an invalid row, like an undefined row', () => {
    const row = makeWebhook()
    // biome-ignore lint/suspicious/noSparseArray: the hole is what this test is about
    const result = parseWebhookList([, row])
    expect(result.webhooks).toEqual([row])
    expect(result.invalid).toEqual([{ index: 0, issues: ['(root): expected object'] }])
  })

  it('keeps every valid row', () => {
    fc.assert(
      fc.property(fc.array(validWebhook, { maxLength: 5 }), (rows) => {
        const result = parseWebhookList({ webhooks: rows })
        expect(result.invalid).toEqual([])
        expect(result.webhooks).toEqual(rows)
      }),
      runs,
    )
  })
})

describe('parseExecutionsPage', () => {
  const checkPage = (input: unknown) => {
    let result: ReturnType<typeof parseExecutionsPage>
    try {
      result = parseExecutionsPage(input)
    } catch (error) {
      expectInvalidResponse(error)
      return
    }
    const page = input as { executions: unknown[]; next_cursor?: string | null }
    expect(result.executions.length + result.invalid.length).toBe(page.executions.length)
    for (const row of result.executions) expect(webhookExecutionSchema.safeParse(row).success).toBe(true)
    expectInvalidRowsReport(result.invalid, page.executions.length)
    expect(result.nextCursor).toBe(page.next_cursor ?? null)
  }

  it('returns rows or throws invalid-response, for any value at all', () => {
    fc.assert(fc.property(anything, checkPage), runs)
  })

  it('returns rows or throws invalid-response, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), checkPage), runs)
  })

  it('accounts for every row of a mostly valid page, as valid or reported', () => {
    const body = fc.record(
      {
        executions: fc.oneof(fc.array(corrupted(validExecution), { maxLength: 6 }), anything),
        next_cursor: fc.oneof(fc.constant(null), text, anything),
      },
      { requiredKeys: ['executions'] },
    )
    fc.assert(fc.property(body, checkPage), runs)
  })
})

describe('generateFallbackWebhooks', () => {
  const availableIds = defaultCatalog.integrations.filter((i) => i.isAvailable).map((i) => i.id)
  const template = fc.oneof(
    fc.webUrl(),
    text,
    fc
      .array(fc.oneof(fc.constantFrom('https://hooks.example.com', '/', '{provider_id}', '{path}', '?id='), text), {
        maxLength: 5,
      })
      .map((parts) => parts.join('')),
  )
  // Rows carry RFC 3339 timestamps: four-digit years (toISOString writes -000001 or +275760 beyond).
  const date = fc.date({
    noInvalidDate: true,
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
  })
  const options = fc.record(
    {
      userId: fc.string({ unit: 'grapheme' }),
      now: fc.oneof(
        date,
        date.map((value) => value.getTime()),
        date.map((value) => value.toISOString()),
      ),
      origin: fc.webUrl().map((url) => new URL(url).origin),
      webhookUrl: template,
    },
    { requiredKeys: ['userId', 'now'] },
  )

  it('suggests one valid, inactive, unconfigured row per available integration, the same every time', () => {
    // Each run checks every available integration's row (27): 200 runs is over 5,000 rows. One
    // comparison per run, not ten expects per row: a thousand runs of those took over 5 s alone.
    fc.assert(
      fc.property(options, (opts) => {
        const rows = generateFallbackWebhooks(opts)
        const stamp = new Date(opts.now).toISOString()
        const invalid = rows.filter((row) => !integrationWebhookSchema.safeParse(row).success).map((row) => row.id)
        const summary = (row: IntegrationWebhook) => [
          row.id,
          row.user_id,
          row.status,
          row.external_config.setup_required,
          row.trigger_count,
          row.error_count,
          row.last_triggered,
          row.created_at,
          row.updated_at,
        ]
        expect({ invalid, rows: rows.map(summary) }).toEqual({
          invalid: [],
          rows: availableIds.map((id) => [`${id}-webhook`, opts.userId, 'inactive', true, 0, 0, null, stamp, stamp]),
        })
        expect(generateFallbackWebhooks(opts)).toEqual(rows)
      }),
      { numRuns: 200 },
    )
  })

  it('writes a webhook URL holding "$&" into the instructions as it is', () => {
    const [row] = generateFallbackWebhooks({
      catalog: [defaultCatalog.get('github')].filter((i) => i !== undefined),
      userId: 'u',
      now: 0,
      webhookUrl: 'https://hooks.example.com/$&/{provider_id}',
    })
    expect(row?.webhook_url).toBe('https://hooks.example.com/$&/github')
    expect(row?.external_config.instructions).toContain('Set Payload URL to https://hooks.example.com/$&/github')
  })

  it('writes the webhook URL itself into the setup instructions, whatever characters it holds', () => {
    const dollarTemplate = fc
      .array(fc.oneof(fc.constantFrom('https://hooks.example.com/', '{provider_id}', '$&', '$$', "$'", '$`'), text), {
        maxLength: 5,
      })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(dollarTemplate, (webhookUrl) => {
        for (const row of generateFallbackWebhooks({ userId: 'u', now: 0, webhookUrl })) {
          const steps = defaultCatalog.get(row.provider_id)?.setupSteps ?? []
          if (steps.some((step) => step.includes('{webhookUrl}'))) {
            expect(row.external_config.instructions).toContain(row.webhook_url)
          }
        }
      }),
      runs,
    )
  })
})

describe('sortWebhooks', () => {
  it('returns a sorted, stable permutation of the input, and sorting again changes nothing', () => {
    fc.assert(
      fc.property(indexedRows, sortRules, locale, (rows, rules, loc) => {
        const sorted = sortWebhooks(rows, rules, loc)
        // A permutation: the same rows, each once.
        expect([...idsOf(sorted)].sort((a, b) => Number(a) - Number(b))).toEqual(idsOf(rows))
        for (let i = 0; i < sorted.length; i++) {
          const a = sorted[i] as IntegrationWebhook
          const next = sorted[i + 1]
          if (next) expect(compareWebhooks(a, next, rules, loc)).toBeLessThanOrEqual(0)
          // Stable: rows the rules cannot tell apart keep their input order.
          for (let j = i + 1; j < sorted.length; j++) {
            const b = sorted[j] as IntegrationWebhook
            if (compareWebhooks(a, b, rules, loc) === 0) expect(Number(a.id)).toBeLessThan(Number(b.id))
          }
        }
        expect(idsOf(sortWebhooks(sorted, rules, loc))).toEqual(idsOf(sorted))
        // The input is left as it was.
        expect(idsOf(rows)).toEqual(rows.map((_, index) => String(index)))
      }),
      runs,
    )
  })
})

describe('filterWebhooks and countWebhookFacets', () => {
  it('keep a subsequence of the input, and each count equals the rows that choosing its value would show', () => {
    fc.assert(
      fc.property(indexedRows, webhookFilter, (rows, filter) => {
        const kept = filterWebhooks(rows, filter)
        // A subsequence: input rows, in input order, decided row by row.
        expect(kept).toEqual(rows.filter((row) => matchesWebhookFilter(row, filter)))
        kept.forEach((row, i) => {
          expect(rows).toContain(row)
          if (i > 0) expect(Number(row.id)).toBeGreaterThan(Number(kept[i - 1]?.id))
        })

        const counts = countWebhookFacets(rows, filter)
        for (const s of webhookStatuses) {
          expect(counts.statuses[s]).toBe(filterWebhooks(rows, { ...filter, statuses: [s] }).length)
        }
        const categories = new Set([...rows.map((row) => row.external_config.category), ...(filter.categories ?? [])])
        for (const c of categories) {
          expect(counts.categories[c] ?? 0).toBe(filterWebhooks(rows, { ...filter, categories: [c] }).length)
        }
        expect(Object.keys(counts.categories).every((c) => categories.has(c))).toBe(true)
        expect(counts.setupRequired).toBe(filterWebhooks(rows, { ...filter, setupRequired: true }).length)

        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
        expect(sum(Object.values(counts.statuses))).toBe(filterWebhooks(rows, { ...filter, statuses: [] }).length)
        expect(sum(Object.values(counts.categories))).toBe(filterWebhooks(rows, { ...filter, categories: [] }).length)
        expect(Object.getPrototypeOf({})).toBe(Object.prototype)
      }),
      runs,
    )
  })

  it('give the same rows through the search index of a long list as row by row, NULs and all', () => {
    // From 64 rows on, a query scans one joined text of the list (rows apart by a NUL).
    // A few texts repeated (the index keeps each distinct text once), or every row its own.
    const longRows = fc
      .record({
        base: fc.array(webhookRow, { minLength: 1, maxLength: 8 }),
        length: fc.integer({ min: 64, max: 160 }),
        distinct: fc.boolean(),
      })
      .map(({ base, length, distinct }) =>
        Array.from({ length }, (_, index) => {
          const row = base[index % base.length] as IntegrationWebhook
          const url = distinct ? `${row.webhook_url}/${index}` : row.webhook_url
          return { ...row, id: String(index), webhook_url: url }
        }),
      )
    const query = fc.oneof(
      webhookFilter.map((filter) => filter.query ?? ''),
      fc.constantFrom('\u0000', 'a\u0000b', 'hooks \u0000', 'https', 'e e', 'ee e'),
    )
    fc.assert(
      fc.property(longRows, query, webhookFilter, (rows, q, facets) => {
        const filter = { ...facets, query: q }
        expect(filterWebhooks(rows, filter)).toEqual(rows.filter((row) => matchesWebhookFilter(row, filter)))
        const counts = countWebhookFacets(rows, filter)
        for (const status of webhookStatuses) {
          expect(counts.statuses[status]).toBe(
            rows.filter((row) => matchesWebhookFilter(row, { ...filter, statuses: [status] })).length,
          )
        }
      }),
      { numRuns: 200 },
    )
  })

  it('search a list again after it was changed in place', () => {
    const rows = Array.from({ length: 100 }, (_, index) =>
      makeWebhook({ id: String(index), provider_id: index === 7 ? 'stripe' : 'github' }),
    )
    prepareSearch(rows)
    expect(filterWebhooks(rows, { query: 'stripe' }).map((row) => row.id)).toEqual(['7'])
    rows[42] = makeWebhook({ id: '42', provider_id: 'stripe' })
    expect(filterWebhooks(rows, { query: 'stripe' }).map((row) => row.id)).toEqual(['7', '42'])
    rows.push(makeWebhook({ id: '100', provider_id: 'stripe' }))
    expect(filterWebhooks(rows, { query: 'stripe' }).map((row) => row.id)).toEqual(['7', '42', '100'])
  })

  it('find a Greek name by a part ending in a capital sigma inside a word', () => {
    // 'Σ'.toLowerCase() is 'ς' (final sigma) at the end of a query but 'σ' inside the name.
    const row = makeWebhook({ name: 'ΟΔΥΣΣΕΑΣ' })
    expect(matchesWebhookFilter(row, { query: 'ΔΥΣ' })).toBe(true)
  })

  it('find a row by any part of its name, typed in any case', () => {
    // Capital sigma (also as a compatibility form such as '𝚺') has its own example test
    // above; without it, lower-casing does not depend on the neighbouring letters.
    const withoutSigma = webhookRow.filter(
      (row) => !row.external_config.integration_name.normalize('NFKD').includes('Σ'),
    )
    const rowAndPart = withoutSigma.chain((row) => {
      const graphemes = [
        ...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(row.external_config.integration_name),
      ].map((s) => s.segment)
      return fc
        .tuple(fc.nat(graphemes.length), fc.nat(graphemes.length), fc.constantFrom('upper', 'lower', 'same'))
        .map(([start, length, casing]) => {
          const part = graphemes.slice(start, start + length).join('')
          const cased = casing === 'upper' ? part.toUpperCase() : casing === 'lower' ? part.toLowerCase() : part
          // Only a case change that lower-cases back to the same text counts: 'ß' → 'SS',
          // 'ᾀ' → 'ἈΙ' or 'ᲈ' → 'Ꙋ' change the spelling, and such a part is searched for as it is.
          return { row, query: cased.toLowerCase() === part.toLowerCase() ? cased : part }
        })
    })
    fc.assert(
      fc.property(rowAndPart, ({ row, query }) => {
        expect(matchesWebhookFilter(row, { query })).toBe(true)
      }),
      runs,
    )
  })
})

describe('formatIssues', () => {
  const schemas = [
    integrationWebhookSchema,
    webhookExecutionSchema,
    webhookListEnvelopeSchema,
    executionsPageEnvelopeSchema,
  ]
  const input = fc.oneof(anything, fc.jsonValue(), corrupted(validWebhook), corrupted(validExecution))

  it('formats every issue of a real schema failure as "path: message"', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...schemas.keys()), (value, which) => {
        const result = schemas[which]?.safeParse(value)
        if (!result || result.success) return
        const lines = formatIssues(result.error.issues)
        expect(lines.length).toBe(result.error.issues.length)
        for (const line of lines) {
          expect(line).toContain(': ')
          expect(line.startsWith(': ')).toBe(false)
          expect(line.slice(line.indexOf(': ') + 2).trim()).not.toBe('')
        }
      }),
      runs,
    )
  })
})
