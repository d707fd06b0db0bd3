import {
  displayText,
  type ExecutionAttempt,
  formatDateTime,
  formatDuration,
  maskSecrets,
  maskSecretText,
  type WebhookExecution,
} from 'integration-webhooks/core'
import { useWebhookActions, useWebhookExecutions } from 'integration-webhooks/react'
import { Fragment, useEffect, useId, useRef, useState } from 'react'
import { createThrottledAnnouncer, type ThrottledAnnouncer } from './announcer'
import { ChevronIcon } from './icons'
import { JsonView } from './json-view'
import type { PartialLabels } from './labels'
import { RelativeTime } from './relative-time'
import { cx, UiContext, useNow, useUi } from './ui-context'

/** Props of {@link ExecutionHistory}. */
export interface ExecutionHistoryProps {
  /** The webhook whose executions to show. */
  webhookId: string
  /** Executions per page. @defaultValue 20 */
  pageSize?: number
  /** Offer "Retry" on failed executions. @defaultValue true */
  allowRetry?: boolean
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
  /** BCP 47 locale for dates and numbers. @defaultValue the manager's, else the browser's */
  locale?: string
  /** Class name of the root element (merged last, so it wins over the default theme). */
  className?: string
  /**
   * Follow the live stream: new executions appear at the top marked "New" (until the user
   * focuses or clicks in the history), status changes update in place, and a polite summary
   * ("3 new executions") is announced at most every 5 seconds.
   * @defaultValue the manager's `live` inside a manager, else false
   */
  live?: boolean
}

/** The shortest time between two polite summaries of new executions. */
const ANNOUNCE_EVERY_MS = 5000

const columnIds = ['time', 'triggerType', 'status', 'responseCode', 'duration', 'error'] as const

/**
 * The execution history of one webhook, newest first: time, trigger type, status
 * (pending shows as pending, not as an error), response code, duration and error.
 * Each row expands to show the payload, headers and response body as text; failed
 * executions can be retried; "Load more" fetches older pages.
 *
 * Styling API: `data-slot="execution-history | execution-row | execution-detail | load-more"`,
 * `data-status="success | error | pending"` on rows and badges, `data-state="open | closed"` on expandable rows,
 * `data-empty` when there are none.
 *
 * @example
 * ```tsx
 * <ExecutionHistory webhookId="github-webhook" pageSize={25} />
 * ```
 */
export function ExecutionHistory({
  webhookId,
  pageSize,
  allowRetry = true,
  labels,
  locale: localeProp,
  className,
  live: liveProp,
}: ExecutionHistoryProps) {
  const ui = useUi(labels, localeProp)
  const { labels: l, locale } = ui
  const now = useNow()
  const history = useWebhookExecutions(webhookId, { pageSize, live: liveProp ?? ui.live ?? false })

  // One polite summary of new executions every few seconds at most, never one per event.
  const [announcement, setAnnouncement] = useState('')
  const latestLabels = useRef(l)
  latestLabels.current = l
  const announcer = useRef<ThrottledAnnouncer | null>(null)
  const counted = useRef(new Set<string>())
  useEffect(() => {
    announcer.current ??= createThrottledAnnouncer(ANNOUNCE_EVERY_MS, (n) =>
      setAnnouncement(latestLabels.current.newExecutions(n)),
    )
    let fresh = 0
    for (const id of history.newIds) {
      if (counted.current.has(id)) continue
      counted.current.add(id)
      fresh++
    }
    if (fresh) announcer.current.add(fresh)
  }, [history.newIds])
  useEffect(
    () => () => {
      announcer.current?.dispose()
      announcer.current = null
    },
    [],
  )
  const { markAllSeen } = history
  const seen = history.newIds.size > 0 ? markAllSeen : undefined
  const { retryExecution, isPending, errorFor } = useWebhookActions()
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const baseId = useId()

  // "Load more" moves the focus to the first execution it brought (the button may be gone: no
  // more pages), if the focus is still on the button by then.
  const section = useRef<HTMLElement>(null)
  const loadMoreButton = useRef<HTMLButtonElement>(null)
  const firstNew = useRef<number | null>(null)
  const loadMore = () => {
    if (history.isLoadingMore) return
    firstNew.current = history.executions.length
    history.loadMore()
  }
  const count = history.executions.length
  const failed = history.error !== undefined
  useEffect(() => {
    const index = firstNew.current
    if (index === null || count <= index) {
      if (failed) firstNew.current = null
      return
    }
    firstNew.current = null
    const active = document.activeElement
    if (active !== loadMoreButton.current && active !== document.body && active !== null) return
    section.current
      ?.querySelectorAll<HTMLElement>('[data-slot="execution-row"] [data-slot="expand-button"]')
      [index]?.focus()
  }, [count, failed])

  // A retry names its original by time, and leads to it when that execution is on the page.
  const byId = new Map(history.executions.map((execution) => [execution.id, execution]))

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const body = () => {
    if (history.isLoading)
      return (
        <p data-slot="history-loading" role="status">
          {l.loadingExecutions}
        </p>
      )
    if (history.error && history.executions.length === 0) {
      return (
        <div data-slot="history-error" role="alert">
          <p>
            {l.executionsFailed} <span data-slot="error-detail">{history.error.message}</span>
          </p>
          <button type="button" data-slot="button" onClick={() => void history.refresh()}>
            {l.tryAgain}
          </button>
        </div>
      )
    }
    if (history.executions.length === 0) return <p data-slot="history-empty">{l.noExecutions}</p>
    return (
      <div data-slot="execution-table-scroll">
        <table data-slot="execution-table">
          <thead>
            <tr>
              <th scope="col">
                <span data-visually-hidden="">{l.showExecution}</span>
              </th>
              {columnIds.map((id) => (
                <th key={id} scope="col" data-column={id}>
                  {l.executionColumns[id]}
                </th>
              ))}
              {allowRetry && (
                <th scope="col">
                  <span data-visually-hidden="">{l.retry}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {history.executions.map((execution) => (
              <ExecutionRow
                key={execution.id}
                execution={execution}
                original={execution.retry_of ? byId.get(execution.retry_of) : undefined}
                idOf={(id) => `${baseId}-${id}`}
                isNew={history.newIds.has(execution.id)}
                detailId={`${baseId}-${execution.id}`}
                isOpen={open.has(execution.id)}
                onToggle={() => toggle(execution.id)}
                now={now}
                locale={locale}
                retry={
                  allowRetry && execution.status === 'error'
                    ? {
                        run: () => void retryExecution(webhookId, execution.id),
                        pending: isPending('retryExecution', execution.id),
                        error: errorFor('retryExecution', execution.id)?.message,
                      }
                    : allowRetry
                      ? null
                      : undefined
                }
              />
            ))}
          </tbody>
        </table>
      </div>
    )
  }

  return (
    <UiContext.Provider value={ui}>
      <section
        ref={section}
        data-iw=""
        data-slot="execution-history"
        data-empty={(!history.isLoading && history.executions.length === 0) || undefined}
        aria-labelledby={`${baseId}-title`}
        aria-busy={history.isLoading || history.isLoadingMore || undefined}
        className={cx(className)}
        // "New" marks stay until the user turns to the history.
        onFocus={seen}
        onPointerDown={seen}
      >
        <p data-slot="live-summary" role="status" data-visually-hidden="">
          {announcement}
        </p>
        <h3 id={`${baseId}-title`} data-slot="section-title">
          {l.executions}
        </h3>
        {body()}
        {history.error && history.executions.length > 0 && (
          <p data-slot="inline-error" role="alert">
            {displayText(l.actionFailed(history.error.message))}
          </p>
        )}
        {history.hasMore && (
          // Busy, not disabled: a disabled button would lose the keyboard focus.
          <button
            ref={loadMoreButton}
            type="button"
            data-slot="load-more"
            onClick={loadMore}
            aria-disabled={history.isLoadingMore || undefined}
            aria-busy={history.isLoadingMore || undefined}
          >
            {history.isLoadingMore ? l.loadingMore : l.loadMore}
          </button>
        )}
      </section>
    </UiContext.Provider>
  )
}

/** At most this many characters of a result in the collapsed row (the details show all of it). */
const SUMMARY_LIMIT = 160

/** A response body as JSON when it is a JSON object or array (a truncated body is not), else null. */
function parseJsonBody(body: string): object | null {
  const text = body.trim()
  if (!(text.startsWith('{') || text.startsWith('['))) return null
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null ? parsed : null
  } catch {
    return null
  }
}

/**
 * What came back, on one line: an object's top-level `key: value` pairs (nested values as
 * `{…}` / `[…]`), any other body as its text with the white space collapsed; secrets masked.
 */
function summarizeBody(body: string, json: object | null): string {
  let text: string
  if (json && !Array.isArray(json)) {
    text = Object.entries(maskSecrets(json) as Record<string, unknown>)
      .map(([key, value]) => {
        const shown =
          value !== null && typeof value === 'object'
            ? Array.isArray(value)
              ? '[…]'
              : '{…}'
            : typeof value === 'string'
              ? value
              : String(value)
        return `${key}: ${shown}`
      })
      .join(', ')
  } else {
    text = json ? JSON.stringify(maskSecrets(json)) : maskSecretText(body)
  }
  text = displayText(text).replace(/\s+/g, ' ').trim()
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT)}…` : text
}

function ExecutionRow({
  execution,
  original,
  idOf,
  isNew,
  detailId,
  isOpen,
  onToggle,
  now,
  locale,
  retry,
}: {
  execution: WebhookExecution
  /** The execution this one retries, when it is on the page. */
  original: WebhookExecution | undefined
  /** The id prefix of an execution's parts (its detail row; its expand button adds `-expand`). */
  idOf: (executionId: string) => string
  isNew: boolean
  detailId: string
  isOpen: boolean
  onToggle: () => void
  now: number
  locale: string | undefined
  /** undefined: no retry column; null: an empty cell; else the retry button. */
  retry: { run: () => void; pending: boolean; error: string | undefined } | null | undefined
}) {
  const { labels: l } = useUi()
  // A delivery error may quote what the receiver answered: credentials, tokens, a DSN.
  const errorMessage = execution.error_message ? displayText(maskSecretText(execution.error_message)) : ''
  const columns = columnIds.length + 1 + (retry === undefined ? 0 : 1)
  const exactTime = formatDateTime(execution.triggered_at, { locale }) || l.none
  // onEvent dispatch has no HTTP status (response_code stays null): what the host's function
  // returned is in response_body. The collapsed row shows the code when there is one, else that
  // result in short; with neither the cell is empty (and the stacked layouts leave it out).
  const body = execution.response_body
  const json = body ? parseJsonBody(body) : null
  const summary = execution.response_code === null && body ? summarizeBody(body, json) : ''
  const originalTime = original ? formatDateTime(original.triggered_at, { locale }) : ''
  // Rows share trigger types: the time and the status tell them apart (the expand button's name,
  // and each expanded part's region name).
  const rowName = `${displayText(execution.trigger_type)}, ${exactTime}, ${l.executionStatuses[execution.status]}`
  return (
    <Fragment>
      <tr
        data-slot="execution-row"
        data-status={execution.status}
        data-state={isOpen ? 'open' : 'closed'}
        data-new={isNew || undefined}
      >
        <td>
          <button
            type="button"
            id={`${detailId}-expand`}
            data-slot="expand-button"
            aria-expanded={isOpen}
            aria-controls={detailId}
            aria-label={`${l.showExecution}: ${rowName}`}
            onClick={onToggle}
          >
            <ChevronIcon />
          </button>
        </td>
        <td data-column="time">
          <RelativeTime value={execution.triggered_at} now={now} locale={locale} fallback={l.none} />
          {/* The exact time under the relative one: a long history reads "2 weeks ago" on every row. */}
          <span data-slot="absolute-time">{exactTime}</span>
          {isNew && <span data-slot="new-badge">{l.newExecution}</span>}
        </td>
        <td data-column="triggerType">
          <code data-slot="trigger-type">{displayText(execution.trigger_type)}</code>
          {execution.retry_of &&
            (original && originalTime ? (
              // To the original's row: its expand button takes the focus (and scrolls into view).
              <button
                type="button"
                data-slot="retry-of"
                title={originalTime}
                onClick={() => document.getElementById(`${idOf(original.id)}-expand`)?.focus()}
              >
                <time dateTime={new Date(original.triggered_at).toISOString()}>
                  {displayText(l.retryOf(originalTime))}
                </time>
              </button>
            ) : (
              <span data-slot="retry-of">{l.retryOfEarlier}</span>
            ))}
        </td>
        <td data-column="status">
          <span data-slot="execution-status" data-status={execution.status}>
            <span data-slot="status-dot" aria-hidden="true" />
            {l.executionStatuses[execution.status]}
          </span>
        </td>
        <td
          data-column="responseCode"
          data-label={l.executionColumns.responseCode}
          data-numeric={execution.response_code !== null ? '' : undefined}
          data-empty={(execution.response_code === null && !summary) || undefined}
        >
          {execution.response_code !== null ? (
            execution.response_code
          ) : summary ? (
            <span data-slot="response-summary" title={summary}>
              {summary}
            </span>
          ) : (
            l.none
          )}
        </td>
        <td data-column="duration" data-label={l.executionColumns.duration} data-numeric="">
          {formatDuration(execution.execution_time_ms, locale) || l.none}
        </td>
        <td data-column="error">
          {errorMessage ? (
            <span data-slot="execution-error" title={errorMessage}>
              {errorMessage}
            </span>
          ) : (
            l.none
          )}
        </td>
        {retry !== undefined && (
          <td data-column="retry">
            {retry && (
              <>
                {/* Busy, not disabled: a disabled button would lose the keyboard focus. */}
                <button
                  type="button"
                  data-slot="button"
                  data-size="small"
                  onClick={() => {
                    if (!retry.pending) retry.run()
                  }}
                  aria-disabled={retry.pending || undefined}
                  aria-busy={retry.pending || undefined}
                  aria-label={`${l.retry}: ${displayText(execution.trigger_type)}, ${exactTime}`}
                >
                  {retry.pending ? l.retrying : l.retry}
                </button>
                {retry.error && (
                  <span data-slot="inline-error" role="alert">
                    {displayText(l.actionFailed(retry.error))}
                  </span>
                )}
              </>
            )}
          </td>
        )}
      </tr>
      <tr data-slot="execution-detail" id={detailId} hidden={!isOpen}>
        <td colSpan={columns}>
          {isOpen && (
            <div data-slot="execution-detail-grid">
              {(execution.provider_event_id || execution.retry_of || execution.attempt !== undefined) && (
                <dl data-slot="delivery-facts">
                  {execution.provider_event_id && (
                    <div>
                      <dt>{l.deliveryId}</dt>
                      <dd>
                        <code dir="ltr">{displayText(execution.provider_event_id)}</code>
                      </dd>
                    </div>
                  )}
                  {execution.retry_of && (
                    <div>
                      <dt>{l.originalExecution}</dt>
                      <dd>
                        <code dir="ltr">{displayText(execution.retry_of)}</code>
                      </dd>
                    </div>
                  )}
                  {execution.attempt !== undefined && (
                    <div data-slot="attempts" data-attempt={execution.attempt}>
                      <dt>{l.attemptsTitle}</dt>
                      <dd>{l.attempts(execution.attempt)}</dd>
                    </div>
                  )}
                </dl>
              )}
              {execution.attempts && execution.attempts.length > 0 && (
                <AttemptList attempts={execution.attempts} titleId={`${detailId}-attempts`} locale={locale} />
              )}
              {execution.payload_truncated && <p data-slot="hint">{l.payloadTruncated}</p>}
              <div>
                <h4 data-slot="detail-title">{l.payload}</h4>
                <JsonView value={execution.payload} label={l.executionPart(l.payload, rowName)} />
              </div>
              <div>
                <h4 data-slot="detail-title">{l.headers}</h4>
                <JsonView value={execution.headers ?? {}} label={l.executionPart(l.headers, rowName)} />
              </div>
              <div>
                <h4 data-slot="detail-title">{l.responseBody}</h4>
                {/* A JSON body pretty-printed like the payload beside it; any other body as text. */}
                <JsonView value={json ?? body ?? l.none} label={l.executionPart(l.responseBody, rowName)} />
              </div>
            </div>
          )}
        </td>
      </tr>
    </Fragment>
  )
}

/** Each dispatch attempt of an execution, oldest first: how it ended, when, how long, and why it failed. */
function AttemptList({
  attempts,
  titleId,
  locale,
}: {
  attempts: readonly ExecutionAttempt[]
  titleId: string
  locale: string | undefined
}) {
  const { labels: l } = useUi()
  return (
    <div data-slot="attempt-history">
      <h4 id={titleId} data-slot="detail-title">
        {l.attemptsTitle}
      </h4>
      <ol data-slot="attempt-list" aria-labelledby={titleId}>
        {attempts.map((attempt) => {
          const ended = formatDateTime(attempt.ended_at, { locale }) || l.none
          // A workflow's error may quote what it called: credentials, tokens, a DSN.
          const error = attempt.error ? displayText(maskSecretText(attempt.error)) : ''
          return (
            <li key={attempt.attempt} data-slot="attempt" data-status={attempt.status}>
              <span data-slot="attempt-number">{l.attemptNumber(attempt.attempt)}</span>
              <span data-slot="execution-status" data-status={attempt.status}>
                <span data-slot="status-dot" aria-hidden="true" />
                {l.executionStatuses[attempt.status]}
              </span>
              <time dateTime={attempt.ended_at}>{ended}</time>
              <span data-slot="attempt-duration">{formatDuration(attempt.duration_ms, locale) || l.none}</span>
              {error && <span data-slot="attempt-error">{error}</span>}
              {attempt.next_attempt_at && (
                <span data-slot="next-attempt">
                  {l.nextAttemptAt(formatDateTime(attempt.next_attempt_at, { locale }) || l.none)}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
