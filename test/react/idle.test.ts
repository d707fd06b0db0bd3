import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenIdle } from '../../src/react/idle'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('whenIdle', () => {
  it('runs one step per idle period, again while a step says it ran out of time, and stops when cancelled', () => {
    const idle: ((deadline: { timeRemaining(): number }) => void)[] = []
    vi.stubGlobal('requestIdleCallback', (callback: (typeof idle)[number]) => idle.push(callback))
    vi.stubGlobal('cancelIdleCallback', () => idle.splice(0))
    const log: string[] = []
    let slices = 0
    const cancel = whenIdle([
      () => void log.push('a'),
      () => {
        log.push(`b${++slices}`)
        return slices === 3
      },
      () => void log.push('c'),
      () => void log.push('d'),
    ])
    const period = { timeRemaining: () => 5 }
    for (let i = 0; i < 5; i++) idle.shift()?.(period)
    expect(log).toEqual(['a', 'b1', 'b2', 'b3', 'c'])
    cancel()
    expect(idle).toHaveLength(0)
    expect(log).toEqual(['a', 'b1', 'b2', 'b3', 'c'])
  })

  it('falls back to a timer, with a deadline, where there is no requestIdleCallback', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const remaining: number[] = []
    whenIdle([(deadline) => void remaining.push(deadline.timeRemaining())])
    expect(remaining).toEqual([])
    vi.advanceTimersByTime(200)
    expect(remaining).toHaveLength(1)
    expect(remaining[0]).toBeGreaterThan(0)
  })
})
