// The process `npm start` runs (bundled by app/build.mjs): settings from the environment,
// the app started, what to do next printed, and a clean stop on Ctrl+C.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DataDirLockedError } from 'integration-webhooks/server'
import { startApp } from './server'

const env = process.env
const root = env.APP_ROOT ?? process.cwd()
const dataDir = path.resolve(root, env.DATA_DIR ?? '.data/app')
const pageDir = env.APP_PAGE_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'page')

const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 for any free one), got "${env.PORT}"`)
  process.exit(2)
}

let app: Awaited<ReturnType<typeof startApp>>
try {
  app = await startApp({
    pageDir,
    port,
    host: env.HOST || undefined,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    encryptionKey: env.WEBHOOKS_KEY || undefined,
  })
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EADDRINUSE')
    console.error(`Port ${port} is in use: start on another one with PORT=${port + 1} npm start`)
  else if (error instanceof DataDirLockedError) {
    console.error(
      `${dataDir} is open in another process (${error.pid}): stop that one, or DATA_DIR=.data/other npm start`,
    )
  } else console.error(error)
  process.exit(1)
}

const relative = path.relative(root, dataDir) || '.'
console.log(`
integration-webhooks is running: ${app.url}
  API    ${app.url}/api/integration-webhooks
  data   ${env.DATABASE_URL ? app.storeDescription : `PGlite in ${relative}/ (kept across restarts; delete it to start over)`}

Next:
  1. Open ${app.url} — you are a demo user (a cookie), no account needed.
  2. Open GitHub, press "Set up", then Reveal its signing secret.
  3. Send it a signed event from another terminal; back on the page, it is in the history:
     npx integration-webhooks send github --url <the webhook URL> --secret <the secret>

Storybook with every state on mocked data: npm run storybook. Stop: Ctrl+C.
`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
