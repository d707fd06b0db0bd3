import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The README is the front door: its links lead somewhere, and its first commands exist.
const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')
const scripts = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts as Record<string, string>
/** The README without its code blocks (links inside them are code, not links). */
const prose = readme.replace(/```[\s\S]*?```/g, '')

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')

describe('README', () => {
  it('links only to files that exist and to headings it has', () => {
    const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)))
    const targets = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string)
    expect(targets.length).toBeGreaterThan(10)
    const broken = targets.filter((target) => {
      if (/^https?:/.test(target)) return false
      if (target.startsWith('#')) return !anchors.has(target.slice(1))
      return !existsSync(`${root}${decodeURIComponent(target.split('#')[0] as string)}`)
    })
    expect(broken).toEqual([])
  })

  it('opens with what it is, a picture of the real app, then npm install && npm start and npm test', () => {
    const top = readme.slice(0, readme.indexOf('## Three ways in'))
    expect(top).toContain('![The real app (npm start)')
    expect(top).toContain('npm install && npm start')
    expect(top).toContain('npm test')
    expect(top).toContain('npx integration-webhooks send github --url')
    expect(scripts.start).toBe('node app/start.mjs')
    expect(scripts.storybook).toMatch(/^storybook dev/)
    expect(scripts.screenshot).toBe('node app/screenshot.mjs')
  })

  it('says where Storybook lives now: npm run storybook, never npm start', () => {
    expect(readme).toContain('npm run storybook')
    expect(readme).not.toMatch(/npm start\s+#\s*Storybook/)
  })
})
