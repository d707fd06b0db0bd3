import type { ArgTypes } from 'storybook/internal/types'

// Our props document their defaults with TSDoc's `@defaultValue` (what TypeDoc and editors read).
// Storybook shows no default for them: a tag inside a line stays in the description as text, and
// one on a line of its own is dropped with the other tags it does not know. This moves it to the
// table's Default column, read from docgen's raw description.

/** What react-docgen attaches to a component (`__docgenInfo`): each prop's raw description. */
export interface DocgenInfo {
  props?: Record<string, { description?: string } | undefined>
}

/**
 * The tag and its text, which runs to the next block tag (`@example`, on the same line or the
 * next) or to the end. An inline `{@link …}` is part of the text: its `@` follows a brace.
 */
const defaultTag = /(?:^|\s)@defaultValue(?:[ \t]+([\s\S]*?))?\s*(?=\s@\w|$)/
/** `{@link target}`, `{@link target | label}`, `{@link target label}`, `{@linkcode …}`, `{@linkplain …}`. */
const inlineLink = /\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|?\s*([^}]*?))?\s*\}/g
/** Markdown code spans: a run of backticks up to the next run of the same length. */
const codeSpan = /(`+)\s?([\s\S]*?)\s?\1/g

/**
 * Takes `@defaultValue …` out of each description and shows it in the Default column: a value
 * (`100`, `true`, `location.origin`) or a short description ("the browser's"), without the
 * Markdown backticks, which the column does not render.
 */
export function defaultValuesFromDocs(argTypes: ArgTypes, docgen?: DocgenInfo): ArgTypes {
  const out: ArgTypes = {}
  for (const [name, argType] of Object.entries(argTypes)) {
    const raw = docgen?.props?.[name]?.description ?? argType.description
    const match = typeof raw === 'string' ? defaultTag.exec(raw) : null
    if (!match) {
      out[name] = argType
      continue
    }
    const text = (match[1] ?? '')
      .replace(inlineLink, (_, target: string, label?: string) => label || target)
      .replace(codeSpan, '$2')
      .replace(/\s+/g, ' ')
      .trim()
    out[name] = {
      ...argType,
      description: argType.description?.replace(defaultTag, '').trim(),
      table: {
        ...argType.table,
        // A default docgen found in the code (a destructuring default) wins; an empty tag gives none.
        defaultValue: argType.table?.defaultValue ?? (text ? { summary: text } : undefined),
      },
    }
  }
  return out
}
