import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The package tests check the built files, so build them once, fresh, before they run.
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  // From nothing, like `npm run build`: chunks of an earlier build (other hashes) would linger.
  rmSync(`${root}dist`, { recursive: true, force: true })
  execFileSync(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`, '--silent'], {
    cwd: root,
    stdio: 'inherit',
  })
}
