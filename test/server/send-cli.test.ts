import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { defaultCatalog } from 'integration-webhooks/core'
import { toNodeListener } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/send'
import { schemeFor } from '../../src/server/schemes/index'
import { runCommand } from '../support/cli'
import { call, countRows, type OpenStore, openStore, testServer } from './support'

// `integration-webhooks send` against the real receiver, over HTTP: for every provider whose
// events it can sign, the event is accepted with the webhook's secret and refused with another.

describe('integration-webhooks send → the real receiver (PGlite)', () => {
  let open: OpenStore
  let webhooks: ReturnType<typeof testServer>
  let server: Server
  let origin: string
  beforeAll(async () => {
    open = await openStore('pglite')
    let listener: ReturnType<typeof toNodeListener> | undefined
    server = createServer((req, res) => listener?.(req, res))
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // Receiving URLs are built on this origin, as the app's are on its own.
    webhooks = testServer(open.store, { publicUrl: origin })
    listener = toNodeListener(webhooks)
  })
  afterAll(async () => {
    server?.close()
    await webhooks?.close()
    await open?.dispose()
  })

  /** A saved webhook of the provider with its secret set, and that secret. */
  async function saved(providerId: string, user: string) {
    const { webhook } = (await call(webhooks, 'POST', '', { user, body: { provider_id: providerId } })).json
    const scheme = schemeFor(defaultCatalog.resolve(providerId))
    if (scheme.secret.source === 'url-token') return { webhook, secret: null }
    if (!webhook.signing.secret_set) {
      const set = await call(webhooks, 'PUT', `/${webhook.id}/secret`, {
        user,
        body: { secret: scheme.secret.generate() },
      })
      expect(set.status, providerId).toBe(200)
    }
    const { secret } = (await call(webhooks, 'GET', `/${webhook.id}/secret`, { user })).json
    return { webhook, secret: secret as string }
  }

  async function send(args: string[]) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, {
      stdout: (text) => {
        stdout += text
      },
      stderr: (text) => {
        stderr += text
      },
    })
    return { code, stdout, stderr }
  }

  it('every provider it can sign: accepted (202, recorded) with its secret, refused (401, nothing written) with another', async () => {
    const user = 'user_cli_all'
    const accepted: string[] = []
    const refused: string[] = []
    for (const integration of defaultCatalog.integrations.filter((entry) => entry.isAvailable)) {
      const scheme = schemeFor(integration)
      if (!scheme.sign) continue
      const { webhook, secret } = await saved(integration.id, user)
      const url = webhook.webhook_url as string
      expect(url.startsWith(`${origin}/api/integration-webhooks/receive/`)).toBe(true)

      const ok = await send(['send', integration.id, '--url', url, ...(secret ? ['--secret', secret] : [])])
      expect([integration.id, ok.code, ok.stderr]).toEqual([integration.id, 0, ''])
      expect(ok.stdout, integration.id).toMatch(/\n202 Accepted\n\{.*"execution_id":"[^"]+"/)
      const page = (await call(webhooks, 'GET', `/executions/${webhook.id}`, { user })).json
      expect(page.executions, integration.id).toHaveLength(1)
      accepted.push(integration.id)

      if (secret === null) continue // Mailchimp signs nothing: the URL's token is the proof.
      const before = await countRows(open.store)
      let wrong = scheme.secret.generate()
      while (wrong === secret) wrong = scheme.secret.generate()
      const bad = await send(['send', integration.id, '--url', url, '--secret', wrong])
      expect([integration.id, bad.code]).toEqual([integration.id, 1])
      expect(bad.stdout, integration.id).toMatch(/\n401 Unauthorized\n\{"error":".*","code":"invalid_signature"/)
      expect(await countRows(open.store), integration.id).toEqual(before)
      refused.push(integration.id)
    }
    expect(accepted).toEqual(
      expect.arrayContaining(['github', 'gitlab', 'stripe', 'slack', 'shopify', 'trello', 'teams', 'mailchimp']),
    )
    expect(refused).toEqual(accepted.filter((id) => id !== 'mailchimp'))
  })

  it('the suggested URL shown before Set up: the 405 printed, exit code 1, and what to use instead', async () => {
    const user = 'user_cli_suggested'
    const before = await countRows(open.store)
    const suggested = await send([
      'send',
      'github',
      '--url',
      `${origin}/api/integration-webhooks/github`,
      '--secret',
      'x'.repeat(32),
    ])
    expect(suggested.code).toBe(1)
    expect(suggested.stdout).toContain('405 Method Not Allowed')
    expect(suggested.stderr).toBe(
      'integration-webhooks: this is not a receiving URL: press Set up in the manager, then use the webhook URL it shows (…/receive/…)\n',
    )
    expect(await countRows(open.store)).toEqual(before)
    // A receiving URL that refuses (a wrong secret) gets no such hint: the 401 says why.
    const { webhook } = await saved('github', user)
    const wrong = await send(['send', 'github', '--url', webhook.webhook_url, '--secret', 'x'.repeat(32)])
    expect(wrong.stdout).toContain('401 Unauthorized')
    expect(wrong.stderr).toBe('')
  })

  describe('as a process (the bin)', () => {
    it('sends with the secret: exit code 0, the status and the body on stdout', async () => {
      const { webhook, secret } = await saved('github', 'user_cli_bin')
      const result = await runCommand(['send', 'github', '--url', webhook.webhook_url, '--secret', secret as string])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/api\/integration-webhooks\/receive\/\S+\n/)
      expect(result.stdout).toMatch(/\n202 Accepted\n\{.*"execution_id":/)
    })

    it('a wrong secret: the 401 printed, exit code 1; the same delivery id twice: 200 duplicate', async () => {
      const { webhook, secret } = await saved('github', 'user_cli_bin2')
      const wrong = await runCommand(['send', 'github', '--url', webhook.webhook_url, '--secret', 'x'.repeat(32)])
      expect(wrong.code).toBe(1)
      expect(wrong.stdout).toContain('401 Unauthorized')
      const args = ['send', 'github', '--url', webhook.webhook_url, '--delivery-id', 'same-1']
      const env = { INTEGRATION_WEBHOOKS_SECRET: secret as string }
      expect((await runCommand(args, env)).code).toBe(0)
      const again = await runCommand(args, env)
      expect(again.code).toBe(0)
      expect(again.stdout).toMatch(/\n200 OK\n.*"duplicate":true/s)
    })

    it.each([
      [['send', 'nope', '--url', 'http://127.0.0.1:1/x'], 'unknown provider "nope"'],
      [
        ['send', 'github', '--event', 'nope', '--url', 'http://127.0.0.1:1/x', '--secret', 'x'.repeat(20)],
        'unknown event "nope"',
      ],
      [['send', 'github', '--url', 'nope', '--secret', 'x'.repeat(20)], '--url is not a URL'],
      [['send', 'stripe', '--url', 'http://127.0.0.1:1/x', '--secret', 'not-a-whsec-secret'], 'expected whsec_'],
      [['send', 'github', '--wat'], 'unknown option --wat'],
    ])('bad arguments %j: exit code 2, one line on stderr', async (args, expected) => {
      const result = await runCommand(args)
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      const lines = result.stderr.trimEnd().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(expected)
    })

    it('--help: every option, exit code 0', async () => {
      const result = await runCommand(['send', '--help'])
      expect(result.code).toBe(0)
      for (const option of [
        '--url',
        '--secret',
        '--event',
        '--list-events',
        '--dry-run',
        '--delivery-id',
        '--timeout',
      ]) {
        expect(result.stdout).toContain(option)
      }
    })
  })
})
