import type { ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach } from 'vitest'

// Real Chromium: render into the page with react-dom directly. No act(): real browser
// events drive the tests, and `expect.element` / `expect.poll` retry until React has rendered.

let root: Root | undefined
let container: HTMLElement | undefined

/** Renders into a fresh container, unmounted after each test. */
export function render(element: ReactNode): HTMLElement {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  root.render(element)
  return container
}

/** Renders another element in place of the last one (its state kept where the tree matches). */
export function rerender(element: ReactNode): void {
  root?.render(element)
}

afterEach(async ({ task }) => {
  // A failed test (a timeout) may still be running: let its retrying assertions run out on its
  // own DOM before it goes, so none of them acts on the next test's.
  if (task.result?.state === 'fail') await new Promise((resolve) => setTimeout(resolve, 1500))
  root?.unmount()
  container?.remove()
  root = undefined
  container = undefined
})
