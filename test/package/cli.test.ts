import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

describe('the integration-webhooks command as published (package.json "bin")', () => {
  const bin = join(root, pkg.bin['integration-webhooks'])

  it('is dist/cli/index.js: ESM with a shebang, executable, importing the server and core entries by name', () => {
    expect(pkg.bin).toEqual({ 'integration-webhooks': 'dist/cli/index.js' })
    const code = readFileSync(bin, 'utf8')
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(code).toMatch(/^import .* from ['"]integration-webhooks\/server['"];?$/m)
    expect(code).toMatch(/^import .* from ['"]integration-webhooks\/core['"];?$/m)
    expect(code).not.toMatch(/\brequire\(/)
    expect(statSync(bin).mode & 0o111).not.toBe(0)
  })

  it('runs from dist: --list-events, and a bad argument exits 2 with one line', () => {
    expect(execFileSync(bin, ['send', 'github', '--list-events'], { cwd: root, encoding: 'utf8' })).toMatch(
      /^push \(default\)\nissues\.opened\n/,
    )
    const bad = spawnSync(process.execPath, [bin, 'send', 'nope'], { cwd: root, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe('integration-webhooks: unknown provider "nope": see --help for the list\n')
  })
})
