/** What {@link createThrottle} returns. */
export interface Throttle {
  /** Asks for a run: at once if the last was `intervalMs` ago or more, else once when it is. */
  trigger(): void
  /** Drops a run that is waiting. */
  dispose(): void
}

/**
 * Runs `run` at most once per `intervalMs`, however often it is asked: the first time at once,
 * every ask within the interval after it as one run at its end (never dropped, never repeated).
 * A live stream's burst of events costs one or two refetches this way, not one per event.
 *
 * @example
 * ```ts
 * const throttle = createThrottle(5000, () => void mutate())
 * const stop = live.listen(() => throttle.trigger())
 * ```
 */
export function createThrottle(intervalMs: number, run: () => void): Throttle {
  let last = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  const fire = () => {
    timer = undefined
    last = Date.now()
    run()
  }
  return {
    trigger() {
      if (timer !== undefined) return
      const wait = last + intervalMs - Date.now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    dispose() {
      clearTimeout(timer)
      timer = undefined
    },
  }
}
