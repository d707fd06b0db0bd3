import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// The package tests check the built files, so build them once, fresh, before they run.
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`, '--silent'], {
    cwd: root,
    stdio: 'inherit',
  })
}
