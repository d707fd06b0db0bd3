import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createThrottle } from '../../src/react/throttle'

describe('createThrottle (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first ask at once, every ask within the interval as one run at its end', () => {
    const run = vi.fn()
    const throttle = createThrottle(5000, run)
    throttle.trigger()
    expect(run).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 50; i++) throttle.trigger()
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(4999)
    expect(run).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(2)
    // Nothing asked since: nothing more.
    vi.advanceTimersByTime(60_000)
    expect(run).toHaveBeenCalledTimes(2)
    // Long after the last run: at once again.
    throttle.trigger()
    expect(run).toHaveBeenCalledTimes(3)
  })

  it('drops the waiting run when disposed', () => {
    const run = vi.fn()
    const throttle = createThrottle(1000, run)
    throttle.trigger()
    throttle.trigger()
    throttle.dispose()
    vi.advanceTimersByTime(5000)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
