/**
 * A module of the components' own that loads with `import()` when first needed (a chunk of its
 * own in an app's bundle), fetched once: `current` is the module once it is here, so a component
 * can render it directly instead of suspending, `load()` the one download, and `preload()` starts
 * it early (the page idle, the pointer or the focus on what opens it) without waiting for it.
 */
export interface OnDemand<Module> {
  /** The module once loaded, else `undefined`. */
  readonly current: Module | undefined
  /** Loads it, once; a failed download (offline, a new deployment) is tried again on the next call. */
  load(): Promise<Module>
  /** Starts `load()` and ignores a failure (the call that needs the module reports it). */
  preload(): void
}

export function onDemand<Module>(importModule: () => Promise<Module>): OnDemand<Module> {
  let current: Module | undefined
  let loading: Promise<Module> | undefined
  const load = (): Promise<Module> =>
    (loading ??= importModule().then(
      (module) => {
        current = module
        return module
      },
      (error: unknown) => {
        loading = undefined
        throw error
      },
    ))
  return {
    get current() {
      return current
    },
    load,
    preload: () => void load().catch(() => undefined),
  }
}

/**
 * Runs `task` once the page is idle (`requestIdleCallback`; a short timer where there is none),
 * so a preload never competes with the first render or with input. Returns a cancel function.
 */
export function whenPageIdle(task: () => void): () => void {
  const scope = globalThis as {
    requestIdleCallback?: (callback: () => void) => number
    cancelIdleCallback?: (handle: number) => void
  }
  if (scope.requestIdleCallback && scope.cancelIdleCallback) {
    const handle = scope.requestIdleCallback(task)
    return () => scope.cancelIdleCallback?.(handle)
  }
  const timer = setTimeout(task, 1500)
  return () => clearTimeout(timer)
}
