// The app `npm start` runs: the package's server on a real database, and a page that mounts
// <IntegrationWebhookManager> the way a host's page would, in one Node process. Sign-in is a
// demo user named by a cookie (examples/nextjs/lib/session.ts reads the same cookie).

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import {
  createPgliteStore,
  createPostgresStore,
  createWebhookServer,
  toNodeListener,
  type WebhookEvent,
  type WebhookStore,
} from 'integration-webhooks/server'
import { getUserId } from '../examples/nextjs/lib/session'

export const API_PATH = '/api/integration-webhooks'
/** The cookie that names the demo user (the same one the Next.js example reads). */
export const DEMO_COOKIE = 'demo_user'
/** Placeholders in the built page, filled per response. */
const NONCE_PLACEHOLDER = 'IW_CSP_NONCE'
const USER_PLACEHOLDER = '__DEMO_USER__'

export interface AppOptions {
  /** The built page (index.html and assets/). */
  pageDir: string
  /** 0 for any free port. */
  port: number
  /** Where to listen; by default loopback only (127.0.0.1 and ::1): a demo cookie is no sign-in. */
  host?: string
  /** PostgreSQL to share with other instances; without it, PGlite in `dataDir`. */
  databaseUrl?: string
  /** The PGlite data directory (kept across restarts). */
  dataDir: string
  /** The origin providers reach, when the app is behind a proxy (receiving URLs are built on it). */
  publicUrl?: string
  /** 32 bytes (hex or base64) sealing signing secrets; by default a key file in `dataDir` (PGlite only). */
  encryptionKey?: string
  /** Where the app says what happens (each event handed to onEvent). */
  log?: (line: string) => void
}

export interface RunningApp {
  /** `http://localhost:{port}` */
  url: string
  port: number
  /** What stores the data, in words. */
  storeDescription: string
  close(): Promise<void>
}

/** A key of our own for the embedded store, made on first start and kept beside its data. */
function localKey(dataDir: string): string {
  const file = path.join(dataDir, 'encryption-key')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const key = randomBytes(32).toString('hex')
  writeFileSync(file, `${key}\n`, { mode: 0o600 })
  return key
}

interface StaticFile {
  body: Buffer
  type: string
  immutable: boolean
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
}

/** Every file of the built page, by URL path: nothing outside this map is ever served. */
function readPage(pageDir: string): { index: string; files: Map<string, StaticFile> } {
  const files = new Map<string, StaticFile>()
  for (const entry of readdirSync(pageDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const urlPath = `/${path.relative(pageDir, file).split(path.sep).join('/')}`
    files.set(urlPath, {
      body: readFileSync(file),
      type: types[path.extname(file)] ?? 'application/octet-stream',
      immutable: urlPath.startsWith('/assets/'),
    })
  }
  const index = files.get('/index.html')
  if (!index) throw new Error(`${pageDir} has no index.html: the page was not built`)
  return { index: index.body.toString('utf8'), files }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function securityHeaders(res: ServerResponse) {
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'no-referrer')
}

/** Starts the app; resolves once it listens. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const log = options.log ?? ((line: string) => console.log(line))
  const page = readPage(options.pageDir)
  const store: WebhookStore = options.databaseUrl
    ? await createPostgresStore({ connectionString: options.databaseUrl })
    : await createPgliteStore({ dataDir: path.join(options.dataDir, 'webhooks') })
  const storeDescription = options.databaseUrl
    ? `PostgreSQL at ${redact(options.databaseUrl)}`
    : `PGlite in ${options.dataDir} (kept across restarts)`

  // At least once: an execution already handled is skipped by its id (a real workflow engine
  // would keep these ids in its own database).
  const handled = new Set<string>()
  const onEvent = ({ webhook, execution, event }: WebhookEvent) => {
    if (handled.has(execution.id)) return { duplicate: true }
    handled.add(execution.id)
    log(`event: ${event.trigger_type} for ${webhook.external_config.integration_name} (execution ${execution.id})`)
    return { handled_by: 'the demo app', trigger_type: event.trigger_type }
  }

  const webhooks = createWebhookServer({
    store,
    basePath: API_PATH,
    publicUrl: options.publicUrl,
    authenticate: getUserId,
    encryptionKey: options.encryptionKey ?? (options.databaseUrl ? undefined : localKey(options.dataDir)),
    onEvent,
    onError: (error) => log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  })
  const api = toNodeListener(webhooks)

  function servePage(req: IncomingMessage, res: ServerResponse) {
    let user = getUserId(new Request('http://app.local/', { headers: { cookie: req.headers.cookie ?? '' } }))
    if (!user) {
      user = `demo_${randomBytes(9).toString('base64url')}`
      res.setHeader('set-cookie', `${DEMO_COOKIE}=${user}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`)
    }
    const nonce = randomBytes(16).toString('base64')
    const html = page.index.replaceAll(NONCE_PLACEHOLDER, nonce).replaceAll(USER_PLACEHOLDER, escapeHtml(user))
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Strict CSP: the component needs no inline script or style; the one style a dependency
      // injects (the dialog's scroll lock) carries this nonce.
      'content-security-policy': [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        `style-src 'self' 'nonce-${nonce}'`,
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    })
    res.end(req.method === 'HEAD' ? undefined : html)
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    securityHeaders(res)
    const pathname = (req.url ?? '/').split('?')[0] ?? '/'
    if (pathname === API_PATH || pathname.startsWith(`${API_PATH}/`)) return api(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
        .end('Method not allowed\n')
      return
    }
    if (pathname === '/' || pathname === '/index.html') return servePage(req, res)
    const file = page.files.get(pathname)
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
      return
    }
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  // Loopback on both families unless told otherwise, so http://localhost works whichever
  // address a client resolves it to.
  const hosts = options.host ? [options.host] : ['127.0.0.1', '::1']
  const servers: Server[] = []
  let port = options.port
  try {
    for (const [i, host] of hosts.entries()) {
      const server = createServer(handle)
      try {
        await listen(server, port, host)
      } catch (error) {
        // No IPv6 loopback on this machine: IPv4 alone is enough.
        if (i > 0 && (error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') continue
        throw error
      }
      servers.push(server)
      port = (server.address() as AddressInfo).port
    }
  } catch (error) {
    for (const server of servers) server.close()
    await webhooks.close()
    await store.close()
    throw error
  }

  let closing: Promise<void> | undefined
  return {
    url: `http://${options.host && options.host !== '127.0.0.1' && options.host !== '::1' ? options.host : 'localhost'}:${port}`,
    port,
    storeDescription,
    close() {
      closing ??= (async () => {
        await Promise.all(
          servers.map(
            (server) =>
              new Promise<void>((resolve) => {
                server.close(() => resolve())
                server.closeAllConnections()
              }),
          ),
        )
        await webhooks.close()
        await store.close()
      })()
      return closing
    },
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** A database URL without its password, for logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the DATABASE_URL given'
  }
}
