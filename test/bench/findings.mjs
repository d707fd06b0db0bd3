// The "Findings" of BENCHMARKS.md: for each missed target, what the measurements and
// profiles of this run show, and what would fix it. The numbers come from the run; the
// explanations name the code the profiles point at.
import { kB, ms } from './lib.mjs'

const sumModules = (profile, names) =>
  Object.entries(profile?.modules ?? {})
    .filter(([module]) => names.some((name) => module === name || module.startsWith(name)))
    .reduce((sum, [, time]) => sum + time, 0)

const findProfile = (render, impl, action) => render.profiles.find((p) => p.impl === impl && p.action === action)
const group = (breakdown, name) => breakdown.groups.find((g) => g.name === name)
const cost = (breakdown, name) => group(breakdown, name)?.gzipCost ?? 0

function fullComponent(size) {
  const b = size.breakdowns.full
  const total = size.sizes.full.size
  const catalog = size.sources.full.gzip - size.sources.fullWithoutCatalog.gzip
  const dialog = cost(b, '@radix-ui/react-dialog')
  const table = cost(b, '@tanstack/react-table')
  const zod = cost(b, 'zod')
  const swr = cost(b, 'swr')
  const fixed = dialog + table + zod + swr
  const ours = group(b, '(the package itself)')?.gzipAlone ?? 0
  const radixPackages = group(b, '@radix-ui/react-dialog')?.members.length ?? 0
  const split = size.split
  const dialogUpFront = split.firstLoadPackages.includes('@radix-ui/react-dialog')
  return `#### Full component: ${kB(total)} gzip, ${kB(total - 50_000)} over 50 kB

With code splitting, as an app's bundler does it (esbuild, ESM, \`splitting: true\`), the page
downloads **${kB(split.firstLoad)} first** and ${kB(split.onDemand)} on demand (${split.chunks
    .map((chunk) => `${chunk.label} ${kB(chunk.gzip)}`)
    .join(
      '; ',
    )})${dialogUpFront ? '; Radix Dialog is in the first load, though the dialog is meant to load on demand' : ''}.

**The target cannot be met with the product's fixed stack.** Bundled again without each dependency (table above),
the four on the design card cost \`@radix-ui/react-dialog\` ${kB(dialog)} (${radixPackages} packages: focus scope,
dismissable layer, \`react-remove-scroll\`, \`aria-hidden\`, …), \`@tanstack/react-table\` ${kB(table)} (with
\`table-core\` and \`@tanstack/store\`, already only its sorting feature), \`zod\` ${kB(zod)} and \`swr\` ${kB(swr)}:
${kB(fixed)} together, which leaves ${kB(50_000 - fixed)} for the catalog's data (${kB(catalog)}) and all of the
package's own code (${kB(ours)} gzip alone: client, schemas, sort/filter/format, hooks, table, dialog, history).
What is cut already: TanStack Virtual (10.7 kB) is replaced by a fixed-row-height window of our own; the dialog
(Radix) loads with \`import()\` on first use and is preloaded at idle.

What would reach 50 kB needs a product decision on the stack:

1. **Radix Dialog → the native \`<dialog>\`** with \`showModal()\`: the browser gives the focus trap, Escape,
   the inert background and the top layer; scroll lock is one CSS rule. Saves ≈ ${kB(dialog)}.
2. **TanStack Table → a small sort-toggle helper.** \`useWebhookTable\` sorts and filters with core's
   \`sortWebhooks\` / \`filterWebhooks\`; the table instance only supplies \`getToggleSortingHandler()\` and
   \`getIsSorted()\` for the headers. Saves ≈ ${kB(table)}; \`WebhookTableState.table\` is public API.
3. Both: ≈ ${kB(total - dialog - table)} (gzip costs do not add up exactly).`
}

function core(size) {
  const total = size.sizes.core.size
  const withoutCatalog = size.sources.coreWithoutCatalog.gzip
  const catalog = size.sources.core.gzip - withoutCatalog
  const zod = cost(size.breakdowns.core, 'zod')
  const client = size.splits.client
  const biggest = size.sources.coreWithoutCatalog.rows
    .filter(([name]) => name.startsWith('src/'))
    .slice(0, 4)
    .map(([name, bytes]) => `\`${name}\` ${kB(bytes)}`)
    .join(', ')
  return `#### \`core\`: ${kB(total)} gzip, ${kB(total - 12_000)} over 12 kB

**Not reachable while \`core\` carries zod and the 30-entry catalog**: the catalog's data
(\`src/core/catalog/integrations/*\`, ${kB(size.sources.core.rows.find(([name]) => name.includes('catalog data'))?.[1] ?? 0)}
minified) costs ${kB(catalog)} gzip and \`zod/mini\` ${kB(zod)}: ${kB(catalog + zod)} before any of our code. The
setup-step text is only ${kB(size.catalog.stepsGzip)} gzip of the catalog; names, descriptions, scopes, triggers and
docs URLs are the rest. Our other modules are ${kB(withoutCatalog - zod)} beside zod/mini; the biggest (minified):
${biggest}.

What is done: the catalog is a file of its own (\`dist/core/builtin-catalog.js\`), loaded by \`loadWebhooks\` with
\`import()\` only when the API has nothing saved, and its entries are validated by the tests instead of at import
(no definition schema in the bundle). So what a client of the API downloads first, \`createWebhookClient\` +
\`loadWebhooks\`, is **${kB(client.firstLoad)}** (+ ${kB(client.onDemand)} on demand).
Reaching 12 kB for all of \`core\` would need the catalog served as data by the host (fetched, not bundled) or a
validator other than zod, both product decisions.`
}

function hook(size) {
  const split = size.splits.hook
  return `#### \`useIntegrationWebhooks\` alone: ${kB(split.firstLoad)} gzip on first load, ${kB(split.firstLoad - 20_000)} over 20 kB

The catalog (${kB(split.onDemand)}) loads on demand, only for fallback rows. What the first load holds:
\`zod\` ${kB(cost(size.breakdowns.hook, 'zod'))}, \`swr\` ${kB(cost(size.breakdowns.hook, 'swr'))}, and our code
(${kB(group(size.breakdowns.hook, '(the package itself)')?.gzipAlone ?? 0)} gzip alone: the client, \`loadWebhooks\`,
the list schema and its parse).`
}

function sortFinding(render) {
  const table = render.samples['table:10000']
  const manager = render.samples['manager:10000']
  const p = findProfile(render, 'table', 'sort')
  const sortCode = sumModules(p, ['src/core/sort.ts'])
  const formatting = sumModules(p, ['src/core/format.ts'])
  const react = sumModules(p, ['react-dom', 'scheduler', 'react'])
  const virtual = sumModules(p, ['@tanstack/virtual-core', '@tanstack/react-virtual'])
  const program = sumModules(p, ['(program)'])
  const gc = sumModules(p, ['(garbage collector)'])
  const rendering = p.trace.style + p.trace.layout + p.trace.paint
  return `#### Sort at 10,000 rows: ${ms(table.sort.median)} ms (\`WebhookTable\`), ${ms(manager.sort.median)} ms (manager) to the next paint

The first click commits after ${ms(table.sortWork.median)} ms (median); a second click, with everything warm, after
${ms(table.sortAgainWork.median)} ms (${ms(table.sortAgain.median)} ms to paint). The paint waits for the next frame
(≈ 8 ms on average), so the work must stay under ≈ 8 ms for a 16 ms median. Where the profiled click's
${ms(p.busy)} ms go (self time): comparing rows (\`src/core/sort.ts\`, \`compareWebhooks\` and the \`Intl.Collator\`
comparator) ${ms(sortCode)} ms; React rendering and committing the new window of rows ${ms(react)} ms; formatting
dates (\`src/core/format.ts\`) ${ms(formatting)} ms; the virtualiser ${ms(virtual)} ms; \`(program)\` ${ms(program)} ms
and GC ${ms(gc)} ms. A trace of the same click puts style, layout and paint together at ${ms(rendering)} ms
(script: ${ms(p.trace.script)} ms)${
    rendering < program / 2
      ? ', so most of `(program)` is native work called from our script: ICU behind `collator.compare` and behind ' +
        'each new `Intl` formatter'
      : ''
  }.

Already done (and measured here): \`sortWebhooks\` ranks each distinct value once with the collator and sorts by
integer rank, and the \`Intl\` formatters in \`src/core/format.ts\` are cached per locale and options.
What remains:

- **Render fewer, cheaper rows.** React re-renders every row of the new window (each with a copy button, a badge,
  a \`RelativeTime\`): memoise the row component (\`React.memo\` keyed on the row object) and give rows one fixed
  height so the virtualiser does not measure them.
- **Keep the commit off the click**: \`useDeferredValue(sorting)\` in \`useWebhookTable\` lets the header update at
  once and the rows follow in the next frame.`
}

function filterFinding(render) {
  const table = render.samples['table:10000']
  const manager = render.samples['manager:10000']
  const p = findProfile(render, 'table', 'filter')
  const filterCode = sumModules(p, ['src/core/filter.ts'])
  const gc = sumModules(p, ['(garbage collector)'])
  const formatting = sumModules(p, ['src/core/format.ts'])
  return `#### Filter at 10,000 rows: ${ms(table.filter.median)} ms (\`WebhookTable\`), ${ms(manager.filter.median)} ms (manager) to the next paint

The input commits after ${ms(table.filterWork.median)} ms (median). In the profile, \`src/core/filter.ts\` alone takes
${ms(filterCode)} ms self time (\`normalizeSearchText\`, \`searchableText\`, \`matchesQuery\`), plus ${ms(gc)} ms of
garbage collection for the strings it builds, and ${ms(formatting)} ms for date formatting in the new rows. \`filterWebhooks\` and \`countWebhookFacets\` each walk all rows.

Already done: each row's folded text is kept in a \`WeakMap\` (\`src/core/filter.ts\`), so only the first query
over a list pays for normalising it; the measured keystroke is that first one. What remains:

- **Normalise ahead of the first keystroke**: fill the cache when the list arrives, at idle time.
- **Filter and count facets in one pass** over the rows.
- Keep typing responsive on very long lists with \`useDeferredValue(query)\` in \`useWebhookTable\`.`
}

/** What the first paint of a long list costs, from the 10,000-row mount profile. */
function firstPaintCauses(render) {
  const ours = render.samples['table:10000']
  const p = findProfile(render, 'table', 'mount')
  const heights = ours.rowHeights.join(' or ') || '?'
  return `Above 100 rows, \`WebhookTable\` renders its rows through \`lazy(() => import('./virtual-rows'))\`
(\`src/components/webhook-table.tsx\`); until that chunk has loaded, the \`<Suspense>\` fallback renders the first
20 rows in full (\`rows.slice(0, 20)\`), each with a copy button, a status badge and a \`RelativeTime\`.
So the first paint at 10,000 rows (${ms(ours.mount.median)} ms) costs more than the 30-row one, and the virtual
window replaces those rows only at ${ms(ours.mountSettled?.median ?? Number.NaN)} ms (React holds a revealed
Suspense fallback for at least 300 ms). In the profile of this mount (${ms(p.busy)} ms busy, until the virtual window is painted): React
${ms(sumModules(p, ['react-dom', 'scheduler', 'react']))} ms, date formatting (\`src/core/format.ts\`)
${ms(sumModules(p, ['src/core/format.ts']))} ms, the virtualiser
${ms(sumModules(p, ['@tanstack/virtual-core', '@tanstack/react-virtual']))} ms, \`(program)\`
${ms(sumModules(p, ['(program)']))} ms; a trace of it: style ${ms(p.trace.style)} ms, layout ${ms(p.trace.layout)} ms,
paint ${ms(p.trace.paint)} ms, GC ${ms(p.trace.gc)} ms.

- **Do not measure rows.** \`src/components/virtual-rows.tsx\` passes \`virtualizer.measureElement\` as every row's
  ref, so each new row is observed and measured: style and layout forced from script take ${ms(p.trace.forced)} ms
  of the traced mount. The rows seen here are ${heights} px high (the trigger list wraps) while \`estimateSize\`
  says 57, so measuring also moves the window after its first paint. Give rows one fixed height in the theme (the
  trigger list on one line: the first type and "+N more"), set \`estimateSize\` to it and drop the ref.
- **Render only what fits while the virtualiser loads**: a fallback of ≈ 15 rows (the container's max-height over
  the row height) instead of 100.
- **Start loading the chunk before it is needed**: call the \`import('./virtual-rows')\` when \`webhook-table\`
  loads, or as soon as a list longer than the threshold arrives, so it is usually there at the first render.
- The \`Intl\` formatter cache (see Sort) makes each of those rows cheaper.`
}

function naiveFinding(render) {
  const ours = render.samples['table:10000']
  const naive = render.samples['naive:10000']
  return `#### Mount at 10,000 rows: ${(naive.mount.median / ours.mount.median).toFixed(1)}× faster than the naive table, under 20×

\`WebhookTable\` paints its first rows in ${ms(ours.mount.median)} ms against ${ms(naive.mount.median)} ms for the
naive table (which commits in ${ms(naive.mountWork.median)} ms but then lays out and paints 10,000 rows).
${firstPaintCauses(render)}`
}

function mountFinding(render) {
  const ours = render.samples['table:10000']
  const small = render.samples['table:30']
  return `#### Mount at 10,000 rows: ${ms(ours.mount.median)} ms, more than 2× the 30-row mount (${ms(small.mount.median)} ms)

${firstPaintCauses(render)}`
}

function parseFinding(node) {
  const p = node.parseProfile
  const zod = sumModules(p, ['zod'])
  const schemas = sumModules(p, ['src/core/schemas.ts'])
  const gc = sumModules(p, ['(garbage collector)'])
  return `#### Node: \`parseWebhookList\` on 10,000 rows: ${ms(node.parse.median)} ms, over 25 ms

Of the ${ms(p.busy)} ms profiled over five calls, zod's own code takes ${ms(zod)} ms, garbage collection
${ms(gc)} ms, and our refinements in \`src/core/schemas.ts\` ${ms(schemas)} ms (the \`dateTime()\` refine runs
\`Date.parse\` three times per row). \`zod/mini\`'s \`looseObject\` has no compiled fast path (classic zod's JIT object
needs \`new Function\`, which a strict CSP forbids): it walks every key, copies every row into a new object, and
copies the \`integration_config\` record and every unknown key again; that is where the garbage comes from.

- **A hand-written guard for the hot path**: check the 13 fields of a row with \`typeof\` / \`Array.isArray\` and a
  date regex, and return the row itself (no copy); run the zod schema only on rows that fail, to produce the issues
  that \`InvalidRow\` reports. Valid rows (nearly all) then cost a few property reads each; the schema stays the single
  source of the types.
- Or keep zod for every row but drop the \`Date.parse\` refine (an ISO 8601 regex check is cheaper) and use
  \`z.object\` without the catch-all copy where unknown fields need not pass through.`
}

/** What the run shows beyond the targets: the first opening of the details dialog. */
function dialogFinding(render, size) {
  const stub = size.split.chunks.find((chunk) => chunk.label.includes('webhook-details-dialog'))
  const empty = stub !== undefined && stub.gzip < 1000
  const small = render.samples['manager:30']
  const large = render.samples['manager:10000']
  if (!small?.dialog || Math.max(small.dialog.median, large.dialog.median) < 100) return undefined
  return `#### No target: opening the details dialog takes ${ms(small.dialog.median)} ms (30 rows), ${ms(large.dialog.median)} ms (10,000 rows)

The first click on "Details for …" mounts \`<Suspense fallback={null}>\` around the \`lazy()\` dialog
(\`src/components/integration-webhook-manager.tsx\`); it suspends on the chunk, and React reveals a Suspense boundary
no sooner than 300 ms after its fallback appeared, so the dialog cannot paint before ≈ 300 ms, even though the
chunk is on localhost${empty ? " (and, as shown under the full component's size, holds only a re-export)" : ''}. The virtual window
of a long table waits for the same reason (≈ 300 ms after the first 100 rows, see the mount table).

- Load the dialog's chunk ahead of the click: at idle after the first render, or on \`pointerenter\` / \`focus\` of a
  "Details for …" button, and keep the resolved component in a module variable so that later renders do not suspend.
- Or, while the split does not save any bytes (see above), import the dialog statically again.`
}

/** The Findings section: one part per missed target. */
export function findings({ size, render, node, targets }) {
  const missed = (prefix) => targets.some((target) => !target.met && target.name.startsWith(prefix))
  const parts = []
  if (missed('Full component')) parts.push(fullComponent(size))
  if (missed('`core`')) parts.push(core(size))
  if (missed('`useIntegrationWebhooks`')) parts.push(hook(size))
  if (missed('10,000 webhooks: mount within')) parts.push(mountFinding(render))
  if (missed('10,000 webhooks: sort')) parts.push(sortFinding(render))
  if (missed('10,000 webhooks: filter')) parts.push(filterFinding(render))
  if (missed('10,000 webhooks: at least 20×')) parts.push(naiveFinding(render))
  if (missed('Node')) parts.push(parseFinding(node))
  const dialog = dialogFinding(render, size)
  if (parts.length === 0 && !dialog) return 'Every target is met in this run.'
  if (dialog) parts.push(dialog)
  return [
    'For each target missed in this run: what the measurements show, and suggested fixes. The profiles and the ' +
      'per-module sizes they quote are printed below.',
    ...parts,
  ].join('\n\n')
}
