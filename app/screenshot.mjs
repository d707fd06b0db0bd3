// `npm run screenshot`: the README's pictures, taken from the real app — `npm start`'s entry on
// a fresh data directory, a few webhooks set up and sent events through the app's own API, in
// Debian's Chromium. Writes public/screenshot.png (the table) and public/screenshot-dialog.png
// (GitHub's details with its history).
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumArgs, chromiumPath } from '../test/support/chromium.mjs'
import { root } from './build.mjs'
import { launchApp } from './launch.mjs'

const dataDir = await mkdtemp(path.join(tmpdir(), 'iw-screenshot-'))
const app = await launchApp({ env: { DATA_DIR: dataDir, DATABASE_URL: '' } })
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, colorScheme: 'light' })
  const page = await context.newPage()
  await page.goto(app.url)
  const api = `${app.url}/api/integration-webhooks`
  const post = async (url, data) => {
    const response = await context.request.fetch(url, { method: 'POST', data })
    if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`)
    return response.json()
  }
  const put = (url, data) => context.request.fetch(url, { method: 'PUT', data })

  // A few integrations set up, as a user would through the dialog; events sent through each.
  const made = {}
  for (const provider of ['github', 'stripe', 'slack', 'gitlab', 'shopify', 'notion']) {
    made[provider] = (await post(api, { provider_id: provider })).webhook
  }
  await put(`${api}/${made.stripe.id}/secret`, { secret: `whsec_${randomBytes(24).toString('base64url')}` })
  await put(`${api}/${made.slack.id}/secret`, { secret: randomBytes(16).toString('hex') })
  const events = { github: 4, stripe: 3, slack: 2, gitlab: 1 }
  for (const [provider, count] of Object.entries(events)) {
    for (let i = 0; i < count; i++) await post(`${api}/${made[provider].id}/test`, {})
  }
  // Let the app's onEvent handle them (pending → success).
  for (let tries = 0; tries < 120; tries++) {
    const response = await context.request.get(`${api}/executions/${made.github.id}`)
    const { executions } = await response.json()
    if (executions.every((execution) => execution.status === 'success')) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }

  await page.reload()
  await page.getByRole('button', { name: 'Details for GitHub', exact: true }).waitFor({ timeout: 60_000 })
  await page.screenshot({ path: path.join(root, 'public/screenshot.png') })

  await page.getByRole('button', { name: 'Details for GitHub', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'GitHub' })
  const newest = dialog.getByRole('button', { name: /^Show details: github_trigger_push/ }).first()
  await newest.waitFor({ timeout: 60_000 })
  // The history in view, its newest event open: the payload GitHub sent, as received.
  await newest.click()
  await newest.evaluate((element) => element.closest('section')?.scrollIntoView({ block: 'start' }))
  await page.screenshot({ path: path.join(root, 'public/screenshot-dialog.png') })
  console.log('Wrote public/screenshot.png and public/screenshot-dialog.png')
} finally {
  await browser.close()
  await app.stop()
  await rm(dataDir, { recursive: true, force: true })
}
