import '@testing-library/jest-dom/vitest'
import { cleanup, configure, getConfig } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy… and waitFor give up after 5 s, not 1 s: on a loaded machine the dialog's first open
// (its code is loaded on demand, and transformed on first import here) took longer than 1 s.
// A wait that succeeds sooner ends sooner.
configure({ asyncUtilTimeout: 5000 })

afterEach(async ({ task }) => {
  // A test that failed — a timeout above all — may still be running: vitest cannot stop its
  // promise chain, and its next query on the global `screen` would find the next test's DOM (a
  // click there fails that test too). Its DOM stays until its waits (findBy…, waitFor) have run
  // out on it, then goes: what is left throws on an empty page, never into another test.
  if (task.result?.state === 'fail')
    await new Promise((resolve) => setTimeout(resolve, getConfig().asyncUtilTimeout + 250))
  cleanup()
})
