// First setup file of the react18 project (vitest.config.ts). The aliases there reach our
// sources and the dependencies Vite runs (ESM); this reaches the CommonJS ones Node loads
// itself (@testing-library/react), whose require('react-dom/client') would find React 19 at
// the root: every require of react or react-dom resolves in test/react18 instead.
import Module from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const loader = Module as unknown as {
  _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string
  _nodeModulePaths: (from: string) => string[]
}
// A parent module in test/react18: resolving from it finds React 18 first.
const anchor = path.join(here, 'package.json')
const react18Parent = { id: anchor, filename: anchor, paths: loader._nodeModulePaths(here) }
const resolve = loader._resolveFilename
loader._resolveFilename = function (request, parent, ...rest) {
  return resolve.call(this, request, /^react(-dom)?(\/|$)/.test(request) ? react18Parent : parent, ...rest)
}
