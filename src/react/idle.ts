type IdleScope = {
  requestIdleCallback?: (callback: () => void) => number
  cancelIdleCallback?: (handle: number) => void
}

/**
 * Runs the steps one after the other, each in a task of its own while the page is idle
 * (`requestIdleCallback`; a short timer where there is none), so none of them delays input.
 * Returns a function that cancels the steps not yet run.
 */
export function whenIdle(steps: readonly (() => void)[]): () => void {
  const scope = globalThis as IdleScope
  let cancelled = false
  let cancelCurrent = () => {}
  const run = (index: number) => {
    const step = steps[index]
    if (cancelled || !step) return
    const next = () => {
      step()
      run(index + 1)
    }
    if (scope.requestIdleCallback && scope.cancelIdleCallback) {
      const handle = scope.requestIdleCallback(next)
      cancelCurrent = () => scope.cancelIdleCallback?.(handle)
    } else {
      const timer = setTimeout(next, 200)
      cancelCurrent = () => clearTimeout(timer)
    }
  }
  run(0)
  return () => {
    cancelled = true
    cancelCurrent()
  }
}
