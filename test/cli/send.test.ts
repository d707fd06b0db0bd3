import { defaultCatalog } from 'integration-webhooks/core'
import { schemeFor } from 'integration-webhooks/server'
import { describe, expect, it } from 'vitest'
import {
  type CliCommand,
  describeRequest,
  helpText,
  parseCommandLine,
  runCli,
  SECRET_ENV,
  type SendCommand,
  signEvent,
  UsageError,
} from '../../src/cli/send'

// `integration-webhooks send`: the arguments into a signed request, without a network.
// test/server/send-cli.test.ts sends through the real receiver.

const URL_ = 'http://localhost:3000/api/integration-webhooks/receive/tok'
const githubSecret = 'a-github-secret-0123456789'

function send(argv: string[], env = {}): SendCommand {
  const command = parseCommandLine(argv, env)
  if (command.kind !== 'send') throw new Error(`expected a send command, got ${command.kind}`)
  return command
}

/** What a bad command line says: the UsageError's one line. */
function refusal(argv: string[], env = {}): string {
  try {
    parseCommandLine(argv, env)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`accepted: ${argv.join(' ')}`)
}

describe('parseCommandLine', () => {
  it('reads a send: provider, main event by default, URL, secret', () => {
    const command = send(['send', 'github', '--url', URL_, '--secret', githubSecret])
    expect(command).toMatchObject({ kind: 'send', eventName: 'push', secret: githubSecret, dryRun: false })
    expect(command.integration.id).toBe('github')
    expect(command.url.href).toBe(URL_)
    expect(command.timeoutMs).toBe(30_000)
    expect(command.deliveryId).toBeNull()
  })

  it('takes short options, another event, a delivery id, a timeout, a dry run, the secret from the environment', () => {
    const command = send(
      ['send', 'stripe', '-u', URL_, '-e', 'invoice.paid', '--delivery-id', 'evt_1', '--timeout', '2.5', '--dry-run'],
      { [SECRET_ENV]: 'whsec_0123456789abcdefABCDEF' },
    )
    expect(command).toMatchObject({
      eventName: 'invoice.paid',
      deliveryId: 'evt_1',
      timeoutMs: 2500,
      dryRun: true,
      secret: 'whsec_0123456789abcdefABCDEF',
    })
  })

  it('needs no secret for a provider that does not sign (Mailchimp)', () => {
    expect(send(['send', 'mailchimp', '--url', URL_]).secret).toBe('')
  })

  it('--list-events lists the provider’s samples, the default first; --help wins over everything', () => {
    const list = parseCommandLine(['send', 'stripe', '--list-events']) as Extract<CliCommand, { kind: 'list-events' }>
    expect(list.events[0]).toBe('payment_intent.succeeded')
    expect(list.events).toContain('invoice.paid')
    expect(parseCommandLine(['send', 'nope', '--help']).kind).toBe('help')
  })

  it('--help explains every option and names the providers it can sign for, and those it cannot', () => {
    const text = helpText()
    for (const option of ['--url', '--secret', '--event', '--delivery-id', '--list-events', '--dry-run', '--timeout']) {
      expect(text).toContain(option)
    }
    expect(text).toContain(SECRET_ENV)
    expect(text).toMatch(/Providers: .*\bgithub\b.*\bstripe\b/)
    expect(text).toMatch(/Not signable here .*\bgmail\b.*\bdiscord\b/)
  })

  it.each([
    [
      ['send', 'githb', '--url', URL_, '--secret', githubSecret],
      'unknown provider "githb": did you mean github or gitlab?',
    ],
    [['send', 'github', '--event', 'fork', '--url', URL_, '--secret', githubSecret], 'unknown event "fork" for GitHub'],
    [
      ['send', 'github', '--url', 'localhost:3000/x', '--secret', githubSecret],
      '--url must be an http or https URL, got "localhost:3000/x"',
    ],
    [['send', 'github', '--url', 'not a url', '--secret', githubSecret], '--url is not a URL: "not a url"'],
    [
      ['send', 'github', '--url', 'ftp://example.com/x', '--secret', githubSecret],
      'http or https URL, got "ftp://example.com/x"',
    ],
    [['send', 'github', '--url', 'http://u:p@example.com/x', '--secret', githubSecret], 'user name or password'],
    [['send', 'github', '--url', URL_, '--secret', 'short'], '--secret is not a GitHub (X-Hub-Signature-256) secret'],
    [['send', 'stripe', '--url', URL_, '--secret', 'sk_live_0123456789abcdef'], 'expected whsec_'],
    [['send', 'github', '--url', URL_], 'missing --secret'],
    [['send', 'github', '--secret', githubSecret], 'missing --url'],
    [['send', 'gmail', '--url', URL_], 'Gmail events cannot be signed here'],
    [['send', 'discord', '--url', URL_], 'Discord events cannot be signed here'],
    [['send', 'github', '--url', URL_, '--secret', githubSecret, '--timeout', 'soon'], '--timeout must be a number'],
    [['send', 'github', '--url', URL_, '--secret', githubSecret, '--delivery-id', 'a b'], '--delivery-id must be'],
    [['send', 'github', '--bogus'], 'unknown option --bogus'],
    [['send', 'github', '--url'], '--url needs a value'],
    [['send', 'github', 'extra', '--url', URL_], 'unexpected argument "extra"'],
    [['trigger', 'github'], 'unknown command "trigger"'],
    [['send'], 'missing provider'],
    [[], 'missing command'],
  ])('refuses %j in one line', (argv, expected) => {
    const message = refusal(argv)
    expect(message).toContain(expected)
    expect(message).not.toContain('\n')
  })
})

describe('signEvent', () => {
  const now = new Date('2026-03-01T12:00:00Z')

  it('signs the sample so the provider’s scheme verifies it — for every provider it can sign', async () => {
    const tried: string[] = []
    for (const integration of defaultCatalog.integrations) {
      const scheme = schemeFor(integration)
      if (!scheme.sign) continue
      const secret = scheme.secret.source === 'url-token' ? '' : scheme.secret.generate()
      const argv = ['send', integration.id, '--url', URL_, ...(secret ? ['--secret', secret] : [])]
      const event = await signEvent(send(argv), { now })
      const verification = await scheme.verify(
        { method: 'POST', url: event.url, headers: event.headers, body: event.body },
        { secrets: secret ? [secret] : [], now, toleranceSeconds: 300, config: {} },
      )
      expect([integration.id, verification]).toEqual([integration.id, { ok: true }])
      if (secret) {
        const other = await scheme.verify(
          { method: 'POST', url: event.url, headers: event.headers, body: event.body },
          { secrets: [scheme.secret.generate()], now, toleranceSeconds: 300, config: {} },
        )
        expect([integration.id, other.ok]).toEqual([integration.id, false])
      }
      tried.push(integration.id)
    }
    expect(tried).toEqual(expect.arrayContaining(['github', 'gitlab', 'stripe', 'slack', 'shopify', 'trello', 'teams']))
  })

  it('sends the delivery id given, or a new one each time; one Content-Type', async () => {
    const given = await signEvent(
      send(['send', 'github', '--url', URL_, '--secret', githubSecret, '--delivery-id', 'd-7']),
    )
    expect(given.headers.get('x-github-delivery')).toBe('d-7')
    expect(given.headers.get('content-type')).toBe('application/json')
    const a = await signEvent(send(['send', 'github', '--url', URL_, '--secret', githubSecret]))
    const b = await signEvent(send(['send', 'github', '--url', URL_, '--secret', githubSecret]))
    expect(a.deliveryId).not.toBe(b.deliveryId)
    expect(describeRequest(a)).toMatch(/^POST http:\/\/localhost:3000\/.*\nx-hub-signature-256: sha256=[0-9a-f]{64}\n/s)
  })
})

describe('runCli', () => {
  function io() {
    const out = { stdout: '', stderr: '' }
    return {
      out,
      io: {
        stdout: (text: string) => {
          out.stdout += text
        },
        stderr: (text: string) => {
          out.stderr += text
        },
      },
    }
  }

  it('bad arguments: exit code 2, one line on stderr, nothing on stdout', async () => {
    const { out, io: streams } = io()
    expect(await runCli(['send', 'nope', '--url', URL_], streams)).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr.trimEnd().split('\n')).toEqual([
      'integration-webhooks: unknown provider "nope": see --help for the list',
    ])
  })

  it('--help and --list-events: exit code 0 on stdout; --dry-run prints the signed request without sending', async () => {
    const help = io()
    expect(await runCli(['--help'], help.io)).toBe(0)
    expect(help.out.stdout).toContain('Usage: integration-webhooks send')
    const list = io()
    expect(await runCli(['send', 'github', '--list-events'], list.io)).toBe(0)
    expect(list.out.stdout.split('\n')[0]).toBe('push (default)')
    const dry = io()
    expect(await runCli(['send', 'github', '--url', URL_, '--secret', githubSecret, '--dry-run'], dry.io)).toBe(0)
    expect(dry.out.stdout).toMatch(/^POST http:\/\/localhost:3000\//)
    expect(dry.out.stdout).toContain('"ref":"refs/heads/main"')
  })

  it('nobody listening: exit code 1 and why, on stderr', async () => {
    const { out, io: streams } = io()
    const code = await runCli(['send', 'github', '--url', 'http://127.0.0.1:9/x', '--secret', githubSecret], streams)
    expect(code).toBe(1)
    expect(out.stderr).toMatch(/^integration-webhooks: could not send to http:\/\/127\.0\.0\.1:9: /)
  })
})
