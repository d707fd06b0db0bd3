import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..')
let bundled: Promise<string> | undefined

/**
 * The server entry bundled from the sources into one ESM file a child `node` process can
 * import (the databases stay external, loaded from node_modules). Built once per test file.
 */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    await mkdir(path.join(root, '.tmp'), { recursive: true })
    const dir = await mkdtemp(path.join(root, '.tmp', 'server-bundle-'))
    const outfile = path.join(dir, 'server.mjs')
    await build({
      entryPoints: [path.join(root, 'src/server/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['pg', '@electric-sql/pglite'],
      alias: { 'integration-webhooks/core': path.join(root, 'src/core/index.ts') },
      logLevel: 'silent',
    })
    return outfile
  })()
  return bundled
}

/**
 * Starts `node` on a script that can `import server from SERVER` (the bundle). Its stdout
 * lines are collected; `waitFor` resolves when a line matches.
 */
export async function startChild(script: string, env: Record<string, string> = {}) {
  const bundle = await serverBundle()
  const file = path.join(path.dirname(bundle), `child-${Math.random().toString(36).slice(2)}.mjs`)
  await writeFile(file, `import * as server from ${JSON.stringify(bundle)}\n${script}`)
  const child: ChildProcess = spawn(process.execPath, [file], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stderr = ''
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = []
  let buffer = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let at = buffer.indexOf('\n')
    while (at >= 0) {
      const line = buffer.slice(0, at)
      buffer = buffer.slice(at + 1)
      lines.push(line)
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve(line)
        }
      }
      at = buffer.indexOf('\n')
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor(test: (line: string) => boolean): Promise<string> {
      const found = lines.find(test)
      if (found !== undefined) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve })
        exited.then((code) => reject(new Error(`child exited (${code}) before the line came; stderr:\n${stderr}`)))
      })
    },
  }
}
