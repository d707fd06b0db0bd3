/**
 * The categories integrations are grouped in, in display order.
 *
 * @example
 * ```ts
 * integrationCategories.map((c) => c.label) // ['Communication', 'Productivity', …]
 * ```
 */
export const integrationCategories = [
  { id: 'communication', label: 'Communication' },
  { id: 'productivity', label: 'Productivity' },
  { id: 'social', label: 'Social Media' },
  { id: 'development', label: 'Development' },
  { id: 'business', label: 'Business' },
  { id: 'storage', label: 'Storage' },
  { id: 'ai', label: 'AI & Logic' },
  { id: 'other', label: 'Other' },
] as const

/** One of the ids in {@link integrationCategories}. */
export type IntegrationCategory = (typeof integrationCategories)[number]['id']
