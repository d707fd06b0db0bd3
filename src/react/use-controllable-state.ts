import { useCallback, useRef, useState } from 'react'

/** Props of a piece of state a host may own (`value` + `onChange`) or leave to us (`defaultValue`). */
export interface ControllableStateProps<T> {
  /** The value when the host owns the state; `undefined` leaves it to the hook. */
  value?: T
  /** The first value when the hook owns the state. */
  defaultValue: T
  /** Called with every change, in both modes. */
  onChange?: (value: T) => void
}

/**
 * State that is controlled when `value` is given and uncontrolled otherwise (Radix's
 * `useControllableState`). `onChange` is called in both modes; the setter is stable.
 * `null` is a controlled value ("none"); only `undefined` means uncontrolled.
 *
 * @example
 * ```tsx
 * function Tabs({ value, defaultValue = 'a', onChange }: { value?: string; defaultValue?: string; onChange?: (v: string) => void }) {
 *   const [tab, setTab] = useControllableState({ value, defaultValue, onChange })
 *   return <button onClick={() => setTab('b')}>{tab}</button>
 * }
 * ```
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
}: ControllableStateProps<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const [internal, setInternal] = useState(defaultValue)
  const isControlled = value !== undefined
  const current = isControlled ? value : internal
  const latest = useRef({ current, isControlled, onChange })
  latest.current = { current, isControlled, onChange }

  const setValue = useCallback((next: T | ((previous: T) => T)) => {
    const { current: previous, isControlled: controlled, onChange: notify } = latest.current
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next
    if (Object.is(resolved, previous)) return
    // Keep the ref current so two updates in one event see each other.
    latest.current = { ...latest.current, current: resolved }
    if (!controlled) setInternal(resolved)
    notify?.(resolved)
  }, [])

  return [current, setValue]
}
