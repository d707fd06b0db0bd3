import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import {
  defaultLabels,
  localizedDefaultLabels,
  mergeLabels,
  type PartialLabels,
  type WebhookManagerLabels,
} from './labels'

export interface UiConfig {
  labels: WebhookManagerLabels
  locale: string | undefined
  /** The manager's `live`: the parts inside it follow the stream too. */
  live?: boolean
}

export const UiContext = createContext<UiConfig>({ labels: defaultLabels, locale: undefined })

/** The labels and locale of the nearest manager, with a part's own overrides on top. */
export function useUi(labels?: PartialLabels, locale?: string): UiConfig {
  const parent = useContext(UiContext)
  return useMemo(() => {
    const resolved = locale ?? parent.locale
    // Outside a manager (or in the manager itself) the defaults write their numbers for the locale.
    const base = parent.labels === defaultLabels ? localizedDefaultLabels(resolved) : parent.labels
    return { labels: mergeLabels(base, labels), locale: resolved, live: parent.live }
  }, [parent, labels, locale])
}

/** `useLayoutEffect` in the browser (it runs before the paint); `useEffect` on the server, where it would warn. */
export const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/** The current time, updated every `intervalMs`, for "3 minutes ago" that stays true. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

/** Joins class names, skipping empty ones; the host's `className` comes last so it wins. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ')
  return joined || undefined
}
