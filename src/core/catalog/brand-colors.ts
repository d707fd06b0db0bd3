import type { IntegrationCatalog } from './build'

/**
 * The brand colour (#rrggbb) of each built-in integration, by provider id. The catalog's
 * entries take theirs from here; it is a module of its own so that a table can show the
 * integrations' marks at first paint without loading the catalog (its setup steps, docs and
 * triggers load with the details dialog or the fallback rows).
 *
 * @example
 * ```ts
 * builtinBrandColors.slack // '#4A154B'
 * ```
 */
export const builtinBrandColors = {
  ai: '#8B5CF6',
  logic: '#64748B',
  hubspot: '#FF7A59',
  airtable: '#18BFFF',
  mailchimp: '#FFE01B',
  shopify: '#95BF47',
  stripe: '#635BFF',
  paypal: '#003087',
  gmail: '#EA4335',
  slack: '#4A154B',
  discord: '#5865F2',
  teams: '#6264A7',
  'microsoft-outlook': '#0078D4',
  github: '#181717',
  gitlab: '#FC6D26',
  'google-calendar': '#4285F4',
  'google-sheets': '#0F9D58',
  'google-drive': '#1FA463',
  'google-docs': '#4285F4',
  notion: '#000000',
  trello: '#0079BF',
  twitter: '#000000',
  facebook: '#0866FF',
  instagram: '#E4405F',
  tiktok: '#000000',
  linkedin: '#0A66C2',
  youtube: '#FF0000',
  onedrive: '#0364B8',
  dropbox: '#0061FF',
  box: '#0061D5',
} as const satisfies Readonly<Record<string, `#${string}`>>

/**
 * The colour of an integration no catalog knows (a neutral slate).
 *
 * @example
 * ```ts
 * brandColorOf('acme-unknown') === unknownBrandColor // true
 * ```
 */
export const unknownBrandColor = '#64748B'

/**
 * An integration's brand colour: from `catalog` when given (custom entries included),
 * otherwise from the built-in colours, and {@link unknownBrandColor} for an unknown id.
 *
 * @example
 * ```ts
 * brandColorOf('github') // '#181717'
 * brandColorOf('acme', myCatalog) // myCatalog.resolve('acme').color
 * ```
 */
export function brandColorOf(providerId: string, catalog?: IntegrationCatalog): string {
  if (catalog) return catalog.resolve(providerId).color
  return Object.hasOwn(builtinBrandColors, providerId)
    ? builtinBrandColors[providerId as keyof typeof builtinBrandColors]
    : unknownBrandColor
}
