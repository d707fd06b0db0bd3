/**
 * Counts arrivals and reports them at most once per `intervalMs`: the first at once, the rest
 * summed into one report when the interval is over. For a polite live region that says
 * "3 new executions" every few seconds at most, never once per event.
 */
export interface ThrottledAnnouncer {
  add(count: number): void
  dispose(): void
}

export function createThrottledAnnouncer(intervalMs: number, announce: (count: number) => void): ThrottledAnnouncer {
  let last = Number.NEGATIVE_INFINITY
  let pending = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    timer = undefined
    if (pending === 0) return
    last = Date.now()
    const count = pending
    pending = 0
    announce(count)
  }
  return {
    add(count) {
      pending += count
      if (timer !== undefined || pending === 0) return
      const wait = last + intervalMs - Date.now()
      if (wait <= 0) flush()
      else timer = setTimeout(flush, wait)
    },
    dispose() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
