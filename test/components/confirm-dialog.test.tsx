// ConfirmDialog: the one confirmation part the details dialog asks with before "Delete" and
// "Rotate secret", and which hosts can use for their own actions.
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { type ComponentType, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfirmDialog, type ConfirmDialogProps, defaultLabels } from '../../src/components'
import { type ConfirmDialogContentProps, ConfirmDialogFrame } from '../../src/components/confirm-dialog-frame'
import { onDemand } from '../../src/components/on-demand'
import { deferred, expectNoAxeViolations } from './helpers'

const question = 'Archive the Slack webhook?'
const consequence = 'It stops receiving events until you restore it.'

function renderConfirm(props: Partial<ConfirmDialogProps> = {}) {
  return render(
    <ConfirmDialog
      trigger={<button type="button">Archive</button>}
      title={question}
      description={consequence}
      confirmLabel="Archive webhook"
      pendingLabel="Archiving…"
      onConfirm={() => undefined}
      {...props}
    />,
  )
}

describe('ConfirmDialog', () => {
  it('opens from its trigger as an alertdialog named by the question, described, with the focus on Cancel', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    renderConfirm({ onConfirm })
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    const confirm = await screen.findByRole('alertdialog', { name: question })
    expect(confirm).toHaveAccessibleDescription(consequence)
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(within(confirm).getByRole('button', { name: 'Archive webhook' })).toHaveAttribute('data-variant', 'primary')
    await expectNoAxeViolations(confirm)

    // Enter right after opening is the safe choice.
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Archive' })).toHaveFocus()
  })

  it('Escape cancels and returns the focus to the trigger', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    renderConfirm({ onConfirm })
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    await screen.findByRole('alertdialog')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(onConfirm).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Archive' })).toHaveFocus()
  })

  it('stays open and busy while the action runs (Escape, Cancel and a second confirm wait), then closes', async () => {
    const user = userEvent.setup()
    const action = deferred()
    const onConfirm = vi.fn(() => action.promise)
    renderConfirm({ onConfirm, tone: 'danger' })
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    const confirm = await screen.findByRole('alertdialog', { name: question })
    const button = within(confirm).getByRole('button', { name: 'Archive webhook' })
    expect(button).toHaveAttribute('data-variant', 'danger')
    await user.click(button)

    expect(await within(confirm).findByRole('button', { name: 'Archiving…' })).toHaveAttribute('aria-disabled', 'true')
    expect(confirm).toHaveAttribute('aria-busy', 'true')
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveAttribute('aria-disabled', 'true')
    await expectNoAxeViolations(confirm)
    await user.keyboard('{Escape}')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    await user.click(within(confirm).getByRole('button', { name: 'Archiving…' }))
    expect(screen.getByRole('alertdialog', { name: question })).toBe(confirm)
    expect(onConfirm).toHaveBeenCalledTimes(1)

    action.resolve()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(screen.getByRole('button', { name: 'Archive' })).toHaveFocus()
  })

  it('controlled: asks its owner to close after the action, and keeps pending from outside busy', async () => {
    const user = userEvent.setup()
    const changes: boolean[] = []
    function Host({ pending }: { pending: boolean }) {
      const [open, setOpen] = useState(true)
      return (
        <ConfirmDialog
          trigger={<button type="button">Archive</button>}
          title={question}
          description={consequence}
          confirmLabel="Archive webhook"
          pendingLabel="Archiving…"
          open={open}
          pending={pending}
          onOpenChange={(next) => {
            changes.push(next)
            setOpen(next)
          }}
          onConfirm={() => undefined}
          labels={{ cancel: 'Abbrechen' }}
        />
      )
    }
    const { rerender } = render(<Host pending />)
    const confirm = await screen.findByRole('alertdialog', { name: question })
    expect(within(confirm).getByRole('button', { name: 'Archiving…' })).toHaveAttribute('aria-disabled', 'true')
    await user.keyboard('{Escape}')
    expect(changes).toEqual([])

    rerender(<Host pending={false} />)
    expect(within(confirm).getByRole('button', { name: 'Abbrechen' })).not.toHaveAttribute('aria-disabled')
    await user.click(within(confirm).getByRole('button', { name: 'Archive webhook' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(changes).toEqual([false])
  })
})

/** The Radix part as the public ConfirmDialog loads it, behind a download the test lets through. */
function partBehind(download: () => Promise<void>) {
  const importer = vi.fn(async (): Promise<ComponentType<ConfirmDialogContentProps>> => {
    await download()
    return (await import('../../src/components/confirm-dialog-content')).default
  })
  return { part: onDemand(importer), importer }
}

function renderFrame(part: ReturnType<typeof partBehind>['part'], props: Partial<ConfirmDialogProps> = {}) {
  return render(
    <ConfirmDialogFrame
      part={part}
      trigger={<button type="button">Archive</button>}
      title={question}
      description={consequence}
      confirmLabel="Archive webhook"
      onConfirm={() => undefined}
      {...props}
    />,
  )
}

/** requestIdleCallback held by the test: the page is idle when the test says so. */
function holdIdleCallbacks() {
  const callbacks: (() => void)[] = []
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => callbacks.push(callback))
  vi.stubGlobal('cancelIdleCallback', () => undefined)
  return {
    runIdle: () => {
      for (const callback of callbacks.splice(0)) callback()
    },
  }
}

describe('ConfirmDialog: its modal part (Radix) loads on demand', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('the public trigger says what it opens, and names the confirmation while it is open', async () => {
    const user = userEvent.setup()
    renderConfirm()
    const trigger = screen.getByRole('button', { name: 'Archive' })
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog')
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    expect(trigger).not.toHaveAttribute('aria-controls')
    await user.click(trigger)
    const confirm = await screen.findByRole('alertdialog', { name: question })
    expect(trigger).toHaveAttribute('aria-expanded', 'true')
    expect(trigger).toHaveAttribute('data-state', 'open')
    expect(trigger.getAttribute('aria-controls')).toBe(confirm.id)
  })

  it('a click before the part is here: the trigger is busy, then the confirmation opens with the focus on Cancel', async () => {
    holdIdleCallbacks()
    const user = userEvent.setup()
    const download = deferred()
    const { part } = partBehind(() => download.promise)
    renderFrame(part)
    const trigger = screen.getByRole('button', { name: 'Archive' })
    await user.click(trigger)

    expect(trigger).toHaveAttribute('aria-busy', 'true')
    expect(trigger).toHaveAttribute('data-loading')
    expect(trigger).toHaveFocus()
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await expectNoAxeViolations(document.body)
    // A second click while it loads does not cancel the opening.
    await user.click(trigger)

    download.resolve()
    const confirm = await screen.findByRole('alertdialog', { name: question })
    expect(confirm).toHaveAccessibleDescription(consequence)
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(trigger).not.toHaveAttribute('aria-busy')
    expect(trigger).not.toHaveAttribute('data-loading')

    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(trigger).toHaveFocus()
  })

  it('a failed download is said beside the trigger, and the next click tries again', async () => {
    holdIdleCallbacks()
    const user = userEvent.setup()
    const onOpenChange = vi.fn()
    // Offline: the preload (the pointer reaching the trigger) fails too, silently; the click says so.
    let offline = true
    const { part } = partBehind(async () => {
      if (offline) throw new TypeError('Failed to fetch dynamically imported module')
    })
    renderFrame(part, { onOpenChange })
    const trigger = screen.getByRole('button', { name: 'Archive' })
    await user.click(trigger)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(defaultLabels.confirmUnavailable)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(trigger).not.toHaveAttribute('aria-busy')
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
    await expectNoAxeViolations(document.body)

    offline = false
    await user.click(trigger)
    const confirm = await screen.findByRole('alertdialog', { name: question })
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('is fetched when the page is idle, and when the pointer or the focus reaches the trigger', async () => {
    const { runIdle } = holdIdleCallbacks()
    const user = userEvent.setup()
    const idle = partBehind(() => Promise.resolve())
    const { unmount } = renderFrame(idle.part)
    expect(idle.importer).not.toHaveBeenCalled()
    runIdle()
    expect(idle.importer).toHaveBeenCalledTimes(1)
    // Here before any click: the first click opens at once, with no busy trigger in between.
    await waitFor(() => expect(idle.part.current).toBeDefined())
    await user.click(screen.getByRole('button', { name: 'Archive' }))
    expect(screen.getByRole('alertdialog', { name: question })).toBeInTheDocument()
    unmount()

    const pointer = partBehind(() => Promise.resolve())
    const first = renderFrame(pointer.part)
    await user.hover(screen.getByRole('button', { name: 'Archive' }))
    expect(pointer.importer).toHaveBeenCalledTimes(1)
    first.unmount()

    const focus = partBehind(() => Promise.resolve())
    renderFrame(focus.part)
    await user.tab()
    expect(screen.getByRole('button', { name: 'Archive' })).toHaveFocus()
    expect(focus.importer).toHaveBeenCalledTimes(1)
  })

  it("keeps the host's ref and click handler on the trigger; a host's preventDefault() keeps it closed", async () => {
    const user = userEvent.setup()
    let node: HTMLButtonElement | null = null
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    renderConfirm({
      trigger: (
        <button
          type="button"
          ref={(element) => {
            node = element
          }}
          onClick={onClick}
        >
          Archive
        </button>
      ),
    })
    const trigger = screen.getByRole('button', { name: 'Archive' })
    expect(node).toBe(trigger)
    await user.click(trigger)
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(trigger).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})
