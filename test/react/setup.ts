import '@testing-library/jest-dom/vitest'
import { cleanup, configure, getConfig } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy… and waitFor give up after 10 s, not 1 s: on a loaded machine the dialog's first open
// (its code is loaded on demand, and transformed on first import here) took longer than 1 s, and
// at load average 20-30 a manager test's first row took 9-22 s of wall time to come (tests that
// waited for it had set 10 s themselves). A limit, not a timing: a wait that succeeds sooner ends
// sooner; only a failing one waits it out.
configure({ asyncUtilTimeout: 10_000 })

afterEach(async ({ task }) => {
  // A test that failed — a timeout above all — may still be running: vitest cannot stop its
  // promise chain, and its next query on the global `screen` would find the next test's DOM (a
  // click there fails that test too). Its DOM stays until its waits (findBy…, waitFor) have run
  // out on it, then goes: what is left throws on an empty page, never into another test.
  if (task.result?.state === 'fail')
    await new Promise((resolve) => setTimeout(resolve, getConfig().asyncUtilTimeout + 250))
  cleanup()
})
