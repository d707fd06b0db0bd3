// Pure updates of cached data from live events (no React here): tested alone in
// test/react/live-patch.test.ts, called by the hooks' stream listeners.
import type { ExecutionsPage, IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'

const newer = (incoming: { updated_at: string }, cached: { updated_at: string }) =>
  !(Date.parse(cached.updated_at) > Date.parse(incoming.updated_at))

/**
 * The list with one webhook replaced (in place), added (at the end) or removed (`null`).
 * Returns the same array when nothing changes (an older copy than the cached row, an unknown
 * id removed), so the hooks do not re-render for it.
 */
export function patchWebhookList(
  webhooks: readonly IntegrationWebhook[],
  webhookId: string,
  webhook: IntegrationWebhook | null,
): readonly IntegrationWebhook[] {
  const index = webhooks.findIndex((row) => row.id === webhookId)
  if (webhook === null) return index === -1 ? webhooks : webhooks.filter((_, i) => i !== index)
  if (index === -1) return [...webhooks, webhook]
  const cached = webhooks[index] as IntegrationWebhook
  if (!newer(webhook, cached)) return webhooks
  const next = webhooks.slice()
  next[index] = webhook
  return next
}

/**
 * Loaded pages of executions with one execution replaced where it is (a status change) or, when
 * none of the pages holds it, put first on the first page (it is new: newest first). Returns the
 * same pages when there is nothing to patch (no page loaded yet).
 */
export function patchExecutionPages(
  pages: readonly ExecutionsPage[] | undefined,
  execution: WebhookExecution,
): { pages: ExecutionsPage[] | undefined; added: boolean } {
  if (!pages?.length) return { pages: pages as ExecutionsPage[] | undefined, added: false }
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p] as ExecutionsPage
    const index = page.executions.findIndex((row) => row.id === execution.id)
    if (index === -1) continue
    const executions = page.executions.slice()
    executions[index] = execution
    const next = pages.slice()
    next[p] = { ...page, executions }
    return { pages: next, added: false }
  }
  const [first, ...rest] = pages as [ExecutionsPage, ...ExecutionsPage[]]
  return { pages: [{ ...first, executions: [execution, ...first.executions] }, ...rest], added: true }
}
