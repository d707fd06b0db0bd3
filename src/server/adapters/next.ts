import type { FetchHandler } from './node'

/** The route handlers of a Next.js App Router `route.ts`. */
export interface NextRouteHandlers {
  GET(request: Request): Promise<Response>
  HEAD(request: Request): Promise<Response>
  POST(request: Request): Promise<Response>
  PUT(request: Request): Promise<Response>
  PATCH(request: Request): Promise<Response>
  DELETE(request: Request): Promise<Response>
}

/**
 * The exports of `app/api/integration-webhooks/[[...path]]/route.ts`.
 *
 * @example
 * ```ts
 * export const runtime = 'nodejs'
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE } = toNextJsHandler(webhooks)
 * ```
 */
export function toNextJsHandler(handler: FetchHandler): NextRouteHandlers {
  const handle = typeof handler === 'function' ? handler : handler.handle.bind(handler)
  const route = (request: Request) => handle(request)
  return { GET: route, HEAD: route, POST: route, PUT: route, PATCH: route, DELETE: route }
}
