import { describe, expect, it } from 'vitest'
import { createBatcher } from '../../src/server/batch'

/** A batch runner the test ends by hand: each call to `run` waits until the test settles it. */
function manualRunner<Item>() {
  const batches: {
    items: readonly Item[]
    end(results?: PromiseSettledResult<string>[]): void
    fail(e: unknown): void
  }[] = []
  const run = (items: readonly Item[]) =>
    new Promise<readonly PromiseSettledResult<string>[]>((resolve, reject) => {
      batches.push({
        items,
        end: (results) =>
          resolve(results ?? items.map((item) => ({ status: 'fulfilled', value: `done ${String(item)}` }))),
        fail: reject,
      })
    })
  return { batches, run }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

/** Ends each batch as it starts, until no more start. */
async function endAll(batches: { end(): void }[]) {
  for (let ended = 0; ended < batches.length; ended++) {
    batches[ended]?.end()
    await flush()
  }
}

describe('createBatcher (group commit)', () => {
  it('a lone call runs at once, alone; calls made while it runs wait and run together when it ends', async () => {
    const { batches, run } = manualRunner<number>()
    const record = createBatcher({ run, maxItems: 64, maxInFlight: 1 })
    const first = record(1)
    expect(batches.map((b) => b.items)).toEqual([[1]])
    const later = [record(2), record(3), record(4)]
    await flush()
    expect(batches).toHaveLength(1)
    batches[0]?.end()
    expect(await first).toBe('done 1')
    await flush()
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4]])
    batches[1]?.end()
    expect(await Promise.all(later)).toEqual(['done 2', 'done 3', 'done 4'])
  })

  it('runs up to maxInFlight batches at once, then queues', async () => {
    const { batches, run } = manualRunner<number>()
    const record = createBatcher({ run, maxItems: 64, maxInFlight: 2 })
    const calls = [1, 2, 3, 4, 5].map((n) => record(n))
    expect(batches.map((b) => b.items)).toEqual([[1], [2]])
    batches[1]?.end()
    await flush()
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4, 5]])
    batches[0]?.end()
    batches[2]?.end()
    expect(await Promise.all(calls)).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5'])
  })

  it('caps a batch by items and by bytes (one item over the budget still runs, alone)', async () => {
    const { batches, run } = manualRunner<string>()
    const record = createBatcher({ run, maxItems: 3, maxInFlight: 1, maxBytes: 10, sizeOf: (s: string) => s.length })
    const calls = ['a', 'b', 'c', 'd', 'e', 'ffffffffffff', 'gggg', 'hhhhhhh'].map((s) => record(s))
    await endAll(batches)
    await Promise.all(calls)
    expect(batches.map((b) => b.items)).toEqual([
      ['a'],
      ['b', 'c', 'd'],
      ['e'],
      ['ffffffffffff'],
      ['gggg'],
      ['hhhhhhh'],
    ])
  })

  it('never puts two items with one key in a batch: the later one goes to the next, in order', async () => {
    const { batches, run } = manualRunner<{ n: number; key: string | null }>()
    const record = createBatcher({ run, maxItems: 64, maxInFlight: 1, keyOf: (item) => item.key })
    const items = [
      { n: 0, key: null },
      { n: 1, key: 'a' },
      { n: 2, key: 'a' },
      { n: 3, key: 'b' },
      { n: 4, key: null },
      { n: 5, key: 'a' },
      { n: 6, key: null },
    ]
    const calls = items.map((item) => record(item))
    await endAll(batches)
    await Promise.all(calls)
    expect(batches.map((b) => b.items.map((item) => item.n))).toEqual([[0], [1, 3, 4, 6], [2], [5]])
  })

  it('settles each item with its own result; a failed batch fails each of its items, and the queue goes on', async () => {
    const { batches, run } = manualRunner<number>()
    const record = createBatcher({ run, maxItems: 64, maxInFlight: 1 })
    const first = record(1)
    const second = record(2)
    const third = record(3)
    batches[0]?.fail(new Error('connection lost'))
    await expect(first).rejects.toThrow('connection lost')
    await flush()
    batches[1]?.end([
      { status: 'rejected', reason: new Error('bad row') },
      { status: 'fulfilled', value: 'three' },
    ])
    await expect(second).rejects.toThrow('bad row')
    expect(await third).toBe('three')
  })

  it('with schedule: the calls made until the scheduled start are one batch, even with none running', async () => {
    const { batches, run } = manualRunner<number>()
    const starts: (() => void)[] = []
    const record = createBatcher({ run, maxItems: 64, maxInFlight: 1, schedule: (start) => starts.push(start) })
    const calls = [record(1), record(2), record(3)]
    expect(batches).toHaveLength(0)
    expect(starts).toHaveLength(1)
    starts[0]?.()
    expect(batches.map((b) => b.items)).toEqual([[1, 2, 3]])
    const later = record(4)
    batches[0]?.end()
    await flush()
    expect(batches.map((b) => b.items)).toEqual([[1, 2, 3], [4]])
    batches[1]?.end()
    expect(await Promise.all([...calls, later])).toEqual(['done 1', 'done 2', 'done 3', 'done 4'])
    expect(starts).toHaveLength(1)
  })

  it('refuses a batch of no items or no batch at a time', () => {
    const run = async () => []
    expect(() => createBatcher({ run, maxItems: 0, maxInFlight: 1 })).toThrow(RangeError)
    expect(() => createBatcher({ run, maxItems: 1, maxInFlight: 0 })).toThrow(RangeError)
  })
})
