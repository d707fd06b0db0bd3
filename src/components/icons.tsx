// Small inline SVG icons. Decorative: always aria-hidden, the button or text beside them names the action.
import { unknownBrandColor } from 'integration-webhooks/core'
import type { ReactNode } from 'react'

function Icon({ children, slot }: { children: ReactNode; slot?: string }) {
  return (
    <svg
      data-slot={slot ?? 'icon'}
      aria-hidden="true"
      focusable="false"
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  )
}

export const CopyIcon = () => (
  <Icon>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </Icon>
)
export const CheckIcon = () => (
  <Icon>
    <path d="M20 6 9 17l-5-5" />
  </Icon>
)
export const RefreshIcon = () => (
  <Icon>
    <path d="M21 12a9 9 0 1 1-2.64-6.36" />
    <path d="M21 3v6h-6" />
  </Icon>
)
export const CloseIcon = () => (
  <Icon>
    <path d="M18 6 6 18M6 6l12 12" />
  </Icon>
)
export const ChevronIcon = () => (
  <Icon slot="chevron">
    <path d="m9 6 6 6-6 6" />
  </Icon>
)
export const SortIcon = () => (
  <Icon slot="sort-icon">
    <path d="m7 9 5-5 5 5" />
    <path d="m7 15 5 5 5-5" />
  </Icon>
)
export const ExternalIcon = () => (
  <Icon>
    <path d="M14 4h6v6" />
    <path d="M20 4 10 14" />
    <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </Icon>
)
export const AlertIcon = () => (
  <Icon>
    <path d="M12 3 2 20h20L12 3z" />
    <path d="M12 10v4M12 17h.01" />
  </Icon>
)
export const InfoIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 8h.01" />
  </Icon>
)

const brandInks = new Map<string, readonly [fill: string, ink: string]>()

/** A mark's fill (the colour when it is a `#rrggbb` value) and the ink that reads on it, worked out once per colour. */
function brandPaint(color: string): readonly [fill: string, ink: string] {
  let paint = brandInks.get(color)
  if (!paint) {
    const fill = /^#[0-9a-fA-F]{6}$/.test(color) ? color : unknownBrandColor
    const channel = (at: number) => Number.parseInt(fill.slice(at, at + 2), 16) / 255
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    paint = [fill, luminance > 0.6 ? '#111827' : '#ffffff']
    if (brandInks.size < 256) brandInks.set(color, paint)
  }
  return paint
}

/** The integration's brand colour as a mark; an SVG fill, so no inline style is needed under a strict CSP. */
export function BrandMark({ color, initial }: { color: string; initial: string }) {
  const [fill, ink] = brandPaint(color)
  return (
    <svg data-slot="brand-mark" aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 28 28">
      <rect width="28" height="28" rx="7" fill={fill} />
      <text x="14" y="18.5" textAnchor="middle" fontSize="14" fontWeight="600" fill={ink}>
        {initial}
      </text>
    </svg>
  )
}

/** The first character of a name for its mark: a whole code point (emoji too), upper-cased. */
export function initialOf(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toUpperCase()
}
