import { describe, expect, it } from 'vitest'
import { defaultValuesFromDocs } from '../.storybook/default-values'

// The props tables of the Storybook docs: TSDoc's @defaultValue goes to the Default column.
describe('defaultValuesFromDocs (Storybook props tables)', () => {
  it('moves a value, a description, code and links out of the description into the Default column', () => {
    const out = defaultValuesFromDocs({
      threshold: { name: 'threshold', description: 'Above this many rows it is virtualised. @defaultValue 100' },
      locale: { name: 'locale', description: "BCP 47 locale.\n@defaultValue the browser's" },
      origin: { name: 'origin', description: 'Where it points.\n@defaultValue `location.origin` in a browser' },
      catalog: { name: 'catalog', description: 'The integrations.\n@defaultValue {@link defaultCatalog}' },
    })
    expect(out.threshold?.description).toBe('Above this many rows it is virtualised.')
    expect(out.threshold?.table?.defaultValue).toEqual({ summary: '100' })
    expect(out.locale?.description).toBe('BCP 47 locale.')
    expect(out.locale?.table?.defaultValue).toEqual({ summary: "the browser's" })
    expect(out.origin?.table?.defaultValue).toEqual({ summary: 'location.origin in a browser' })
    expect(out.catalog?.table?.defaultValue).toEqual({ summary: 'defaultCatalog' })
  })

  it('stops at the next tag, keeps a default found in the code, and leaves other props as they are', () => {
    const plain = { name: 'plain', description: 'No default.', table: { category: 'props' } }
    const out = defaultValuesFromDocs({
      size: { name: 'size', description: 'Rows per page.\n@defaultValue 20\n@example\n<X size={5} />' },
      found: {
        name: 'found',
        description: 'Found by docgen. @defaultValue 2',
        table: { defaultValue: { summary: '3' } },
      },
      plain,
    })
    expect(out.size?.table?.defaultValue).toEqual({ summary: '20' })
    expect(out.size?.description).toBe('Rows per page.\n@example\n<X size={5} />')
    expect(out.found?.table?.defaultValue).toEqual({ summary: '3' })
    expect(out.found?.description).toBe('Found by docgen.')
    expect(out.plain).toBe(plain)
  })
})

describe('defaultValuesFromDocs with docgen', () => {
  it("reads the tag from docgen's raw description when Storybook has already dropped it", () => {
    const out = defaultValuesFromDocs(
      { theme: { name: 'theme', description: 'Colour scheme.' } },
      { props: { theme: { description: 'Colour scheme.\n@defaultValue none: the ancestor’s `data-theme`' } } },
    )
    expect(out.theme?.description).toBe('Colour scheme.')
    expect(out.theme?.table?.defaultValue).toEqual({ summary: 'none: the ancestor’s data-theme' })
  })
})

describe('defaultValuesFromDocs: how the tag is read', () => {
  const read = (description: string) => defaultValuesFromDocs({ p: { name: 'p', description } }).p

  it('stops at a block tag on the same line, which stays in the description', () => {
    const out = read('Rows. @defaultValue 20 @example <X size={5} />')
    expect(out?.table?.defaultValue).toEqual({ summary: '20' })
    expect(out?.description).toBe('Rows. @example <X size={5} />')
  })

  it('gives no default for an empty tag, and keeps the tag after it', () => {
    const out = read('Rows.\n@defaultValue\n@example\n<X />')
    expect(out?.table?.defaultValue).toBeUndefined()
    expect(out?.description).toBe('Rows.\n@example\n<X />')
  })

  it('reads every form of inline link, and code spans with backticks inside', () => {
    expect(read('A. @defaultValue {@link defaultCatalog | the built-in catalog}')?.table?.defaultValue).toEqual({
      summary: 'the built-in catalog',
    })
    expect(read('A. @defaultValue {@link defaultCatalog built-in}')?.table?.defaultValue).toEqual({
      summary: 'built-in',
    })
    expect(read('A. @defaultValue {@linkcode defaultRetryPolicy}')?.table?.defaultValue).toEqual({
      summary: 'defaultRetryPolicy',
    })
    expect(read('A. @defaultValue `` id => `executions/{id}` ``')?.table?.defaultValue).toEqual({
      summary: 'id => `executions/{id}`',
    })
  })
})
