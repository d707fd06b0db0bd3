import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const entries = {
  'integration-webhooks/core': 'src/core/index.ts',
  'integration-webhooks/react': 'src/react/index.ts',
  'integration-webhooks': 'src/components/index.ts',
  'integration-webhooks/mocks': 'mocks/index.ts',
}

/**
 * One program for every entry (they share most of their files): building and type-checking the
 * project took seconds per program on a loaded machine, four times over.
 */
const program = (() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  return ts.createProgram(
    Object.values(entries).map((entry) => `${root}${entry}`),
    { ...config?.options, noEmit: true },
  )
})()

/**
 * What each entry exports at run time, imported while the file is collected: transforming an
 * entry's module graph on first import took over 5 s inside a test on a loaded machine.
 */
const runtimeExports = new Map(
  await Promise.all(
    Object.values(entries).map(async (entry) => [entry, Object.keys(await import(`../${entry}`))] as const),
  ),
)

/** Every export of an entry point with what its JSDoc says, read by the TypeScript compiler. */
function documentedExports(entry: string) {
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(`${root}${entry}`)
  if (!source) throw new Error(`cannot read ${entry}`)
  const module = checker.getSymbolAtLocation(source)
  if (!module) throw new Error(`${entry} has no exports`)
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    const declaration = target.declarations?.[0]
    const isValue = Boolean(target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable))
    // For a `…Props` interface: the properties that have no JSDoc summary.
    const undocumentedProps =
      symbol.name.endsWith('Props') && target.flags & ts.SymbolFlags.Interface
        ? checker
            .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(target))
            .filter((prop) => {
              const own = prop.declarations?.some((d) => !d.getSourceFile().fileName.includes('node_modules'))
              return own && !ts.displayPartsToString(prop.getDocumentationComment(checker)).trim()
            })
            .map((prop) => prop.name)
        : []
    return {
      undocumentedProps,
      name: symbol.name,
      isValue,
      summary: ts.displayPartsToString(target.getDocumentationComment(checker)).trim(),
      hasExample: target.getJsDocTags(checker).some((tag) => tag.name === 'example'),
      where: declaration ? declaration.getSourceFile().fileName.replace(root, '') : '?',
    }
  })
}

describe.each(Object.entries(entries))('public surface of %s', (_, entry) => {
  const exports = documentedExports(entry)

  it('documents every value the entry exports at run time', () => {
    // The compiler's list (types included) must hold every name the module really exports.
    const names = new Set(exports.map((e) => e.name))
    const runtime = runtimeExports.get(entry) ?? []
    expect(runtime.length).toBeGreaterThan(0)
    expect(runtime.filter((name) => !names.has(name))).toEqual([])
  })

  it('has a JSDoc summary on every export', () => {
    expect(exports.filter((e) => !e.summary).map((e) => `${e.name} (${e.where})`)).toEqual([])
  })

  it('documents every prop of every component and provider', () => {
    expect(
      exports.filter((e) => e.undocumentedProps.length).map((e) => `${e.name}: ${e.undocumentedProps.join(', ')}`),
    ).toEqual([])
  })

  it('has an @example on every function, class and constant', () => {
    expect(exports.filter((e) => e.isValue && !e.hasExample).map((e) => `${e.name} (${e.where})`)).toEqual([])
  })
})
