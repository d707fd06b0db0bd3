// Bundle size: size-limit (esbuild, minified + gzip, react and react-dom excluded, dependencies
// included) for each entry point of the built package and for svix-react + svix, in one run;
// then where the bytes go: esbuild's metafile per package, and the gzip cost of each package
// measured by leaving it out of the bundle.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import preset from '@size-limit/preset-small-lib'
import esbuild from 'esbuild'
import sizeLimit from 'size-limit'
import { benchDir, kB, log, pkgDir, readJson, rootDir, table } from './lib.mjs'

const reactIgnore = ['react', 'react-dom']
const entry = (file) => path.join(pkgDir, file)
const svixReact = path.join(rootDir, 'node_modules/svix-react/dist/svix-react.es.js')

/** What size-limit measures; `key` names the check in the report and the targets. */
const checks = [
  {
    key: 'core',
    name: '`integration-webhooks/core`: everything (zod/mini, catalog)',
    file: 'core/index.js',
    import: '*',
  },
  {
    key: 'client',
    name: '`integration-webhooks/core`: `createWebhookClient` + `loadWebhooks`',
    file: 'core/index.js',
    import: '{ createWebhookClient, loadWebhooks }',
  },
  {
    key: 'react',
    name: '`integration-webhooks/react`: every hook (core, swr, TanStack Table)',
    file: 'react/index.js',
    import: '*',
  },
  {
    key: 'hook',
    name: '`integration-webhooks/react`: `useIntegrationWebhooks` alone (with the catalog behind `import()`)',
    file: 'react/index.js',
    import: '{ useIntegrationWebhooks }',
  },
  {
    key: 'full',
    name: '`integration-webhooks`: `IntegrationWebhookManager` (the full component)',
    file: 'index.js',
    import: '{ IntegrationWebhookManager }',
  },
  {
    key: 'mocks',
    name: '`integration-webhooks/mocks`: everything (msw excluded)',
    file: 'mocks/index.js',
    import: '*',
    ignore: ['msw'],
  },
  {
    key: 'svix',
    name: 'reference: `svix-react` (all exports) with its `svix` client',
    path: svixReact,
    import: '*',
  },
  {
    key: 'svixHooks',
    name: 'reference: `svix-react` `SvixProvider` + `useEndpoints` + `useEndpointMessageAttempts`, with `svix`',
    path: svixReact,
    import: '{ SvixProvider, useEndpoints, useEndpointMessageAttempts }',
  },
]

/** The layers import each other by package name: point those names at the dist snapshot. */
const layerFiles = {
  'integration-webhooks': entry('index.js'),
  'integration-webhooks/core': entry('core/index.js'),
  'integration-webhooks/react': entry('react/index.js'),
  'integration-webhooks/mocks': entry('mocks/index.js'),
}

/** The package an import path or a metafile input belongs to. */
function packageOf(file) {
  const normalized = file.replaceAll('\\', '/')
  const inModules = normalized.split('node_modules/').at(-1)
  if (inModules !== normalized) {
    const parts = inModules.split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  const absolute = path.resolve(rootDir, normalized)
  for (const [name, target] of Object.entries(layerFiles)) if (absolute === target) return name
  // The other files of the snapshot (shared chunks, the catalog, the dialog's chunk): by layer directory.
  if (absolute.startsWith(pkgDir + path.sep)) {
    const layer = path.relative(pkgDir, absolute).split(path.sep)
    return layer.length > 1 && ['core', 'react', 'mocks'].includes(layer[0] ?? '')
      ? `integration-webhooks/${layer[0]}`
      : 'integration-webhooks'
  }
  if (absolute.startsWith(path.join(rootDir, 'src/'))) return path.relative(rootDir, absolute)
  return '(entry)'
}

const bareName = (specifier) => {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier)
}

/**
 * Resolves the layers to the snapshot, and makes the packages in `leaveOut` external
 * (an import of them stays in the bundle, their code does not).
 */
function resolverPlugin(leaveOut = new Set()) {
  return {
    name: 'bench-resolver',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (leaveOut.has(args.path) || leaveOut.has(bareName(args.path))) return { path: args.path, external: true }
        if (args.path in layerFiles) return { path: layerFiles[args.path] }
        return undefined
      })
    },
  }
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length

/** Bundles with the config size-limit used (in memory) and returns minified and gzip bytes. */
async function bundle(config, leaveOut) {
  const result = await esbuild.build({
    ...config,
    write: false,
    outdir: path.join(benchDir, '.dist/size-tmp'),
    plugins: [resolverPlugin(leaveOut)],
    logLevel: 'silent',
  })
  const js = result.outputFiles.filter((file) => file.path.endsWith('.js'))
  return {
    minified: js.reduce((sum, file) => sum + file.contents.length, 0),
    gzip: js.reduce((sum, file) => sum + gzip(file.contents), 0),
    metafile: result.metafile,
  }
}

/** The entry size-limit writes for a check: the import, and a use of it. */
function entrySource(check) {
  const [[file, imports]] = Object.entries(check.import)
  const binding = imports === '*' ? '* as all' : imports
  const used = imports === '*' ? 'all' : imports.replace(/[{}]/g, '').trim()
  return `import ${binding} from ${JSON.stringify(file)}\nconsole.log(${used})\n`
}

/**
 * The same bundle with code splitting (ESM), as an app's bundler makes it: what the page
 * downloads first (the entry chunk and the chunks it imports statically) and what it loads
 * on demand (chunks behind a dynamic `import()`), each chunk gzipped on its own.
 */
async function splitBundle(check) {
  const entryDir = path.join(benchDir, '.dist/size-entry')
  mkdirSync(entryDir, { recursive: true })
  const entryFile = path.join(entryDir, 'entry.js')
  writeFileSync(entryFile, entrySource(check))
  const { entryPoints: _, ...config } = check.esbuildConfig
  const result = await esbuild.build({
    ...config,
    entryPoints: [entryFile],
    splitting: true,
    format: 'esm',
    write: false,
    outdir: path.join(benchDir, '.dist/size-split'),
    plugins: [resolverPlugin()],
    logLevel: 'silent',
  })
  const { outputs } = result.metafile
  const contents = new Map(result.outputFiles.map((file) => [path.relative(rootDir, file.path), file.contents]))
  const chunks = Object.keys(outputs).filter((key) => key.endsWith('.js'))
  const entry = chunks.find((key) => outputs[key].entryPoint)
  const initial = new Set()
  const stack = [entry]
  while (stack.length) {
    const key = stack.pop()
    if (!key || initial.has(key)) continue
    initial.add(key)
    for (const imported of outputs[key].imports) {
      if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path)
    }
  }
  const describe = (key) => {
    const packages = [...bytesByPackage({ outputs: { [key]: outputs[key] } })]
      .sort((a, b) => b[1] - a[1])
      .map(([name]) => name)
    const files = Object.keys(outputs[key].inputs).map((input) => path.basename(input))
    return {
      gzip: gzip(contents.get(key) ?? new Uint8Array()),
      packages,
      label: (packages.length ? packages.slice(0, 3) : files.length ? files : [path.basename(key)])
        .map((name) => `\`${name}\``)
        .join(', '),
    }
  }
  const first = [...initial].map(describe)
  const onDemand = chunks.filter((key) => !initial.has(key)).map(describe)
  const sum = (list) => list.reduce((total, chunk) => total + chunk.gzip, 0)
  return {
    firstLoad: sum(first),
    onDemand: sum(onDemand),
    chunks: onDemand,
    firstLoadPackages: [...new Set(first.flatMap((chunk) => chunk.packages))],
  }
}

/** The runtime dependencies of the package, as declared (plus svix-react's own, for the reference). */
const directDependencies = [...Object.keys(readJson(path.join(rootDir, 'package.json')).dependencies), 'svix']

const isOurs = (name) => name.startsWith('integration-webhooks') || name.startsWith('src/') || name === 'svix-react'

/** Minified bytes per package in a bundle, from esbuild's metafile. */
function bytesByPackage(metafile) {
  const bytes = new Map()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input)
      if (name !== '(entry)' && bytesInOutput > 0) bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput)
    }
  }
  return bytes
}

/**
 * What each dependency costs in a bundle. Per package: its minified bytes (metafile
 * `bytesInOutput`). Per direct dependency: the packages that leave the bundle with it
 * (it and what only it pulls in), their minified bytes, and its gzip cost, i.e. how much
 * the gzipped bundle shrinks when that dependency is left out.
 */
async function breakdown(check) {
  // size-limit deletes its entry file when done: the same entry again, as stdin.
  const { entryPoints: _, ...config } = check.esbuildConfig
  config.stdin = { contents: entrySource(check), resolveDir: rootDir }

  const whole = await bundle(config)
  const packages = bytesByPackage(whole.metafile)
  const groups = []
  const grouped = new Set()
  for (const dependency of directDependencies) {
    if (!packages.has(dependency)) continue
    const without = await bundle(config, new Set([dependency]))
    const left = bytesByPackage(without.metafile)
    const members = [...packages.keys()].filter((name) => !left.has(name))
    for (const name of members) grouped.add(name)
    const minified = members.reduce((sum, name) => sum + (packages.get(name) ?? 0), 0)
    groups.push({ name: dependency, members, minified, gzipCost: whole.gzip - without.gzip })
  }
  const ours = [...packages.keys()].filter(isOurs)
  const shared = [...packages.keys()].filter((name) => !isOurs(name) && !grouped.has(name))
  const sum = (names) => names.reduce((total, name) => total + (packages.get(name) ?? 0), 0)
  if (shared.length) groups.push({ name: '(shared by several)', members: shared, minified: sum(shared) })
  groups.sort((a, b) => b.minified - a.minified)
  // Our code alone: every direct dependency left out at once.
  const alone = await bundle(config, new Set(directDependencies))
  groups.unshift({ name: '(the package itself)', members: ours, minified: sum(ours), gzipAlone: alone.gzip })
  for (const group of groups) group.members.sort((a, b) => (packages.get(b) ?? 0) - (packages.get(a) ?? 0))
  const perPackage = [...packages].sort((a, b) => b[1] - a[1])
  return { minified: whole.minified, gzip: whole.gzip, groups, perPackage }
}

/**
 * Where the bytes of our own code go, by source file: the same import bundled from `src/`
 * (the layers aliased to their sources), which is what tsup compiles into `dist/`.
 * `stub` replaces modules by a few lines, to measure what the bundle would weigh without them.
 */
async function sourceBreakdown(contents, stub = {}) {
  const sources = {
    'integration-webhooks': path.join(rootDir, 'src/components/index.ts'),
    'integration-webhooks/core': path.join(rootDir, 'src/core/index.ts'),
    'integration-webhooks/react': path.join(rootDir, 'src/react/index.ts'),
  }
  const result = await esbuild.build({
    stdin: { contents, resolveDir: rootDir, loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    format: 'esm',
    external: reactIgnore,
    logLevel: 'silent',
    jsx: 'automatic',
    plugins: [
      {
        name: 'bench-sources',
        setup(build) {
          build.onResolve({ filter: /^integration-webhooks/ }, (args) => ({ path: sources[args.path] }))
          build.onLoad({ filter: /\.tsx?$/ }, (args) => {
            const relative = path.relative(rootDir, args.path)
            if (relative in stub) return { contents: stub[relative], loader: 'ts' }
            return undefined
          })
        },
      },
    ],
  })
  const code = result.outputFiles[0].contents
  const files = new Map()
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    let name = packageOf(input)
    if (name.startsWith('src/core/catalog/integrations/')) name = 'src/core/catalog/integrations/* (catalog data)'
    files.set(name, (files.get(name) ?? 0) + bytesInOutput)
  }
  const rows = [...files].filter(([name, bytes]) => bytes > 0 && name !== '(entry)')
  rows.sort((a, b) => b[1] - a[1])
  return { minified: code.length, gzip: gzip(code), rows }
}

/** The size of the setup-step text alone, and of the whole catalog data as JSON. */
async function catalogText() {
  const { availableIntegrations } = await import(path.join(pkgDir, 'core/index.js'))
  const steps = availableIntegrations.flatMap((integration) => integration.setupSteps).join('\n')
  const json = JSON.stringify(availableIntegrations)
  const enc = (text) => Buffer.from(text, 'utf8')
  return {
    integrations: availableIntegrations.length,
    steps: availableIntegrations.reduce((sum, integration) => sum + integration.setupSteps.length, 0),
    stepsRaw: enc(steps).length,
    stepsGzip: gzip(enc(steps)),
    jsonRaw: enc(json).length,
    jsonGzip: gzip(enc(json)),
  }
}

export async function measureSizes() {
  log('size: size-limit over the dist snapshot and svix-react')
  const limitChecks = checks.map((check) => {
    const file = check.path ?? entry(check.file)
    return {
      name: check.name,
      files: [file],
      import: { [file]: check.import },
      ignore: [...reactIgnore, ...(check.ignore ?? [])],
      gzip: true,
      modifyEsbuildConfig: (config) => ({ ...config, plugins: [resolverPlugin()] }),
    }
  })
  // One size-limit run for every check (the same plugins and esbuild as `npm run size`).
  await sizeLimit(preset, { checks: limitChecks })
  const sizes = {}
  for (const [i, check] of checks.entries()) sizes[check.key] = { ...check, size: limitChecks[i].size }

  log('size: per-package breakdown (esbuild metafile, leave-one-out gzip)')
  const breakdowns = {}
  for (const key of ['full', 'hook', 'core', 'svix']) {
    breakdowns[key] = await breakdown(limitChecks[checks.findIndex((c) => c.key === key)])
  }

  log('size: with code splitting (first load, on demand)')
  const splits = {}
  for (const key of ['full', 'hook']) {
    splits[key] = await splitBundle(limitChecks[checks.findIndex((c) => c.key === key)])
  }
  const split = splits.full

  log('size: our code by source file')
  const emptyCatalog = {
    'src/core/catalog/integrations/index.ts': 'export const availableIntegrations = []',
  }
  const sources = {
    core: await sourceBreakdown("export * from 'integration-webhooks/core'"),
    coreWithoutCatalog: await sourceBreakdown("export * from 'integration-webhooks/core'", emptyCatalog),
    hook: await sourceBreakdown("export { useIntegrationWebhooks } from 'integration-webhooks/react'"),
    hookWithoutCatalog: await sourceBreakdown(
      "export { useIntegrationWebhooks } from 'integration-webhooks/react'",
      emptyCatalog,
    ),
    full: await sourceBreakdown("export { IntegrationWebhookManager } from 'integration-webhooks'"),
    fullWithoutCatalog: await sourceBreakdown(
      "export { IntegrationWebhookManager } from 'integration-webhooks'",
      emptyCatalog,
    ),
  }
  return { sizes, split, splits, breakdowns, sources, catalog: await catalogText() }
}

/** The size targets, with the measured value. */
export function sizeTargets({ sizes, split, splits }) {
  return [
    {
      name: 'Full component (`IntegrationWebhookManager`) with all its dependencies ≤ 50 kB gz',
      value: `${kB(sizes.full.size)} (of which ${kB(split.firstLoad)} on first load)`,
      met: sizes.full.size <= 50_000,
    },
    {
      name: '`core` (everything, with the catalog) ≤ 12 kB gz',
      value: kB(sizes.core.size),
      met: sizes.core.size <= 12_000,
    },
    {
      name: '`useIntegrationWebhooks` alone, with what it pulls in, ≤ 20 kB gz (first load; the catalog for fallback rows on demand)',
      value: `${kB(splits.hook.firstLoad)} first load (+ ${kB(splits.hook.onDemand)} on demand: ${splits.hook.chunks
        .map((chunk) => chunk.label)
        .join(', ')}); ${kB(sizes.hook.size)} as one bundle`,
      met: splits.hook.firstLoad <= 20_000,
    },
  ]
}

export function sizeReport({ sizes, splits, breakdowns }) {
  const out = []
  const rows = []
  for (const s of Object.values(sizes)) {
    rows.push([s.name, kB(s.size)])
    const split = splits[s.key]
    if (!split) continue
    rows.push(
      ['↳ of it, first load: entry chunk + static imports (esbuild, ESM, code splitting)', kB(split.firstLoad)],
      [
        `↳ of it, on demand: ${split.chunks.length} chunk(s) behind \`import()\` (${split.chunks
          .map((chunk) => `${chunk.label}: ${kB(chunk.gzip)}`)
          .join('; ')})`,
        kB(split.onDemand),
      ],
    )
  }
  out.push(table(['import', 'minified + gzip'], rows, ['l', 'r']))
  out.push(
    'The first-load and on-demand figures gzip each chunk on its own, so together they are a little more than ' +
      'the one-bundle figure above them.',
  )
  const titles = {
    full: '`IntegrationWebhookManager` (full component)',
    hook: '`useIntegrationWebhooks` alone',
    core: 'all of `integration-webhooks/core`',
    svix: 'reference: all of `svix-react` + `svix`',
  }
  for (const [key, b] of Object.entries(breakdowns)) {
    const share = (bytes) => `${((100 * bytes) / b.minified).toFixed(0)} %`
    out.push(
      `**What each dependency costs — ${titles[key]}**: ${kB(b.minified)} minified, ${kB(b.gzip)} gzip in all ` +
        '(esbuild with the settings of size-limit). "Gzip cost" is how much the gzipped bundle shrinks when that ' +
        'dependency (with what only it pulls in) is left out; gzip shares a dictionary across the bundle, so the ' +
        "costs do not add up exactly to the whole. The package's own code is gzipped alone (every dependency left out).",
    )
    out.push(
      table(
        ['dependency', 'packages in the bundle', 'minified', 'share', 'gzip cost'],
        b.groups.map((group) => [
          `\`${group.name}\``,
          group.members.map((name) => `\`${name}\` ${kB(b.perPackage.find(([n]) => n === name)?.[1] ?? 0)}`).join(', '),
          kB(group.minified),
          share(group.minified),
          group.gzipAlone !== undefined
            ? `${kB(group.gzipAlone)} alone`
            : group.gzipCost === undefined
              ? '–'
              : kB(group.gzipCost),
        ]),
        ['l', 'l', 'r', 'r', 'r'],
      ),
    )
  }
  return out.join('\n\n')
}

/** Our own code by source file, for the Findings. */
export function sourceReport({ sources, catalog }) {
  const out = []
  const top = (b, count) =>
    table(
      ['module', 'minified', 'share'],
      b.rows
        .slice(0, count)
        .map(([name, bytes]) => [`\`${name}\``, kB(bytes), `${((100 * bytes) / b.minified).toFixed(0)} %`]),
      ['l', 'r', 'r'],
    )
  out.push(
    `All of \`core\` bundled from \`src/\` (${kB(sources.core.minified)} minified, ${kB(sources.core.gzip)} gzip), ` +
      'its 10 biggest modules:',
  )
  out.push(top(sources.core, 10))
  out.push(
    table(
      ['bundle (from src/, esbuild, gzip)', 'as it is', 'with an empty catalog', 'the catalog costs'],
      [
        ['all of `core`', sources.core, sources.coreWithoutCatalog],
        ['`useIntegrationWebhooks` alone', sources.hook, sources.hookWithoutCatalog],
        ['`IntegrationWebhookManager`', sources.full, sources.fullWithoutCatalog],
      ].map(([name, a, b]) => [name, kB(a.gzip), kB(b.gzip), kB(a.gzip - b.gzip)]),
      ['l', 'r', 'r', 'r'],
    ),
  )
  out.push(
    `The catalog holds ${catalog.integrations} integrations with ${catalog.steps} setup steps: the step text alone is ` +
      `${kB(catalog.stepsRaw)} (${kB(catalog.stepsGzip)} gzip); the whole catalog as JSON is ${kB(catalog.jsonRaw)} ` +
      `(${kB(catalog.jsonGzip)} gzip).`,
  )
  out.push(
    `\`useIntegrationWebhooks\` alone, bundled from \`src/\` (${kB(sources.hook.gzip)} gzip), its 12 biggest parts:`,
  )
  out.push(top(sources.hook, 12))
  out.push(
    `\`IntegrationWebhookManager\`, bundled from \`src/\` (${kB(sources.full.gzip)} gzip), its 15 biggest parts:`,
  )
  out.push(top(sources.full, 15))
  return out.join('\n\n')
}
