import { page } from 'vitest/browser'

// Measuring the component as Chromium lays it out, for the browser tests of its widths
// (responsive.browser.test.tsx, table-widths.browser.test.tsx): what is shown whole, what is cut,
// how much text fits; and screenshots of the window to look at.

/** Below 720 px high: the test runner's window is 1280 × 720, and a taller frame is scaled down. */
export const height = 700

/** Where the screenshots land (git-ignored), relative to the test file. */
const shots = '../../.vitest-attachments/responsive'

/** The table's rows, in the DOM now (a windowed table renders those in view). */
export const rows = () => [...document.querySelectorAll<HTMLElement>('[data-slot="row"]')]

/** After the next two animation frames: layout and paint have caught up with a render. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

/**
 * What the window shows, as a PNG in .vitest-attachments/responsive/: only the frame's viewport
 * is painted, so shoot a box over it.
 */
export async function shoot(name: string) {
  const frame = document.createElement('div')
  frame.dataset.testViewport = ''
  document.body.append(frame)
  const style = document.createElement('style')
  style.textContent = '[data-test-viewport] { position: fixed; inset: 0; pointer-events: none; z-index: 1000 }'
  document.head.append(style)
  await nextFrame()
  await page.screenshot({ element: frame, path: `${shots}/${name}.png` })
  frame.remove()
  style.remove()
}

/** How wide `text` is set in a CSS `font` (the shorthand, as getComputedStyle gives it). */
function textWidth(font: string, text: string): number {
  const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D
  context.font = font
  return context.measureText(text).width
}

/** How many characters of its own font (the width of "0") fit in an element's visible box. */
export function charactersShown(element: HTMLElement): number {
  return element.clientWidth / textWidth(getComputedStyle(element).font, '0')
}

/** Whether the column name a stacked cell shows above its value (its ::before) fits the cell. */
export function columnNameFits(cell: HTMLElement): string | true {
  const before = getComputedStyle(cell, '::before')
  if (before.content === 'none' || before.display === 'none') return true
  const width = textWidth(before.font, cell.dataset.label ?? '')
  return width <= cell.clientWidth + 0.5 || `"${cell.dataset.label}" needs ${width} px in ${cell.clientWidth}`
}

/** Whether an element is shown whole: inside the window and inside every ancestor that clips. */
export function shownWhole(element: Element): string | true {
  const box = element.getBoundingClientRect()
  if (box.width === 0 || box.height === 0) return 'no size'
  if (box.left < -0.5 || box.right > window.innerWidth + 0.5) return `outside the window (${box.left}–${box.right})`
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const style = getComputedStyle(parent)
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
    const clip = parent.getBoundingClientRect()
    if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5)
      return `cut by ${parent.tagName} ${parent.dataset.slot ?? ''} (${box.left}–${box.right} in ${clip.left}–${clip.right})`
  }
  return true
}

/**
 * Whether an element's text is shown whole: its text (a Range over it, which keeps its full width
 * when an ellipsis cuts it) inside the element and every ancestor that clips, inside the table's
 * visible box and the window; and nothing of the element scrolled or cut inside it.
 */
export function textShownWhole(element: HTMLElement): string | true {
  if (element.scrollWidth > element.clientWidth) return `cut inside (${element.scrollWidth} in ${element.clientWidth})`
  const range = document.createRange()
  range.selectNodeContents(element)
  const text = range.getBoundingClientRect()
  if (text.width === 0) return 'no text'
  const container = element.closest('[data-slot="table-container"]')
  for (let box: Element | null = element; box; box = box.parentElement) {
    const style = getComputedStyle(box)
    if (box !== container && style.overflowX === 'visible' && style.overflowY === 'visible') continue
    const clip = box.getBoundingClientRect()
    if (text.left < clip.left - 0.5 || text.right > clip.right + 0.5)
      return `"${element.textContent}" cut by ${box.tagName} ${(box as HTMLElement).dataset.slot ?? ''} (${text.left}–${text.right} in ${clip.left}–${clip.right})`
  }
  if (text.left < -0.5 || text.right > window.innerWidth + 0.5) return `outside the window (${text.left}–${text.right})`
  return true
}
