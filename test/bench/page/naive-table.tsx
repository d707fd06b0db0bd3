import type { IntegrationWebhook } from 'integration-webhooks'

/**
 * The reference a hand-rolled page would write: every row rendered, no virtualisation,
 * the same columns as the manager's table, as text.
 */
export function NaiveTable({ rows }: { rows: readonly IntegrationWebhook[] }) {
  return (
    <table data-bench="naive">
      <thead>
        <tr>
          <th>Integration</th>
          <th>Webhook URL</th>
          <th>Status</th>
          <th>Trigger types</th>
          <th>Last triggered</th>
          <th>Triggers</th>
          <th>Errors</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-slot="row">
            <td>
              {row.external_config.integration_name}
              <br />
              {row.external_config.category}
            </td>
            <td>{row.webhook_url}</td>
            <td>{row.status}</td>
            <td>{row.trigger_types.join(', ')}</td>
            <td>{row.last_triggered ? new Date(row.last_triggered).toLocaleString() : 'Never'}</td>
            <td>{row.trigger_count.toLocaleString()}</td>
            <td>{row.error_count.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
