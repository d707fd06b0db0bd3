import {
  formatNumber,
  integrationCategories,
  type StatsWindow,
  type WebhookApiErrorKind,
  type WebhookStatus,
} from 'integration-webhooks/core'

/**
 * Every user-visible string of the UI, for translation. Functions build sentences
 * with numbers and names; pass plural-aware functions for languages that need them.
 */
export interface WebhookManagerLabels {
  title: string
  description: string
  refresh: string
  refreshing: string
  updated: (relativeTime: string) => string
  /** The live indicator's words for each way data arrives. */
  liveStates: { connecting: string; live: string; reconnecting: string; polling: string }
  /** The live indicator's accessible description ("Live updates: Reconnecting…"). */
  liveUpdates: string
  /** Beside an execution the live stream brought since the history opened. */
  newExecution: string
  /** The polite summary of executions that arrived (at most one every few seconds). */
  newExecutions: (count: number) => string
  summary: {
    total: (count: number) => string
    active: (count: number) => string
    failing: (count: number) => string
    needsSetup: (count: number) => string
  }
  search: string
  searchPlaceholder: string
  category: string
  allCategories: string
  status: string
  allStatuses: string
  needsSetupOnly: string
  results: (shown: number, total: number) => string
  clearFilters: string
  columns: {
    name: string
    webhookUrl: string
    status: string
    triggerTypes: string
    lastTriggered: string
    triggerCount: string
    errorCount: string
    /** The table's success-rate column with its sparkline ("Success (24h)"). */
    successRate: string
  }
  /** Read out after a column header's name, e.g. "Integration, sorted ascending". */
  sortedAscending: string
  sortedDescending: string
  sortHint: string
  statuses: Record<WebhookStatus, string>
  setupRequired: string
  /** In place of "Setup required" when the signing secret the events need is not set (all are refused). */
  secretMissingBadge: string
  categories: Record<string, string>
  never: string
  moreTriggers: (count: number) => string
  openDetails: (name: string) => string
  copy: string
  copyValue: (what: string) => string
  copied: string
  copyFailed: string
  tableCaption: string
  // details dialog
  close: string
  webhookUrl: string
  webhookUrlHint: string
  setup: string
  openDocs: (name: string) => string
  /** A documentation link that is not the catalog's: named by its host, never by the provider. */
  docsAt: (host: string) => string
  opensInNewTab: string
  /** One part of the dialog could not be shown (the rest still is). */
  sectionFailed: string
  /** Reveals the rest of a long list (setup steps, trigger types, capabilities). */
  showAll: (count: number) => string
  showFewer: string
  triggerTypes: string
  capabilities: string
  configuration: string
  noConfiguration: string
  reveal: (key: string) => string
  hide: (key: string) => string
  /** The signing secret's Reveal/Hide button (its own sentence, not `reveal(signingSecret)`: a title's capital stays out). */
  revealSecret: string
  hideSecret: string
  metrics: string
  /** The enable switch's visible label when it is on; it starts the switch's name. */
  enabled: string
  /** The enable switch's visible label when it is off. */
  disabled: string
  enableWebhook: (name: string) => string
  sendTest: string
  sendingTest: string
  testSent: string
  actionFailed: (reason: string) => string
  generatedRow: string
  /** The button that saves a suggested webhook ("Set up"). */
  setUp: string
  setUpWebhook: (name: string) => string
  settingUp: string
  /** Beside "Set up": what saving does. */
  setUpHint: string
  /** Announced once a suggested webhook is saved. */
  setUpDone: (name: string) => string
  setUpFailed: (reason: string) => string
  /** The manager's control to set up one more integration once one is saved. */
  addIntegration: string
  /** Its first option, with how many integrations it offers. */
  chooseIntegration: (count: number) => string
  /** The button that starts deleting a saved webhook. */
  deleteWebhook: string
  /** The confirmation's title, naming the webhook. */
  deleteTitle: (name: string) => string
  deleteDescription: string
  deleteConfirm: string
  deleting: string
  deleteFailed: (reason: string) => string
  /** Announced once a webhook is deleted. */
  deleted: (name: string) => string
  cancel: string
  /** Beside a `ConfirmDialog` trigger when its modal part could not be downloaded (the next click tries again). */
  confirmUnavailable: string
  // execution history
  executions: string
  executionColumns: {
    time: string
    triggerType: string
    status: string
    responseCode: string
    duration: string
    error: string
  }
  executionStatuses: Record<'success' | 'error' | 'pending', string>
  showExecution: string
  payload: string
  headers: string
  responseBody: string
  /**
   * The name of one part of an expanded execution (payload, headers, response body) with its
   * execution (trigger type, exact time, status), so two expanded rows never share a region name.
   */
  executionPart: (part: string, execution: string) => string
  none: string
  retry: string
  retrying: string
  loadMore: string
  loadingMore: string
  noExecutions: string
  loadingExecutions: string
  executionsFailed: string
  // states
  loading: string
  empty: string
  emptyDescription: string
  noMatches: string
  generatedNotice: string
  generatedTitle: string
  errorTitle: string
  /** A sentence for each kind of failure; the technical message is shown beside it. */
  errorReasons: Record<WebhookApiErrorKind | 'unknown', string>
  tryAgain: string
  unauthorizedTitle: string
  unauthorizedDescription: string
  signIn: string
  stale: (relativeTime: string) => string
  invalidRows: (count: number) => string
  showInvalid: string
  hideInvalid: string
  invalidRow: (index: number, id: string | undefined) => string
  // signing secret (details dialog of a saved webhook)
  signingSecret: string
  /** Which scheme proves the events, e.g. "Verified with GitHub (X-Hub-Signature-256)." */
  signedWith: (scheme: string) => string
  /** A generated secret: where it goes on the provider's side. */
  secretGoesTo: (provider: string) => string
  /** A provider-issued secret: where to find it on the provider's side. */
  secretComesFrom: (provider: string) => string
  /** No secret yet: events are refused until it is pasted. */
  secretMissing: (provider: string) => string
  /** The provider sends the secret during its handshake. */
  secretByHandshake: (provider: string) => string
  /** No secret here: the host's verifier checks each event with the provider. */
  hostVerified: (provider: string) => string
  /** No signature exists: the unguessable URL is the proof. */
  urlTokenOnly: (provider: string) => string
  /** What stands for a hidden secret. */
  secretHidden: string
  revealingSecret: string
  /** The field for a provider-issued secret. */
  pasteSecret: (provider: string) => string
  /** Its expected form, from the scheme (`form_hint`). */
  secretForm: (hint: string) => string
  saveSecret: string
  savingSecret: string
  secretSaved: string
  secretFailed: (reason: string) => string
  rotateSecret: string
  rotateTitle: string
  rotateDescription: (provider: string) => string
  /** The question over the grace choices. */
  rotateGrace: string
  graceNow: string
  graceHour: string
  graceDay: string
  rotateConfirm: string
  rotating: string
  /** Announced after a rotation. */
  secretRotated: string
  /** While a rotated-out secret still verifies. */
  previousValidUntil: (time: string) => string
  // execution history: deliveries
  deliveryId: string
  /** Under a retry's trigger type: the execution it retries, by its exact time. */
  retryOf: (time: string) => string
  /** A retry whose original is not on the page (an older page, or deleted). */
  retryOfEarlier: string
  /** The details' label of the original execution's id. */
  originalExecution: string
  attempts: (count: number) => string
  /** The heading of an execution's attempts (the count, and the list of each one). */
  attemptsTitle: string
  /** One attempt in that list: "Attempt 2". */
  attemptNumber: (attempt: number) => string
  /** When a failed attempt is tried again. */
  nextAttemptAt: (time: string) => string
  payloadTruncated: string
  // statistics (the dialog's Activity section, the table's success column)
  /** The window switcher's name. */
  statsWindow: string
  /** Each window's button. */
  statsWindows: Record<StatsWindow, string>
  /** Each window as a time span in a sentence ("in the last 24 hours"). */
  statsPeriods: Record<StatsWindow, string>
  successRate: string
  /** The median execution time. */
  medianTime: string
  /** The 95th percentile of execution time. */
  p95Time: string
  /**
   * The window's count of executions, named for the window ("Executions (24 hours)") so it is
   * not taken for the all-time count beside it (`columns.triggerCount`).
   */
  statsExecutions: (window: StatsWindow) => string
  statsFailed: string
  statsLoading: string
  statsError: string
  /** The summary under the chart: counts, rate and the busiest failure bucket when any failed. */
  statsSummary: (period: string, total: number, rate: string, failed: number, pending: number) => string
  /** Nothing finished in the window. */
  statsNoData: (period: string) => string
  /** Every finished execution in the window failed. */
  statsAllFailing: (period: string, failed: number) => string
  /** Names the bucket with the most failures. */
  statsWorst: (when: string, failed: number) => string
  /** The chart's scale: what its full height stands for. */
  statsScale: (max: number, window: StatsWindow) => string
  /** The hidden table's caption. */
  statsTableCaption: (period: string) => string
  /** The hidden table's first column: "Hour" or "Day". */
  statsBucket: (window: StatsWindow) => string
  statsSucceeded: string
  /** The table's success-rate cell without statistics (nothing finished in the last 24 hours), read out for its "—". */
  noStats: string
  /** The table's success-rate cell, read out after the rate: its counts over the last 24 hours. */
  successRateCounts: (succeeded: number, failed: number) => string
}

function englishLabels(locale: string | undefined): WebhookManagerLabels {
  // Anything but a number (a translation tool's placeholder) is written as it is.
  const count = (n: number) => (typeof n === 'number' ? formatNumber(n, locale) : String(n))
  const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`
  const statsWindows = { '24h': '24 hours', '7d': '7 days', '30d': '30 days' }
  return {
    title: 'Integration webhooks',
    description: 'Where each provider sends its events, and what happened to them.',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    updated: (time) => `Updated ${time}`,
    liveStates: { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', polling: 'Polling' },
    liveUpdates: 'Live updates',
    newExecution: 'New',
    newExecutions: (n) => plural(n, 'new execution', 'new executions'),
    summary: {
      total: (n) => plural(n, 'webhook', 'webhooks'),
      active: (n) => `${count(n)} active`,
      failing: (n) => `${count(n)} failing`,
      needsSetup: (n) => `${count(n)} need setup`,
    },
    search: 'Search webhooks',
    searchPlaceholder: 'Search by name, provider, trigger or URL',
    category: 'Category',
    allCategories: 'All categories',
    status: 'Status',
    allStatuses: 'All statuses',
    needsSetupOnly: 'Needs setup only',
    results: (shown, total) => `${count(shown)} of ${plural(total, 'webhook', 'webhooks')}`,
    clearFilters: 'Clear filters',
    columns: {
      name: 'Integration',
      webhookUrl: 'Webhook URL',
      status: 'Status',
      triggerTypes: 'Triggers',
      lastTriggered: 'Last triggered',
      triggerCount: 'Executions',
      errorCount: 'Errors',
      successRate: 'Success (24h)',
    },
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',
    sortHint: 'Shift-click a column to sort by several.',
    statuses: { active: 'Active', inactive: 'Inactive', error: 'Error' },
    setupRequired: 'Setup required',
    secretMissingBadge: 'Secret missing',
    categories: Object.fromEntries(integrationCategories.map((c) => [c.id, c.label])),
    never: 'Never',
    moreTriggers: (n) => `+${count(n)} more`,
    openDetails: (name) => `Details for ${name}`,
    copy: 'Copy',
    copyValue: (what) => `Copy ${what}`,
    copied: 'Copied to the clipboard',
    copyFailed: 'Could not copy. Select the text and copy it by hand.',
    tableCaption: 'Webhook configuration of each integration',
    close: 'Close',
    webhookUrl: 'Webhook URL',
    webhookUrlHint:
      'Paste this address into the provider’s webhook settings: it is where the provider sends its events.',
    setup: 'Setup',
    openDocs: (name) => `${name} webhook documentation`,
    docsAt: (host) => `Documentation at ${host}`,
    opensInNewTab: '(opens in a new tab)',
    sectionFailed: 'This part could not be shown.',
    showAll: (n) => `Show all (${count(n)})`,
    showFewer: 'Show fewer',
    triggerTypes: 'Trigger types',
    capabilities: 'Capabilities',
    configuration: 'Configuration',
    noConfiguration: 'Nothing configured yet.',
    reveal: (key) => `Reveal ${key}`,
    hide: (key) => `Hide ${key}`,
    revealSecret: 'Reveal signing secret',
    hideSecret: 'Hide signing secret',
    metrics: 'Activity',
    enabled: 'Enabled',
    disabled: 'Disabled',
    enableWebhook: (name) => `Receive events from ${name}`,
    sendTest: 'Send test event',
    sendingTest: 'Sending…',
    testSent: 'Test event sent.',
    actionFailed: (reason) => `That did not work: ${reason}`,
    generatedRow: 'Suggested configuration: nothing is saved for this integration yet.',
    setUp: 'Set up',
    setUpWebhook: (name) => `Set up ${name}`,
    settingUp: 'Setting up…',
    setUpHint: 'Saves this webhook with a receiving URL of its own, to paste into the provider’s settings.',
    setUpDone: (name) => `${name} is set up. Paste its webhook URL into the provider’s settings.`,
    setUpFailed: (reason) => `Could not set it up: ${reason}`,
    addIntegration: 'Add integration',
    chooseIntegration: (n) => `Choose an integration (${count(n)} available)`,
    deleteWebhook: 'Delete',
    deleteTitle: (name) => `Delete the ${name} webhook?`,
    deleteDescription:
      'Its webhook URL stops receiving events at once, and its execution history is deleted. This cannot be undone.',
    deleteConfirm: 'Delete webhook',
    deleting: 'Deleting…',
    deleteFailed: (reason) => `Could not delete it: ${reason}`,
    deleted: (name) => `The ${name} webhook was deleted.`,
    cancel: 'Cancel',
    confirmUnavailable: 'Could not open the confirmation. Check your connection and try again.',
    executions: 'Execution history',
    executionColumns: {
      time: 'Time',
      triggerType: 'Trigger',
      status: 'Status',
      responseCode: 'Response',
      duration: 'Duration',
      error: 'Error',
    },
    executionStatuses: { success: 'Success', error: 'Failed', pending: 'Pending' },
    showExecution: 'Show details',
    payload: 'Payload',
    headers: 'Headers',
    responseBody: 'Response body',
    executionPart: (part, execution) => `${part}: ${execution}`,
    none: '—',
    retry: 'Retry',
    retrying: 'Retrying…',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    noExecutions: 'No executions yet. Send a test event to see one here.',
    loadingExecutions: 'Loading executions…',
    executionsFailed: 'Could not load the execution history.',
    loading: 'Loading webhooks…',
    empty: 'No integrations yet',
    emptyDescription: 'When integrations are available, their webhooks appear here.',
    noMatches: 'No webhooks match these filters.',
    generatedTitle: 'Suggested configurations',
    generatedNotice:
      'Nothing is saved yet. These are suggested webhook settings for each integration, not saved configuration: set each one up with the provider to start receiving events.',
    errorTitle: 'Could not load webhooks',
    errorReasons: {
      unauthorized: 'You are not signed in, or your session has ended.',
      forbidden: 'Your account is not allowed to see these webhooks.',
      'not-found': 'The webhook service was not found at this address.',
      conflict: 'The webhook changed meanwhile. Refresh and try again.',
      'rate-limited': 'Too many requests. Wait a moment and try again.',
      'bad-request': 'The server did not accept the request.',
      server: 'The server had a problem.',
      network: 'The server could not be reached. Check your connection.',
      timeout: 'The server took too long to answer.',
      aborted: 'The request was cancelled.',
      'invalid-response': 'The server sent something that is not a webhook list.',
      credentials: 'Your session could not be read, so nothing was requested. Sign in again or reload the page.',
      unknown: 'Something went wrong.',
    },
    tryAgain: 'Try again',
    unauthorizedTitle: 'Sign in to see your webhooks',
    unauthorizedDescription: 'Your session has ended or you are not signed in.',
    signIn: 'Sign in',
    stale: (time) => `Could not refresh. Showing webhooks from ${time}.`,
    invalidRows: (n) => `${plural(n, 'webhook', 'webhooks')} could not be shown because the server sent invalid data.`,
    showInvalid: 'Show why',
    hideInvalid: 'Hide details',
    invalidRow: (index, id) => (id ? `Row ${index + 1} (${id})` : `Row ${index + 1}`),
    signingSecret: 'Signing secret',
    signedWith: (scheme) => `Events are verified with ${scheme}.`,
    secretGoesTo: (provider) => `Paste this secret into the "Secret" field of the webhook in ${provider}'s settings.`,
    secretComesFrom: (provider) => `Copy it from the webhook's settings in ${provider}.`,
    secretMissing: (provider) => `Events are refused until you paste the signing secret from ${provider}.`,
    secretByHandshake: (provider) => `${provider} sends this secret when it verifies the URL; it is stored then.`,
    hostVerified: (provider) =>
      `There is no secret to keep here: your server's verifier checks each event with ${provider}.`,
    urlTokenOnly: (provider) =>
      `${provider} does not sign its events: the unguessable webhook URL is the proof. Keep it private.`,
    secretHidden: 'Hidden',
    revealingSecret: 'Loading the secret…',
    pasteSecret: (provider) => `Signing secret from ${provider}`,
    secretForm: (hint) => `Expected form: ${hint}.`,
    saveSecret: 'Save secret',
    savingSecret: 'Saving…',
    secretSaved: 'Signing secret saved.',
    secretFailed: (reason) => `Could not do it: ${reason}`,
    rotateSecret: 'Rotate secret',
    rotateTitle: 'Rotate the signing secret?',
    rotateDescription: (provider) =>
      `A new secret is made now. Paste it into ${provider} before the old one stops working.`,
    rotateGrace: 'The old secret stops working',
    graceNow: 'Immediately',
    graceHour: 'After 1 hour',
    graceDay: 'After 24 hours',
    rotateConfirm: 'Rotate',
    rotating: 'Rotating…',
    secretRotated: 'New signing secret made. Copy it to the provider.',
    previousValidUntil: (time) => `The previous secret still works until ${time}.`,
    deliveryId: 'Delivery id',
    retryOf: (time) => `Retry of ${time}`,
    retryOfEarlier: 'Retry of an earlier execution',
    originalExecution: 'Original execution',
    attempts: (n) => plural(n, 'attempt', 'attempts'),
    attemptsTitle: 'Attempts',
    attemptNumber: (n) => `Attempt ${count(n)}`,
    nextAttemptAt: (time) => `Tried again at ${time}`,
    payloadTruncated: 'The payload was too large and is stored cut short.',
    statsWindow: 'Time window',
    statsWindows,
    statsPeriods: { '24h': 'in the last 24 hours', '7d': 'in the last 7 days', '30d': 'in the last 30 days' },
    successRate: 'Success rate',
    medianTime: 'Median time',
    p95Time: '95th percentile',
    statsExecutions: (window) => `Executions (${statsWindows[window]})`,
    statsFailed: 'Failed',
    statsLoading: 'Loading statistics…',
    statsError: 'Could not load the statistics.',
    statsSummary: (period, total, rate, failed, pending) =>
      `${plural(total, 'execution', 'executions')} ${period}: ${rate} succeeded, ${count(failed)} failed` +
      (pending ? `, ${count(pending)} pending.` : '.'),
    statsNoData: (period) => `No executions ${period} yet.`,
    statsAllFailing: (period, failed) =>
      failed === 1 ? `The only execution ${period} failed.` : `All ${count(failed)} executions ${period} failed.`,
    statsWorst: (when, failed) => `Most failures at ${when} (${count(failed)}).`,
    statsScale: (max, window) => `${count(max)} per ${window === '24h' ? 'hour' : 'day'}`,
    statsTableCaption: (period) => `Executions ${period}, by outcome`,
    statsBucket: (window) => (window === '24h' ? 'Hour' : 'Day'),
    statsSucceeded: 'Succeeded',
    noStats: 'No executions in the last 24 hours',
    successRateCounts: (succeeded, failed) =>
      `${count(succeeded)} successful, ${count(failed)} failed in the last 24 hours`,
  }
}

/**
 * The English labels. Spread and override what you translate.
 *
 * @example
 * ```tsx
 * <IntegrationWebhookManager labels={{ title: 'Webhooks', refresh: 'Reload' }} />
 * ```
 */
export const defaultLabels: WebhookManagerLabels = englishLabels(undefined)

const byLocale = new Map<string, WebhookManagerLabels>()

/**
 * The English labels with their numbers written for `locale` (the manager's `locale` prop), so
 * the header's counts use the same digits as the table's. Cached per locale.
 *
 * @example
 * ```ts
 * localizedDefaultLabels('ar-EG').summary.active(19) // '١٩ active'
 * ```
 */
export function localizedDefaultLabels(locale: string | undefined): WebhookManagerLabels {
  if (locale === undefined) return defaultLabels
  let labels = byLocale.get(locale)
  if (!labels) {
    labels = englishLabels(locale)
    byLocale.set(locale, labels)
  }
  return labels
}

/** Labels with some overridden: nested groups merge one level deep. */
export type PartialLabels = Partial<
  Omit<
    WebhookManagerLabels,
    | 'summary'
    | 'columns'
    | 'statuses'
    | 'executionColumns'
    | 'executionStatuses'
    | 'categories'
    | 'errorReasons'
    | 'statsWindows'
    | 'statsPeriods'
  >
> & {
  errorReasons?: Partial<WebhookManagerLabels['errorReasons']>
  summary?: Partial<WebhookManagerLabels['summary']>
  columns?: Partial<WebhookManagerLabels['columns']>
  statuses?: Partial<WebhookManagerLabels['statuses']>
  executionColumns?: Partial<WebhookManagerLabels['executionColumns']>
  executionStatuses?: Partial<WebhookManagerLabels['executionStatuses']>
  categories?: Record<string, string>
  statsWindows?: Partial<WebhookManagerLabels['statsWindows']>
  statsPeriods?: Partial<WebhookManagerLabels['statsPeriods']>
}

const groups = [
  'summary',
  'columns',
  'statuses',
  'executionColumns',
  'executionStatuses',
  'categories',
  'errorReasons',
  'statsWindows',
  'statsPeriods',
] as const

/**
 * Merges overrides into a full set of labels (nested groups one level deep).
 *
 * @example
 * ```ts
 * mergeLabels(defaultLabels, { columns: { name: 'App' } }).columns.status // 'Status'
 * ```
 */
export function mergeLabels(base: WebhookManagerLabels, overrides: PartialLabels | undefined): WebhookManagerLabels {
  if (!overrides) return base
  const merged = { ...base, ...overrides } as WebhookManagerLabels
  for (const group of groups) {
    ;(merged as unknown as Record<string, unknown>)[group] = { ...base[group], ...overrides[group] }
  }
  return merged
}

/**
 * A category's label, or its id when the labels have none. Own keys only: a category the API
 * names `constructor` or `toString` is not looked up on `Object.prototype`.
 */
export function categoryLabel(labels: WebhookManagerLabels, id: string): string {
  return (Object.hasOwn(labels.categories, id) ? labels.categories[id] : undefined) ?? id
}
