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

  it('render a long table as its first window of rows and a spacer, the same markup the browser hydrates', () => {
    const many = Array.from({ length: 500 }, (_, i) => makeWebhook({ id: `w-${i}`, name: `Hook ${i}` }))
    const html = renderToString(<WebhookTable webhooks={many} />)
    const rows = html.match(/data-slot="row"/g) ?? []
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThanOrEqual(100)
    expect(html).toContain('data-slot="spacer"')
    expect(html).toContain('aria-rowcount="501"')
    expect(renderToString(<WebhookTable webhooks={many} />)).toBe(html)
  })
})
