// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { CopyButton, IntegrationWebhookManager, WebhookStatusBadge, WebhookTable } from '../../src/components'
import { makeWebhook } from '../core/fixtures'

describe('the components under server rendering', () => {
  it('render the manager in its loading state without a DOM', () => {
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <IntegrationWebhookManager apiUrl="https://app.example.com/api/integration-webhooks" theme="dark" />,
    )
    expect(html).toContain('data-slot="manager"')
    expect(html).toContain('data-theme="dark"')
    expect(html).toContain('Loading webhooks')
    expect(html).toContain('aria-busy="true"')
  })

  it('render the parts with data', () => {
    const html = renderToString(
      <>
        <WebhookTable webhooks={[makeWebhook({ name: 'GitHub', status: 'error' })]} />
        <WebhookStatusBadge status="active" />
        <CopyButton value="x" label="Copy x" />
      </>,
    )
    expect(html).toContain('Details for GitHub')
    expect(html).toContain('data-status="error"')
    expect(html).toContain('aria-label="Copy x"')
  })
})
