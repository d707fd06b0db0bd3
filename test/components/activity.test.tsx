// Issue 14: the details dialog's Activity section — success rate, p50/p95, the bar chart, the
// window switcher, the summary and the hidden table — in every state, by role and name, with axe.
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { defaultLabels as l, WebhookDetailsDialog } from '../../src/components'
import type { StatsWindow } from '../../src/core/schemas'
import { makeStats, makeWebhook } from '../core/fixtures'
import { API, Providers, setupMswServer } from '../react/utils'
import { expectNoAxeViolations } from './helpers'

const server = setupMswServer()

function openDialog(stats: (window: StatsWindow) => Response | Promise<Response>) {
  let asked: StatsWindow[] = []
  server.use(
    http.get(`${API}/executions/:id`, () => HttpResponse.json({ executions: [], next_cursor: null })),
    http.get(`${API}/wh_1/stats`, ({ request }) => {
      const window = (new URL(request.url).searchParams.get('window') ?? '24h') as StatsWindow
      asked = [...asked, window]
      return stats(window)
    }),
  )
  render(
    <Providers>
      <WebhookDetailsDialog webhook={makeWebhook({ id: 'wh_1' })} onOpenChange={() => undefined} locale="en-US" />
    </Providers>,
  )
  return { asked: () => asked }
}

async function activity() {
  const dialog = await screen.findByRole('dialog')
  return within(dialog).getByRole('region', { name: l.metrics })
}

// 24 hourly buckets: quiet, then busy, and a failure burst in bucket 20.
const busy: [number, number][] = Array.from({ length: 24 }, (_, i) => [i < 6 ? 1 : 10, i === 20 ? 8 : 0])

describe('Activity section', () => {
  it('shows the success rate, p50/p95, a bar per bucket in proportion, a summary and a hidden table', async () => {
    openDialog((window) => HttpResponse.json(makeStats(window, busy)))
    const section = await activity()
    await within(section).findByText(l.medianTime)
    // 186 succeeded of 194 finished (95.88%): cut at one decimal, never rounded up.
    expect(within(section).getByText(l.successRate).nextSibling?.textContent).toBe('95.8%')
    expect(within(section).getByText(l.medianTime).nextSibling?.textContent).toBe('120 ms')
    expect(within(section).getByText(l.p95Time).nextSibling?.textContent).toBe('840 ms')

    const bars = section.querySelectorAll('[data-slot="stats-bars"] [data-bar]')
    expect(bars).toHaveLength(24)
    const height = (index: number) =>
      Array.from(bars[index]?.querySelectorAll('rect') ?? []).reduce(
        (sum, r) => sum + Number(r.getAttribute('height')),
        0,
      )
    // The busiest bucket (18) fills the scale of 20; a quiet one (1) is a twentieth of it.
    expect(height(20)).toBe(90)
    expect(height(10)).toBe(50)
    expect(height(0)).toBe(5)
    expect(bars[20]?.querySelector('[data-part="error"]')?.getAttribute('height')).toBe('40')
    expect(within(section).getByText('20 per hour')).toBeDefined()

    expect(
      within(section).getByText(
        /^194 executions in the last 24 hours: 95\.8% succeeded, 8 failed\. Most failures at .+ \(8\)\.$/,
      ),
    ).toBeDefined()
    const table = within(section).getByRole('table', { name: 'Executions in the last 24 hours, by outcome' })
    expect(within(table).getAllByRole('row')).toHaveLength(25)
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Hour', 'Succeeded', 'Failed'])
    await expectNoAxeViolations(section)
  })

  it('switches windows with pressed buttons, and shows the new window’s daily buckets', async () => {
    const user = userEvent.setup()
    const { asked } = openDialog((window) => HttpResponse.json(makeStats(window, [[3, 1]])))
    const section = await activity()
    const group = within(section).getByRole('group', { name: l.statsWindow })
    expect(within(group).getByRole('button', { name: '24 hours' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(within(group).getByRole('button', { name: '30 days' }))
    expect(within(group).getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true')
    expect(within(group).getByRole('button', { name: '24 hours' })).toHaveAttribute('aria-pressed', 'false')
    const table = await within(section).findByRole('table', { name: 'Executions in the last 30 days, by outcome' })
    expect(within(table).getAllByRole('row')).toHaveLength(31)
    expect(section.querySelectorAll('[data-bar]')).toHaveLength(30)
    expect(asked()).toEqual(['24h', '30d'])
    await expectNoAxeViolations(section)
  })

  it('names the window’s count by its window, apart from the all-time count above it, and follows a switch', async () => {
    const user = userEvent.setup()
    openDialog((window) => HttpResponse.json(makeStats(window, window === '24h' ? [[3, 1]] : [[30, 2]])))
    const section = await activity()
    await within(section).findByText(l.medianTime)
    // A <dt> has no name of its own (name from author only): found by its role and its words.
    const terms = () => within(section).getAllByRole('term')
    const term = (name: string) => terms().find((t) => t.textContent === name)
    expect(term('Executions (24 hours)')?.nextSibling?.textContent).toBe('4')
    // The webhook's all-time count keeps its own name, once: the window's is not a second "Executions".
    expect(terms().filter((t) => t.textContent === l.columns.triggerCount)).toHaveLength(1)

    await user.click(within(section).getByRole('button', { name: '30 days' }))
    await waitFor(() => expect(term('Executions (30 days)')?.nextSibling?.textContent).toBe('32'))
    expect(term('Executions (24 hours)')).toBeUndefined()
    expect(terms().filter((t) => t.textContent === l.columns.triggerCount)).toHaveLength(1)
    await expectNoAxeViolations(section)
  })

  it('says when nothing happened yet, with an empty chart', async () => {
    openDialog((window) => HttpResponse.json(makeStats(window)))
    const section = await activity()
    await within(section).findByText('No executions in the last 24 hours yet.')
    expect(within(section).getByText(l.successRate).nextSibling?.textContent).toBe(l.none)
    expect(section.querySelectorAll('[data-bar] rect')).toHaveLength(0)
    expect(section.querySelector('[data-slot="activity"]')).toHaveAttribute('data-health', 'none')
    await expectNoAxeViolations(section)
  })

  it('says when every execution failed', async () => {
    openDialog((window) =>
      HttpResponse.json(
        makeStats(window, [
          [0, 4],
          [0, 2],
        ]),
      ),
    )
    const section = await activity()
    await within(section).findByText('All 6 executions in the last 24 hours failed.')
    expect(within(section).getByText(l.successRate).nextSibling?.textContent).toBe('0%')
    expect(section.querySelector('[data-slot="activity"]')).toHaveAttribute('data-health', 'failing')
    expect(section.querySelectorAll('[data-part="success"]')).toHaveLength(0)
    await expectNoAxeViolations(section)
  })

  it('says it is loading while the figures are on their way', async () => {
    openDialog(async (window) => {
      await delay('infinite')
      return HttpResponse.json(makeStats(window))
    })
    const section = await activity()
    expect(await within(section).findByRole('status')).toHaveTextContent(l.statsLoading)
    await expectNoAxeViolations(section)
  })

  it('shows a failure as a message in the section (the rest of the dialog stays), and Try again loads', async () => {
    const user = userEvent.setup()
    let fail = true
    openDialog((window) =>
      fail
        ? HttpResponse.json({ error: 'Database is down' }, { status: 500 })
        : HttpResponse.json(makeStats(window, [[1, 0]])),
    )
    const section = await activity()
    const alert = await within(section).findByRole('alert')
    expect(alert).toHaveTextContent(l.statsError)
    expect(alert).toHaveTextContent('Database is down')
    // The dialog around it is all there.
    expect(screen.getByRole('region', { name: l.webhookUrl })).toBeDefined()
    await expectNoAxeViolations(section)
    fail = false
    await user.click(within(alert).getByRole('button', { name: l.tryAgain }))
    await waitFor(() => expect(within(section).queryByRole('alert')).toBeNull())
    expect(within(section).getByText(l.successRate).nextSibling?.textContent).toBe('100%')
  })

  it('shows no chart and no error where the endpoint has no statistics routes (405)', async () => {
    openDialog(() => HttpResponse.json({ error: 'Method not allowed' }, { status: 405 }))
    const section = await activity()
    await waitFor(() => expect(section.querySelector('[data-slot="stats-loading"]')).toBeNull())
    expect(within(section).queryByRole('alert')).toBeNull()
    expect(within(section).queryByRole('group', { name: l.statsWindow })).toBeNull()
    expect(screen.getByRole('region', { name: l.webhookUrl })).toBeDefined()
  })

  it('has no Activity chart for a generated suggestion (nothing saved to measure)', async () => {
    server.use(http.get(`${API}/:id/stats`, () => HttpResponse.error()))
    render(
      <Providers>
        <WebhookDetailsDialog webhook={makeWebhook({ id: 'gen' })} generated onOpenChange={() => undefined} />
      </Providers>,
    )
    const section = await activity()
    expect(within(section).queryByRole('group', { name: l.statsWindow })).toBeNull()
  })
})
