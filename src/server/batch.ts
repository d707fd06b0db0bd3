/**
 * Group commit: concurrent calls run as one batch. A call made while fewer than `maxInFlight`
 * batches are running starts one at once (alone, if nothing else is waiting: a lone call
 * waits for nothing, there is no timer); calls made while all of them run wait in a queue,
 * and each batch that ends takes the queue's head as its next batch. So batches grow only
 * under load, up to `maxItems` items and `maxBytes` (at least one item each).
 *
 * Two items with the same `key` never share a batch: the later one waits for the next.
 *
 * With `schedule` (e.g. `setImmediate`), a batch that could start at once starts there
 * instead, with every call made until then: for a runner that blocks the thread while it
 * runs (PGlite runs SQL in WebAssembly on it), no call can arrive while a batch runs, so
 * the calls of one turn of the event loop are all there is to gather. A lone call then
 * waits for the end of the turn, not for a timer.
 * @internal
 */
export interface BatcherOptions<Item, Result> {
  /**
   * Runs one batch: one settled result per item, in the items' order. A rejection settles
   * every item of the batch with that error.
   */
  run(items: readonly Item[]): Promise<readonly PromiseSettledResult<Result>[]>
  /** At most this many items per batch. */
  maxItems: number
  /** At most this many batches running at once. */
  maxInFlight: number
  /** At most this many bytes (`sizeOf`) per batch, unless one item alone is larger. */
  maxBytes?: number
  sizeOf?(item: Item): number
  /** Items with the same key never share a batch; null: no key. */
  keyOf?(item: Item): string | null
  /** Where a batch that could start at once starts (see above); none: at once. */
  schedule?(start: () => void): void
}

interface Waiting<Item, Result> {
  item: Item
  resolve(result: Result): void
  reject(error: unknown): void
}

/** A function that queues one item and resolves with its result once its batch has run. @internal */
export type Batcher<Item, Result> = (item: Item) => Promise<Result>

/** @internal */
export function createBatcher<Item, Result>(options: BatcherOptions<Item, Result>): Batcher<Item, Result> {
  const { run, maxItems, maxInFlight, maxBytes = Number.POSITIVE_INFINITY, sizeOf, keyOf, schedule } = options
  if (!(maxItems >= 1) || !(maxInFlight >= 1)) throw new RangeError('a batch holds at least one item, one at a time')
  let queue: Waiting<Item, Result>[] = []
  let inFlight = 0
  let scheduled = false

  /** The next batch from the queue's head; what it skips (a key already in it) stays queued, in order. */
  function take(): Waiting<Item, Result>[] {
    const batch: Waiting<Item, Result>[] = []
    const rest: Waiting<Item, Result>[] = []
    const keys = new Set<string>()
    let bytes = 0
    let index = 0
    for (; index < queue.length && batch.length < maxItems; index++) {
      const waiting = queue[index] as Waiting<Item, Result>
      const key = keyOf?.(waiting.item) ?? null
      if (key !== null && keys.has(key)) {
        rest.push(waiting)
        continue
      }
      const size = sizeOf ? sizeOf(waiting.item) : 0
      if (batch.length > 0 && bytes + size > maxBytes) break
      bytes += size
      if (key !== null) keys.add(key)
      batch.push(waiting)
    }
    queue = index < queue.length ? rest.concat(queue.slice(index)) : rest
    return batch
  }

  function start(): void {
    const batch = take()
    inFlight++
    let settled: Promise<readonly PromiseSettledResult<Result>[]>
    try {
      settled = run(batch.map((waiting) => waiting.item))
    } catch (error) {
      settled = Promise.reject(error)
    }
    settled
      .then(
        (results) => {
          batch.forEach((waiting, i) => {
            const result = results[i]
            if (result?.status === 'fulfilled') waiting.resolve(result.value)
            else waiting.reject(result ? result.reason : new Error('the batch returned no result for this item'))
          })
        },
        (error: unknown) => {
          for (const waiting of batch) waiting.reject(error)
        },
      )
      .finally(() => {
        inFlight--
        if (queue.length > 0 && !scheduled) start()
      })
  }

  function startScheduled(): void {
    scheduled = false
    while (queue.length > 0 && inFlight < maxInFlight) start()
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject })
      if (inFlight >= maxInFlight || scheduled) return
      if (schedule) {
        scheduled = true
        schedule(startScheduled)
      } else start()
    })
}
