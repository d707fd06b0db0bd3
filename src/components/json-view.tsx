import { displayText, maskSecrets } from 'integration-webhooks/core'

/**
 * Any value from the API as pretty text in a <pre>: never HTML, with secrets masked (under
 * secret-looking keys, and inside text: a JSON response body, a URL's credentials, `Bearer …`),
 * bidi and invisible controls removed, and levels past the depth limit shown as "…".
 * `data-format="json | text"`: text wraps between words, JSON is indented two spaces.
 */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  let text: string
  const masked = maskSecrets(value)
  if (typeof masked === 'string') text = masked
  else {
    try {
      text = JSON.stringify(masked, null, 2) ?? String(masked)
    } catch {
      text = Object.prototype.toString.call(masked)
    }
  }
  text = displayText(text)
  return (
    // A focusable, labelled region: long payloads scroll, and keyboard users must be able to
    // scroll them (axe: scrollable-region-focusable). A <section> cannot hold preformatted text.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <pre
      dir="ltr"
      data-slot="code-block"
      data-format={typeof masked === 'string' ? 'text' : 'json'}
      role="region"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
    >
      {text}
    </pre>
  )
}
