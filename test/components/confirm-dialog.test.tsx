// ConfirmDialog: the one confirmation part the details dialog asks with before "Delete" and
// "Rotate secret", and which hosts can use for their own actions.
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmDialog, type ConfirmDialogProps } from '../../src/components'
import { expectNoAxeViolations } from './helpers'

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

/** A promise the test settles when it has seen what happens meanwhile (no timers). */
function deferred() {
  let resolve = () => {}
  const promise = new Promise<void>((yes) => {
    resolve = yes
  })
  return { promise, resolve }
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
