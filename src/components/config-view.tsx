import { displayText, isSecretKey, limitDepth, maskSecrets, SECRET_MASK } from 'integration-webhooks/core'
import { useState } from 'react'
import { useUi } from './ui-context'

/**
 * A value as one line of text. The value is copied first with a depth limit (deeper levels
 * read "…"), so a hostile config thousands of levels deep neither overflows the stack here
 * nor in `JSON.stringify`.
 */
function show(value: unknown): string {
  if (typeof value === 'string') return displayText(value)
  try {
    return displayText(JSON.stringify(value) ?? String(value))
  } catch {
    return displayText(Object.prototype.toString.call(value))
  }
}

/**
 * A webhook's integration configuration as a description list. Values under keys that look
 * secret are masked until revealed one by one (and masked again with one click).
 */
export function ConfigView({ config }: { config: Record<string, unknown> }) {
  const { labels: l } = useUi()
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set())
  const entries = Object.entries(config)
  if (entries.length === 0) return <p data-slot="config-empty">{l.noConfiguration}</p>
  return (
    <dl data-slot="config">
      {entries.map(([key, value]) => {
        const filled = value !== null && value !== undefined && value !== ''
        const secretKey = isSecretKey(key) && filled
        // A value that is not secret itself may hold secrets deeper down ({ oauth: { refresh_token } }).
        const plain = show(limitDepth(value))
        const masked = secretKey ? SECRET_MASK : show(maskSecrets(value))
        const secret = secretKey || masked !== plain
        const visible = !secret || revealed.has(key)
        return (
          <div key={key} data-slot="config-entry" data-secret={secret || undefined}>
            <dt>
              <code>{displayText(key)}</code>
            </dt>
            <dd>
              <code data-slot="config-value" data-masked={!visible || undefined}>
                {visible ? plain : masked}
              </code>
              {secret && (
                <button
                  type="button"
                  data-slot="reveal-button"
                  aria-pressed={visible}
                  onClick={() =>
                    setRevealed((current) => {
                      const next = new Set(current)
                      if (next.has(key)) next.delete(key)
                      else next.add(key)
                      return next
                    })
                  }
                >
                  {visible ? l.hide(displayText(key)) : l.reveal(displayText(key))}
                </button>
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
