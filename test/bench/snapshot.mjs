// Copies the freshly built `dist/` to test/bench/.dist/pkg, with a package.json that names it
// `integration-webhooks`: its entries import each other by package name (self-reference), and
// another build of `dist/` during the run (a test run, say) cannot change what is measured.
import { cpSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pkgDir, readJson, rootDir } from './lib.mjs'

export function snapshotDist(from = path.join(rootDir, 'dist'), to = pkgDir) {
  rmSync(to, { recursive: true, force: true })
  cpSync(from, to, { recursive: true })
  const pkg = readJson(path.join(rootDir, 'package.json'))
  const exports = JSON.parse(JSON.stringify(pkg.exports).replaceAll('./dist/', './'))
  delete exports['./package.json']
  writeFileSync(
    path.join(to, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module', sideEffects: pkg.sideEffects, exports }, null, 2)}\n`,
  )
}
