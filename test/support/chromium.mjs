// The Chromium every real-browser run uses (vitest's browser projects, the benchmark): Debian's
// package, never a downloaded browser, started quiet (no sandbox in containers, no GPU, no
// background network or updates that would add noise).

/** Where `apt-get install chromium` puts it. */
export const chromiumPath = '/usr/bin/chromium'

/** The flags every run starts it with. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
