// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  useCopyToClipboard,
  useIntegrationWebhooks,
  useWebhookActions,
  useWebhookExecutions,
  useWebhookTable,
  WebhooksProvider,
} from '../../src/react'

function Page() {
  const { webhooks, isLoading, error } = useIntegrationWebhooks({ refreshInterval: 1000 })
  const { resultCount } = useWebhookTable(webhooks)
  const { executions } = useWebhookExecutions('gmail-webhook')
  const { isPending } = useWebhookActions()
  const { copied } = useCopyToClipboard()
  return (
    <main>
      <p>{isLoading ? 'Loading webhooks' : `${resultCount} webhooks`}</p>
      <p>{`${executions.length} executions`}</p>
      <p>{String(isPending('sendTest', 'x'))}</p>
      <p>{copied ? 'Copied' : 'Copy'}</p>
      <p>{error ? 'failed' : 'no error'}</p>
    </main>
  )
}

describe('the hooks under server rendering', () => {
  it('runs where there is no DOM', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
  })

  it('render the loading state without touching window, with a provider', () => {
    const html = renderToString(
      <WebhooksProvider apiUrl="https://app.example.com/api/integration-webhooks">
        <Page />
      </WebhooksProvider>,
    )
    expect(html).toContain('Loading webhooks')
    expect(html).toContain('0 executions')
    expect(html).toContain('Copy')
    expect(html).toContain('no error')
  })

  it('render without a provider, with the relative default apiUrl', () => {
    expect(renderToString(<Page />)).toContain('Loading webhooks')
  })
})
