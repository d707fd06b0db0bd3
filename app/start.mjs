// `npm start`: builds what is missing for the current sources (the page, the server, the
// `integration-webhooks` command), then runs the app in this process.
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { ensureBuilt, ensureCli, root } from './build.mjs'

const started = performance.now()
const build = await ensureBuilt({ log: (line) => console.log(line) })
// APP_NO_CLI: launched by a test or a script (app/launch.mjs), which must not write into dist/
// while the package tests may be building it.
if (!process.env.APP_NO_CLI && (await ensureCli()))
  console.log('Built dist/cli/index.js for npx integration-webhooks (npm run build replaces it).')
if (build.built) console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
process.env.APP_ROOT ??= root
process.env.APP_PAGE_DIR ??= build.page
await import(pathToFileURL(build.server).href)
