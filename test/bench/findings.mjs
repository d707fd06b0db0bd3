// The "Findings" of BENCHMARKS.md: for each missed target, what the measurements and
// profiles of this run show, and what would fix it. The numbers come from the run; the
// explanations name the code the profiles point at.
import { int, kB, MB, ms } from './lib.mjs'

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
${
  split.firstLoad <= 50_000
    ? `What a page downloads before the user opens a webhook is under 50 kB: the details dialog (Radix) and the catalog
(setup steps, for the dialog and for fallback rows) load when first needed; the table's brand marks use a
few hundred bytes of built-in colours instead of the catalog.`
    : ''
}

**The target cannot be met with the product's fixed stack.** Bundled again without each dependency (table above),
the four on the design card cost \`@radix-ui/react-dialog\` ${kB(dialog)} (${radixPackages} packages: focus scope,
dismissable layer, \`react-remove-scroll\`, \`aria-hidden\`, …), \`@tanstack/react-table\` ${kB(table)} (with
\`table-core\` and \`@tanstack/store\`, already only its sorting feature), \`zod\` ${kB(zod)} and \`swr\` ${kB(swr)}:
${kB(fixed)} together, which leaves ${kB(50_000 - fixed)} for all of the package's own code: ${kB(ours)} gzip alone
(the catalog's data ${kB(catalog)}; client, schemas, sort/filter/format, hooks, table, dialog, history).
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
  const client = size.sizes.client.size
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

What is done: the catalog is a file of its own (\`dist/core/builtin-catalog.js\`) that \`loadWebhooks\` loads with
\`import()\` when the API has nothing saved, and its entries are validated by the tests instead of at import (no
definition schema in the bundle). The hooks import core through \`dist/core/without-catalog.js\`, which never imports the
catalog statically, so they download it only for fallback rows; \`integration-webhooks/core\` itself re-exports the
catalog, so \`createWebhookClient\` + \`loadWebhooks\` imported from it weigh ${kB(client)}.
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

/** What a "→ next paint" figure cannot go below on this machine, and what our work adds to it. */
function floorNote(samples) {
  if (!samples.floor) return ''
  return `On this machine the same measurement around an action that does no work (no-op column) takes
${ms(samples.floor.median)} ms: waiting for the next frame and producing it. So a 16 ms median
leaves about ${ms(Math.max(0, 16 - samples.floor.median))} ms for the work of the click and for style, layout and paint of what it changed.`
}

function rendering(p) {
  return `a trace of the same action: script ${ms(p.trace.script)} ms, style ${ms(p.trace.style)} ms, layout
${ms(p.trace.layout)} ms, paint ${ms(p.trace.paint)} ms (software rendering: headless Chromium without a GPU)`
}

function sortFinding(render) {
  const table = render.samples['table:10000']
  const manager = render.samples['manager:10000']
  const p = findProfile(render, 'table', 'sort')
  const sortCode = sumModules(p, ['src/core/sort.ts'])
  const react = sumModules(p, ['react-dom', 'scheduler', 'react'])
  const program = sumModules(p, ['(program)'])
  return `#### Sort at 10,000 rows: ${ms(table.sort.median)} ms (\`WebhookTable\`), ${ms(manager.sort.median)} ms (manager) to the next paint

The first click commits after ${ms(table.sortWork.median)} ms (median); a second click after
${ms(table.sortAgainWork.median)} ms (${ms(table.sortAgain.median)} ms to paint); a click on the numeric "Errors" column
paints after ${table.sortErrors ? ms(table.sortErrors.median) : '–'} ms. ${floorNote(table)}
In the profiled click (${ms(p.busy)} ms of samples): \`src/core/sort.ts\` ${ms(sortCode)} ms (the list was ranked and
ordered at idle time, so the click copies a cached order), React ${ms(react)} ms, \`(program)\` ${ms(program)} ms
(mostly Blink's own work); ${rendering(p)}.

Done (each measured here): one row height and our own fixed-height window instead of TanStack Virtual; a sort
does not filter again; rows keyed by their place, so a sort refills the \`<tr>\`s in view instead of removing
and building them (style time about halved, no DOM created); \`prepareSort\` at idle ranks and orders the list by
each of the table's columns, both directions (text by collator, the others by a typed-array sort of their
distinct values; the ranking and the counting sort leave the click). Tried and not kept:
\`content-visibility: auto\` on cell contents (Chromium leaves what it skips out of the accessibility tree);
\`useDeferredValue(sorting)\` (the header paints sooner but the sorted rows later, which users would see); layer
and containment CSS on rows; \`content-visibility\` on the cells themselves (Blink ignores it on table cells).
What remains is React re-rendering the cells of the ~${int(table.rows.median)} rows in the window and Blink's style,
layout and paint of them with software rendering, over the floor of the frame.`
}

function filterFinding(render) {
  const table = render.samples['table:10000']
  const manager = render.samples['manager:10000']
  const p = findProfile(render, 'table', 'filter')
  const filterCode = sumModules(p, ['src/core/filter.ts'])
  const react = sumModules(p, ['react-dom', 'scheduler', 'react'])
  return `#### Filter at 10,000 rows: ${ms(table.filter.median)} ms (\`WebhookTable\`), ${ms(manager.filter.median)} ms (manager) to the next paint

The input commits after ${ms(table.filterWork.median)} ms (median). ${floorNote(table)} In the profile,
\`src/core/filter.ts\` takes ${ms(filterCode)} ms self time and React ${ms(react)} ms; ${rendering(p)}.

Done: a search index per list, built at idle when a long list arrives: the list's distinct folded texts (a list
of webhooks repeats the same integrations) joined into one string, which a query scans with the engine's native
\`indexOf\`, then the rows of the texts that match are taken from the index's row groups, without walking the
list (before: \`includes\` on each of the 10,000 rows, about 4 ms of the input here); facet counts walk only the
rows the query keeps, and
only when read (the manager reads them for its selects, \`WebhookTable\` alone never does); the rows in view are
refilled in place, as for a sort; windowing is decided on the whole list, so a filter that leaves a few rows
keeps the scroll box. The index and the prepared orders cost memory, kept while the list's array lives:
${table.heapIdleDelta ? MB(table.heapIdleDelta.median) : '–'} at 10,000 rows (the mount table's last column).
What remains is the same as for a sort: React and Blink rendering the new window. The manager commits after
${ms(manager.filterWork.median)} ms: besides the table it renders its toolbar (the query, the counts in its selects and
checkbox, "n of m", "Clear filters"), and counts the facets of the matches, the first time for this list.`
}

function mountFinding(render) {
  const ours = render.samples['table:10000']
  const small = render.samples['table:30']
  return `#### Mount at 10,000 rows: ${ms(ours.mount.median)} ms, more than 2× the 30-row mount (${ms(small.mount.median)} ms)

The window holds ${int(ours.rows.median)} rows whatever the count; see the mount profile below.`
}

function naiveFinding(render) {
  const ours = render.samples['table:10000']
  const naive = render.samples['naive:10000']
  return `#### Mount at 10,000 rows: ${(naive.mount.median / ours.mount.median).toFixed(1)}× faster than the naive table, under 20×

\`WebhookTable\` paints its first rows in ${ms(ours.mount.median)} ms against ${ms(naive.mount.median)} ms for the
naive table; see the mount profile below.`
}

function parseFinding(node) {
  const p = node.parseProfile
  const zod = sumModules(p, ['zod'])
  const gc = sumModules(p, ['(garbage collector)'])
  return `#### Node: \`parseWebhookList\` on 10,000 rows: ${ms(node.parse.median)} ms, over 25 ms

Of the ${ms(p.busy)} ms profiled over five calls, zod's own code takes ${ms(zod)} ms and garbage collection
${ms(gc)} ms. Valid rows are meant to pass the hand-written guard (\`src/core/guard.ts\`) and skip zod: zod time here
means rows the guard declines.`
}

/** What the run shows beyond the targets: the first opening of the details dialog. */
function dialogFinding(render) {
  const small = render.samples['manager:30']
  const large = render.samples['manager:10000']
  if (!small?.dialog || Math.max(small.dialog.median, large.dialog.median) < 100) return undefined
  return `#### No target: opening the details dialog takes ${ms(small.dialog.median)} ms (30 rows), ${ms(large.dialog.median)} ms (10,000 rows)

The dialog's chunk is preloaded at idle and when the pointer enters a row, and renders without suspending once it
is there; a figure near 300 ms means the click came before the chunk had loaded and React held the Suspense
boundary (it reveals a fallback for at least 300 ms).`
}

/** What the run shows beyond the targets: a short list renders every row, so it costs more per click. */
function shortListFinding(render) {
  const small = render.samples['table:30']
  const large = render.samples['table:10000']
  if (!small?.sort || small.sort.median <= 16) return undefined
  return `#### No target: sorting the 30 rows of a short list takes ${ms(small.sort.median)} ms (${ms(large.sort.median)} ms at 10,000)

Under \`virtualizeThreshold\` (100 rows in the list) the table renders every row, so a sort re-renders all
${int(small.rows.median)} rows' cells (React), where a long list re-renders a window of ${int(large.rows.median)}.
Blink lays out every one of them too (no \`content-visibility\`: it would drop them from the accessibility tree). A lower default threshold would
window short tables too (they would scroll inside the table's \`max-height\` instead of with the page): a design
decision, left as it is.`
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
  const extras = [dialogFinding(render), shortListFinding(render)].filter(Boolean)
  if (parts.length === 0 && extras.length === 0) return 'Every target is met in this run.'
  parts.push(...extras)
  return [
    'For each target missed in this run: what the measurements show, and suggested fixes. The profiles and the ' +
      'per-module sizes they quote are printed below.',
    ...parts,
  ].join('\n\n')
}
