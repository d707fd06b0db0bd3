/**
 * The name of a mock scenario: what data the mocked endpoint holds and how it fails.
 * See {@link webhookScenarios} for one line on each.
 */
export type ScenarioName =
  | 'default'
  | 'empty'
  | 'unauthorized'
  | 'server-error'
  | 'flaky'
  | 'slow'
  | 'malformed'
  | 'large'
  | 'hostile'

/**
 * Every scenario with a one-line description, e.g. for a Storybook toolbar or a test table.
 *
 * @example
 * ```ts
 * for (const [name, description] of Object.entries(webhookScenarios)) console.log(name, '—', description)
 * ```
 */
export const webhookScenarios: Readonly<Record<ScenarioName, string>> = {
  default:
    'All 30 catalog integrations: mostly active, several inactive, 3 in error, 2 needing setup, with execution histories.',
  empty: 'Nothing saved: GET answers { webhooks: [] }, so the client shows generated defaults.',
  unauthorized: 'Every request answers 401 { error: "Unauthorized" }.',
  'server-error': 'Every request answers 500 { error: "Database connection failed" }.',
  flaky: 'The default data, but every second request (2nd, 4th, …) answers 503.',
  slow: 'The default data, answered after about 1500 ms (set latencyMs to change it).',
  malformed: 'The default data with invalid rows mixed in, so the client reports them as invalid.',
  large: '5,000 webhooks with 200 executions each, generated lazily and paged.',
  hostile: 'Rows with script tags, javascript: URLs, 500-character, right-to-left and emoji names, and secrets.',
}

/**
 * The scenario names, in the order of {@link webhookScenarios}.
 *
 * @example
 * ```ts
 * it.each(webhookScenarioNames)('renders the %s scenario', async (scenario) => { … })
 * ```
 */
export const webhookScenarioNames: readonly ScenarioName[] = Object.keys(webhookScenarios) as ScenarioName[]

/** Which data set a scenario serves. */
export type DataKind = 'default' | 'empty' | 'malformed' | 'large' | 'hostile'

/** How a scenario behaves at the HTTP level. */
export interface ScenarioBehavior {
  readonly data: DataKind
  /** Answer every request with this status and error. */
  readonly fail?: { readonly status: number; readonly error: string }
  /** Fail every second request with 503. */
  readonly flaky?: boolean
  readonly latencyMs: number
}

const behaviors: Record<ScenarioName, ScenarioBehavior> = {
  default: { data: 'default', latencyMs: 0 },
  empty: { data: 'empty', latencyMs: 0 },
  unauthorized: { data: 'default', fail: { status: 401, error: 'Unauthorized' }, latencyMs: 0 },
  'server-error': { data: 'default', fail: { status: 500, error: 'Database connection failed' }, latencyMs: 0 },
  flaky: { data: 'default', flaky: true, latencyMs: 0 },
  slow: { data: 'default', latencyMs: 1500 },
  malformed: { data: 'malformed', latencyMs: 0 },
  large: { data: 'large', latencyMs: 0 },
  hostile: { data: 'hostile', latencyMs: 0 },
}

export function scenarioBehavior(scenario: ScenarioName): ScenarioBehavior {
  if (!Object.hasOwn(behaviors, scenario)) {
    throw new TypeError(
      `Unknown mock scenario "${String(scenario)}"; expected one of ${webhookScenarioNames.join(', ')}`,
    )
  }
  return behaviors[scenario]
}
