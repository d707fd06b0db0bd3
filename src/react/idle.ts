type Deadline = { timeRemaining(): number }
type IdleScope = {
  requestIdleCallback?: (callback: (deadline: Deadline) => void) => number
  cancelIdleCallback?: (handle: number) => void
}

/**
 * Runs the steps one after the other, each in a task of its own while the page is idle
 * (`requestIdleCallback`; a short timer where there is none), so none of them delays input.
 * A step that returns `false` ran out of idle time: it runs again in the next idle period.
 * Returns a function that cancels the steps not yet run.
 */
export function whenIdle(steps: readonly ((deadline: Deadline) => boolean | undefined)[]): () => void {
  const scope = globalThis as IdleScope
  let cancelled = false
  let cancelCurrent = () => {}
  const run = (index: number) => {
    const step = steps[index]
    if (cancelled || !step) return
    const next = (deadline: Deadline) => run(step(deadline) === false ? index : index + 1)
    if (scope.requestIdleCallback && scope.cancelIdleCallback) {
      const handle = scope.requestIdleCallback(next)
      cancelCurrent = () => scope.cancelIdleCallback?.(handle)
    } else {
      const timer = setTimeout(() => {
        const start = Date.now()
        next({ timeRemaining: () => Math.max(0, start + 20 - Date.now()) })
      }, 200)
      cancelCurrent = () => clearTimeout(timer)
    }
  }
  run(0)
  return () => {
    cancelled = true
    cancelCurrent()
  }
}
