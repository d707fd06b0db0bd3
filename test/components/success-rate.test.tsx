// Issue 14: the table's "Success (24h)" column — the rate through the locale, a sparkline hidden
// from screen readers with the counts in words instead, "—" read as "No executions in the last
// 24 hours", sorting by its header button (rows without data last both ways), one statistics
// request for every row, and no column where the endpoint has no statistics or the host hides it.
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultLabels as l, WebhookTable } from '../../src/components'
import type { WebhookStatsFigures } from '../../src/core/schemas'
import { makeStats, makeWebhook } from '../core/fixtures'
import { API, countRequests, setupMswServer } from '../react/utils'
import { deferred, expectNoAxeViolations, renderManager } from './helpers'

const server = setupMswServer()
let count: (key: string) => number
beforeEach(() => {
  server.events.removeAllListeners()
  count = countRequests(server)
})

/** A webhook's figures over 24 hours, from `[success, error]` per hour (oldest first). */
function figures(outcomes: [number, number][]): WebhookStatsFigures {
  const { window: _, ...rest } = makeStats('24h', outcomes)
  return rest
}

const rows = [
  makeWebhook({ id: 'a', name: 'Alpha' }),
  makeWebhook({ id: 'b', name: 'Bravo' }),
  makeWebhook({ id: 'c', name: 'Charlie' }),
  makeWebhook({ id: 'd', name: 'Delta' }),
]
const stats: Record<string, WebhookStatsFigures> = {
  // 3 of 4: 75%; quiet at first, a failure late.
  a: figures([
    [1, 0],
    [0, 0],
    [2, 1],
  ]),
  // Nothing finished.
  b: figures([]),
  // Every one failed.
  c: figures([
    [0, 2],
    [0, 3],
  ]),
  // d: not in the statistics at all (saved after they were computed).
  // 1,204 of 1,250.
  e: figures([[1204, 46]]),
}

const names = () => screen.getAllByRole('button', { name: /^Details for/ }).map((button) => button.textContent)
const rowOf = (name: string) => screen.getByRole('button', { name: `Details for ${name}` }).closest('tr') as HTMLElement

describe('WebhookTable with statistics', () => {
  it('shows each rate with its counts in words, and "—" read as no executions where there are none', async () => {
    const { container } = render(<WebhookTable webhooks={rows} stats={stats} locale="en-US" />)
    expect(screen.getByRole('columnheader', { name: l.columns.successRate })).toBeInTheDocument()
    expect(
      within(rowOf('Alpha')).getByRole('cell', { name: '75% 3 successful, 1 failed in the last 24 hours' }),
    ).toBeInTheDocument()
    expect(
      within(rowOf('Charlie')).getByRole('cell', { name: '0% 0 successful, 5 failed in the last 24 hours' }),
    ).toHaveAttribute('data-health', 'failing')
    for (const name of ['Bravo', 'Delta']) {
      const cell = within(rowOf(name)).getByRole('cell', { name: l.noStats })
      expect(cell).toHaveTextContent('—')
      expect(cell.querySelector('svg')).toBeNull()
    }
    // The sparkline: hidden from screen readers, one bar per hour with executions, failures apart.
    const spark = rowOf('Alpha').querySelector('svg[data-slot="sparkline"]') as SVGElement
    expect(spark).toHaveAttribute('aria-hidden', 'true')
    expect(spark.querySelector('[data-part="success"]')?.getAttribute('d')?.match(/M/g)).toHaveLength(2)
    expect(spark.querySelector('[data-part="error"]')?.getAttribute('d')?.match(/M/g)).toHaveLength(1)
    expect(rowOf('Charlie').querySelector('[data-part="success"]')).toBeNull()
    await expectNoAxeViolations(container)
  })

  it('writes the rate and the counts in the locale', () => {
    render(<WebhookTable webhooks={[makeWebhook({ id: 'e', name: 'Echo' })]} stats={stats} locale="de-DE" />)
    expect(
      within(rowOf('Echo')).getByRole('cell', { name: '96,3\u00a0% 1.204 successful, 46 failed in the last 24 hours' }),
    ).toBeInTheDocument()
  })

  it('sorts by its header button: worst first, then best first, rows without data last both ways', async () => {
    const user = userEvent.setup()
    render(<WebhookTable webhooks={rows} stats={stats} locale="en-US" />)
    const header = screen.getByRole('columnheader', { name: l.columns.successRate })
    await user.click(within(header).getByRole('button', { name: l.columns.successRate }))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    expect(names()).toEqual(['Charlie', 'Alpha', 'Bravo', 'Delta'])
    await user.click(within(header).getByRole('button', { name: l.columns.successRate }))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(names()).toEqual(['Alpha', 'Charlie', 'Bravo', 'Delta'])
  })

  it('has no such column without statistics', () => {
    render(<WebhookTable webhooks={rows} locale="en-US" />)
    expect(screen.getAllByRole('columnheader')).toHaveLength(7)
    expect(screen.queryByRole('columnheader', { name: l.columns.successRate })).toBeNull()
    expect(screen.getByRole('table')).not.toHaveAttribute('data-stats')
  })
})

describe('The manager’s success-rate column', () => {
  const saved = [makeWebhook({ id: 'a', name: 'Alpha' }), makeWebhook({ id: 'c', name: 'Charlie' })]
  const serveStats = () =>
    server.use(
      http.get(API, () => HttpResponse.json({ webhooks: saved, source: 'saved' })),
      http.get(`${API}/stats`, ({ request }) =>
        HttpResponse.json({ window: new URL(request.url).searchParams.get('window'), stats }),
      ),
    )

  it('asks once for every row’s statistics (the 24 hours), and sorts by them', async () => {
    serveStats()
    const user = userEvent.setup()
    renderManager({ locale: 'en-US' })
    const header = await screen.findByRole('columnheader', { name: l.columns.successRate })
    expect(await within(rowOf('Alpha')).findByRole('cell', { name: /^75% / })).toBeInTheDocument()
    expect(count('GET /api/integration-webhooks/stats')).toBe(1)
    expect(count('GET /api/integration-webhooks/a/stats') + count('GET /api/integration-webhooks/c/stats')).toBe(0)
    await user.click(within(header).getByRole('button'))
    expect(names()).toEqual(['Charlie', 'Alpha'])
    await expectNoAxeViolations(screen.getByRole('table'))
  })

  it('asks for the figures once the list is in, so a long list’s figures never hold up its rows', async () => {
    const { promise: listed, resolve: release } = deferred()
    serveStats()
    server.use(
      http.get(API, async () => {
        await listed
        return HttpResponse.json({ webhooks: saved, source: 'saved' })
      }),
    )
    renderManager({ locale: 'en-US' })
    await waitFor(() => expect(count('GET /api/integration-webhooks')).toBe(1))
    // The list is still on its way: nothing has asked for the figures (a later macrotask too).
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(count('GET /api/integration-webhooks/stats')).toBe(0)
    release()
    await screen.findByRole('button', { name: 'Details for Alpha' })
    expect(await within(rowOf('Alpha')).findByRole('cell', { name: /^75% / })).toBeInTheDocument()
    expect(count('GET /api/integration-webhooks/stats')).toBe(1)
  })

  it('is absent, and says no error, where the endpoint has no statistics (405)', async () => {
    server.use(http.get(API, () => HttpResponse.json({ webhooks: saved, source: 'saved' })))
    renderManager({ locale: 'en-US' })
    await screen.findByRole('button', { name: 'Details for Alpha' })
    await waitFor(() => expect(count('GET /api/integration-webhooks/stats')).toBe(1))
    await waitFor(() => expect(screen.getAllByRole('columnheader')).toHaveLength(7))
    expect(screen.queryByRole('columnheader', { name: l.columns.successRate })).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('is hidden by successRate={false}, which asks for nothing', async () => {
    serveStats()
    renderManager({ locale: 'en-US', successRate: false })
    await screen.findByRole('button', { name: 'Details for Alpha' })
    expect(screen.queryByRole('columnheader', { name: l.columns.successRate })).toBeNull()
    expect(count('GET /api/integration-webhooks/stats')).toBe(0)
  })

  it('is absent for suggested (unsaved) rows', async () => {
    server.use(
      http.get(API, () => HttpResponse.json({ webhooks: [] })),
      http.get(`${API}/stats`, () => HttpResponse.json({ window: '24h', stats: {} })),
    )
    renderManager({ locale: 'en-US' })
    await screen.findAllByRole('button', { name: /^Details for / })
    expect(screen.queryByRole('columnheader', { name: l.columns.successRate })).toBeNull()
  })
})
