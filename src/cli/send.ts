// `integration-webhooks send`: the arguments, checked, into a signed request. Pure but for the
// signing (Web Crypto, async) and the clock and ids it is given; the bin (bin.ts) is glue.
// It signs with the server's own code: the catalog's sample events and each provider's
// signature scheme, exactly as the server's test events (src/server/routes/deliveries.ts).

import { parseArgs } from 'node:util'
import { defaultCatalog, type Integration, type IntegrationCatalog } from 'integration-webhooks/core'
import { listSampleEvents, sampleBytes, sampleEvent, schemeFor } from 'integration-webhooks/server'

/** A bad argument: one line for stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The environment variable read when `--secret` is not given (keeps the secret out of shell history). */
export const SECRET_ENV = 'INTEGRATION_WEBHOOKS_SECRET'

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'list-events'; readonly integration: Integration; readonly events: readonly string[] }
  | SendCommand

/** One event to send: everything checked, ready to be signed. */
export interface SendCommand {
  readonly kind: 'send'
  readonly integration: Integration
  /** The provider's event name (`push`, `invoice.paid`). */
  readonly eventName: string
  readonly url: URL
  /** The signing secret ('' for providers that do not sign, like Mailchimp). */
  readonly secret: string
  readonly deliveryId: string | null
  readonly dryRun: boolean
  readonly timeoutMs: number
}

/** The request a {@link SendCommand} makes: what is sent, as it is sent. */
export interface SignedEvent {
  readonly method: 'POST'
  readonly url: URL
  readonly headers: Headers
  readonly body: Uint8Array
  readonly eventName: string
  readonly deliveryId: string
  /** The scheme's name as users see it, e.g. "GitHub (X-Hub-Signature-256)". */
  readonly schemeLabel: string
}

const options = {
  url: { type: 'string', short: 'u' },
  secret: { type: 'string', short: 's' },
  event: { type: 'string', short: 'e' },
  'delivery-id': { type: 'string' },
  'list-events': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Providers whose events this command can sign, and the others with the reason. */
function signable(catalog: IntegrationCatalog): { ids: string[]; not: string[] } {
  const ids: string[] = []
  const not: string[] = []
  for (const integration of catalog.integrations) {
    if (schemeFor(integration).sign) ids.push(integration.id)
    else not.push(integration.id)
  }
  return { ids, not }
}

/** The text of `--help`: every option, the providers, examples. */
export function helpText(catalog: IntegrationCatalog = defaultCatalog): string {
  const { ids, not } = signable(catalog)
  return `Usage: integration-webhooks send <provider> --url <url> --secret <secret> [options]
       integration-webhooks send <provider> --list-events

Sends a realistic sample event of <provider>, signed the way the provider signs it, to <url>:
the webhook URL the manager shows for a saved webhook (…/api/integration-webhooks/receive/…).
The same sample events and signing code as the server's "Send test event". Prints the
response's status and body. Exit code 0 for a 2xx answer, 1 for any other answer or none,
2 for bad arguments.

Options:
  -u, --url <url>          Where to send it: an absolute http(s) URL.
  -s, --secret <secret>    The webhook's signing secret: Reveal it in the manager (a secret we
                           generate, e.g. GitHub's), or the one you pasted from the provider
                           (Stripe's whsec_…). Checked for the provider's form. Default: the
                           ${SECRET_ENV} environment variable. Not needed for
                           providers that do not sign their events (Mailchimp).
  -e, --event <name>       Which event, as the provider names it (see --list-events).
                           Default: the provider's main event.
      --delivery-id <id>   The delivery id to send, where the provider sends one. Default: a
                           new one each time (send one twice to see the duplicate answer).
      --list-events        List <provider>'s sample events, the default first, and exit.
      --dry-run            Print the signed request (method, URL, headers, body) instead of
                           sending it.
      --timeout <seconds>  How long to wait for the answer. Default: 30.
  -h, --help               Show this help.

Providers: ${ids.join(', ')}
Not signable here (their proof comes from the provider itself): ${not.join(', ') || 'none'}

Examples:
  npx integration-webhooks send github --url http://localhost:3000/api/integration-webhooks/receive/… --secret …
  npx integration-webhooks send stripe --event invoice.paid --url https://app.example.com/… --secret whsec_…
  npx integration-webhooks send stripe --list-events
`
}

/** parseArgs' own messages are long and name its internals: say what is wrong in our words. */
function parseFailure(error: unknown): UsageError {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  // "Option '-u, --url <value>' argument missing", "Unknown option '--foo'. To specify…"
  const quoted = /'(-[^']*)'/.exec(message)?.[1] ?? ''
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option ?? ''} (see --help)`)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new UsageError(`${option ?? 'an option'} needs a value (see --help)`)
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument ${message.match(/'([^']*)'/)?.[1] ?? ''} (see --help)`)
  }
  return new UsageError(`${message.split('\n')[0]} (see --help)`)
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw parseFailure(error)
  }
}

/** What the command line asks for, every argument checked. Throws a {@link UsageError} with one line. */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  catalog: IntegrationCatalog = defaultCatalog,
): CliCommand {
  const { values, positionals } = parse(argv)
  if (values.help) return { kind: 'help', text: helpText(catalog) }
  const [command, providerId, ...extra] = positionals
  if (command === undefined)
    throw new UsageError('missing command: integration-webhooks send <provider> … (see --help)')
  if (command !== 'send') throw new UsageError(`unknown command "${command}": the command is send (see --help)`)
  if (providerId === undefined)
    throw new UsageError('missing provider: integration-webhooks send <provider> (see --help)')
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (see --help)`)

  const integration = catalog.get(providerId)
  if (!integration) {
    const close = catalog.integrations.filter((i) => i.id.startsWith(providerId.slice(0, 3).toLowerCase()))
    const hint = close.length > 0 ? `did you mean ${close.map((i) => i.id).join(' or ')}?` : 'see --help for the list'
    throw new UsageError(`unknown provider "${providerId}": ${hint}`)
  }
  const events = listSampleEvents(integration.id)
  if (values['list-events']) return { kind: 'list-events', integration, events }

  const scheme = schemeFor(integration)
  if (!scheme.sign) {
    throw new UsageError(
      `${integration.name} events cannot be signed here: they are proved by ${integration.name} itself (${scheme.label})`,
    )
  }
  const eventName = values.event ?? events[0]
  if (eventName === undefined || !events.includes(eventName)) {
    throw new UsageError(`unknown event "${values.event}" for ${integration.name}: one of ${events.join(', ')}`)
  }
  if (values.url === undefined) throw new UsageError('missing --url: where to send the event (see --help)')
  let url: URL
  try {
    url = new URL(values.url)
  } catch {
    throw new UsageError(`--url is not a URL: "${values.url}" (expected e.g. http://localhost:3000/…)`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `--url must be an http or https URL, got "${values.url}" (expected e.g. http://localhost:3000/…)`,
    )
  }
  if (url.username || url.password) throw new UsageError('--url must not carry a user name or password')

  const needsSecret = scheme.secret.source !== 'url-token'
  const secret = values.secret ?? env[SECRET_ENV] ?? ''
  if (needsSecret) {
    if (secret === '') {
      throw new UsageError(`missing --secret: ${integration.name} events are signed with the webhook's secret`)
    }
    const problem = scheme.secret.validate(secret)
    if (problem) throw new UsageError(`--secret is not a ${scheme.label} secret: ${problem}`)
  }

  let timeoutMs = 30_000
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout)
    if (!/^\d+(\.\d+)?$/.test(values.timeout) || !(seconds > 0) || seconds > 3600) {
      throw new UsageError(`--timeout must be a number of seconds from 0 to 3600, got "${values.timeout}"`)
    }
    timeoutMs = Math.round(seconds * 1000)
  }
  const deliveryId = values['delivery-id'] ?? null
  if (deliveryId !== null && !/^[\x21-\x7e]{1,200}$/.test(deliveryId)) {
    throw new UsageError('--delivery-id must be 1 to 200 printable characters without spaces')
  }
  return {
    kind: 'send',
    integration,
    eventName,
    url,
    secret: needsSecret ? secret : '',
    deliveryId,
    dryRun: values['dry-run'] ?? false,
    timeoutMs,
  }
}

/**
 * The signed request for a {@link SendCommand}: the provider's sample event, signed with the
 * secret by the provider's scheme, to the URL (with the query a scheme signs into it).
 */
export async function signEvent(
  command: SendCommand,
  context: { now?: Date; newId?: () => string } = {},
): Promise<SignedEvent> {
  const now = context.now ?? new Date()
  const scheme = schemeFor(command.integration)
  const sample = sampleEvent(command.integration.id, command.eventName, { now })
  if (!scheme.sign || !sample)
    throw new UsageError(`${command.integration.name} has no signable "${command.eventName}"`)
  const body = sampleBytes(sample)
  const deliveryId = command.deliveryId ?? `cli_${(context.newId ?? (() => crypto.randomUUID()))()}`
  const signed = await scheme.sign({
    body,
    secret: command.secret,
    url: command.url,
    now,
    deliveryId,
    eventName: sample.eventName,
  })
  // The scheme's headers win over the sample's media type (one Content-Type, not two joined).
  const headers = new Headers({ 'content-type': sample.contentType })
  for (const [name, value] of Object.entries(signed.headers)) headers.set(name, value)
  return {
    method: 'POST',
    url: signed.url ?? command.url,
    headers,
    body: signed.body ?? body,
    eventName: sample.eventName,
    deliveryId,
    schemeLabel: scheme.label,
  }
}

/** A signed event as text: the request line, its headers and its body (for `--dry-run`). */
export function describeRequest(event: SignedEvent): string {
  const lines = [`${event.method} ${event.url.href}`]
  event.headers.forEach((value, name) => {
    lines.push(`${name}: ${value}`)
  })
  return `${lines.join('\n')}\n\n${new TextDecoder().decode(event.body)}\n`
}

/** Where the command writes, and how it sends: the process's streams and `fetch`, or a test's. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  fetch?: typeof fetch
  env?: Readonly<Record<string, string | undefined>>
  now?: () => Date
}

/**
 * Runs `integration-webhooks …` and returns its exit code: 0 sent and answered 2xx (or help,
 * a list, a dry run), 1 answered otherwise or not at all, 2 bad arguments (one line on stderr).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand
  try {
    command = parseCommandLine(argv, io.env ?? {})
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr(`integration-webhooks: ${error.message}\n`)
    return 2
  }
  if (command.kind === 'help') {
    io.stdout(command.text)
    return 0
  }
  if (command.kind === 'list-events') {
    io.stdout(`${command.events.map((name, i) => (i === 0 ? `${name} (default)` : name)).join('\n')}\n`)
    return 0
  }
  let event: SignedEvent
  try {
    event = await signEvent(command, { now: io.now?.() })
  } catch (error) {
    io.stderr(`integration-webhooks: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  if (command.dryRun) {
    io.stdout(describeRequest(event))
    return 0
  }
  io.stdout(`POST ${event.url.href}\n${command.integration.name} ${event.eventName}, signed ${event.schemeLabel}\n`)
  let response: Response
  try {
    response = await (io.fetch ?? fetch)(event.url, {
      method: 'POST',
      headers: event.headers,
      body: event.body as BodyInit,
      redirect: 'manual',
      signal: AbortSignal.timeout(command.timeoutMs),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason =
      (error as { name?: string }).name === 'TimeoutError'
        ? `no answer within ${command.timeoutMs / 1000} s`
        : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)))
    io.stderr(`integration-webhooks: could not send to ${event.url.origin}: ${reason}\n`)
    return 1
  }
  const text = await response.text()
  io.stdout(`${response.status} ${response.statusText}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`)
  // The URL a manager shows before Set up ({basePath}/{provider}) is only a suggestion: nothing
  // receives there. Say what to use instead of leaving a bare 404 or 405.
  if ((response.status === 404 || response.status === 405) && !/\/receive\/[^/]+\/?$/.test(event.url.pathname)) {
    io.stderr(
      'integration-webhooks: this is not a receiving URL: press Set up in the manager, then use the webhook URL it shows (…/receive/…)\n',
    )
  }
  return response.ok ? 0 : 1
}
