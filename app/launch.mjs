// Starts `npm start`'s entry (app/start.mjs) as a child process and waits for its URL: for the
// screenshot script and the tests, which run the app exactly as a person does.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { root } from './build.mjs'

/**
 * @param {{ env?: Record<string, string>, limitMs?: number }} [options] the environment (PORT,
 *   DATA_DIR, DATABASE_URL…) on top of this process's; how long to wait for the URL
 * @returns {Promise<{ url: string, output: () => string, stop: () => Promise<number | null>, child: import('node:child_process').ChildProcess }>}
 */
export async function launchApp({ env = {}, limitMs = 180_000 } = {}) {
  const child = spawn(process.execPath, [path.join(root, 'app/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', APP_NO_CLI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the app printed no URL within ${limitMs} ms:\n${output}`)),
      limitMs,
    )
    const read = (chunk) => {
      output += chunk
      const match = /integration-webhooks is running: (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.setEncoding('utf8').on('data', read)
    child.stderr.setEncoding('utf8').on('data', read)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the app exited (${code}) before printing its URL:\n${output}`))
    })
  })
  return {
    url,
    child,
    output: () => output,
    /** Ctrl+C: the app closes its store and exits. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
      return exited
    },
  }
}
