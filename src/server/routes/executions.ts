import type { RouteContext } from '../context'
import { HttpError, webhookNotFound } from '../errors'
import { json } from '../http'
import { decodeCursor, encodeCursor } from '../ids'

/** The page size when the request names none, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

function pageSize(value: string | null): number {
  if (value === null || value === '') return DEFAULT_PAGE_SIZE
  const size = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    throw new HttpError('invalid_query', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`, {
      issues: [`limit: expected 1–${MAX_PAGE_SIZE}, got ${JSON.stringify(value.slice(0, 20))}`],
    })
  }
  return size
}

/** `GET {basePath}/executions/{webhookId}?limit=&cursor=`: newest first, keyset pages. */
export async function listExecutions(context: RouteContext): Promise<Response> {
  const webhookId = context.params.webhookId as string
  const limit = pageSize(context.url.searchParams.get('limit'))
  const cursor = context.url.searchParams.get('cursor')
  const before = cursor ? decodeCursor(webhookId, cursor) : null
  // The page query is scoped to the user, so it never shows another user's rows; only an
  // empty page needs the second query that tells "no such webhook" (404) from "no executions".
  const rows = await context.store.listExecutions(context.userId, webhookId, { limit: limit + 1, before })
  if (rows.length === 0 && !(await context.store.getWebhook(context.userId, webhookId))) throw webhookNotFound()
  const more = rows.length > limit
  const executions = more ? rows.slice(0, limit) : rows
  const last = executions[executions.length - 1]
  return json({
    executions,
    next_cursor: more && last ? encodeCursor(webhookId, { triggeredAt: last.triggered_at, id: last.id }) : null,
  })
}
