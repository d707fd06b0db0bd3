#!/usr/bin/env node
// The `integration-webhooks` command (package.json "bin"): glue between the process and
// runCli, which holds the logic (send.ts).
import { runCli } from './send'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
})
