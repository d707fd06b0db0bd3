// Next.js App Router: app/api/integration-webhooks/[[...path]]/route.ts
import { toNextJsHandler } from 'integration-webhooks/server'
import { webhooks } from '../../../../lib/webhooks'

export const runtime = 'nodejs' // PGlite and pg need Node, not the edge runtime
export const dynamic = 'force-dynamic'
export const { GET, HEAD, POST, PUT, PATCH, DELETE } = toNextJsHandler(webhooks)
