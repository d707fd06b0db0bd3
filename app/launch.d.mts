import type { ChildProcess } from 'node:child_process'

/** `npm start`'s entry as a child process, once it printed its URL. */
export interface LaunchedApp {
  /** `http://localhost:{port}` as the app printed it. */
  url: string
  child: ChildProcess
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** Ctrl+C: resolves with its exit code once it closed its store and exited. */
  stop(): Promise<number | string | null>
}

/** Starts app/start.mjs with `env` (PORT=0 unless given) and waits for its URL. */
export function launchApp(options?: { env?: Record<string, string>; limitMs?: number }): Promise<LaunchedApp>
