import { maskSecrets } from 'integration-webhooks/core'

/** Any value from the API as pretty text in a <pre>: never HTML, secrets under secret-looking keys masked. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  let text: string
  if (typeof value === 'string') text = value
  else {
    try {
      text = JSON.stringify(maskSecrets(value), null, 2) ?? String(value)
    } catch {
      text = String(value)
    }
  }
  return (
    // A focusable, labelled region: long payloads scroll, and keyboard users must be able to
    // scroll them (axe: scrollable-region-focusable). A <section> cannot hold preformatted text.
    // biome-ignore lint/a11y/useSemanticElements: see above
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <pre data-slot="code-block" role="region" aria-label={label} tabIndex={0}>
      {text}
    </pre>
  )
}
