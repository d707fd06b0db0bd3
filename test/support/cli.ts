// The `integration-webhooks` command as a process, from the sources: src/cli/bin.ts bundled by
// esbuild (the server and core it imports by name included), run with `node`. What a user runs
// with `npx integration-webhooks`, minus the tsup build (test/package checks that one).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..')
let bundled: Promise<string> | undefined

/** The command bundled into one ESM file (built once per test file). */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    await mkdir(path.join(root, '.tmp'), { recursive: true })
    const outfile = path.join(await mkdtemp(path.join(root, '.tmp', 'cli-')), 'integration-webhooks.mjs')
    await build({
      entryPoints: [path.join(root, 'src/cli/bin.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['pg', '@electric-sql/pglite'],
      alias: {
        'integration-webhooks/core': path.join(root, 'src/core/index.ts'),
        'integration-webhooks/server': path.join(root, 'src/server/index.ts'),
      },
      logLevel: 'silent',
    })
    return outfile
  })()
  return bundled
}

/** Runs `integration-webhooks …args`: its exit code and output. */
export async function runCommand(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const bundle = await cliBundle()
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bundle, ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}
