import type { IntegrationCatalog } from './catalog/build'
import type { Integration } from './catalog/define'
import type { WebhookClient } from './client'
import { isWebhookApiError } from './errors'
import { type FallbackSettings, fallbackRows } from './fallback-rows'
import type { InvalidRow } from './parse'
import type { IntegrationWebhook, WebhookSource } from './schemas'

/** Options of {@link loadWebhooks}. */
export interface LoadWebhooksOptions {
  /**
   * Generated rows when the API has nothing saved: `false` shows the empty list as it is; an
   * object sets `onNotFound` (also on 404), the user, origin or URL template.
   * @defaultValue true
   */
  fallback?: boolean | FallbackSettings
  /**
   * The integrations to generate rows for.
   * @defaultValue the built-in catalog, loaded only when rows are generated
   */
  catalog?: readonly Integration[] | IntegrationCatalog
  signal?: AbortSignal
}

/** What {@link loadWebhooks} resolves to. */
export interface LoadedWebhooks {
  readonly webhooks: IntegrationWebhook[]
  /** `saved`: from the API; `generated`: suggested defaults, nothing is configured yet. */
  readonly source: WebhookSource
  /** Rows the API sent that failed the schema, dropped from `webhooks`. */
  readonly invalid: InvalidRow[]
}

/**
 * The built-in catalog, loaded on demand (a chunk of its own in the ESM build): for a layer that
 * needs it only sometimes (fallback rows, the manager's "Add integration" list).
 *
 * @example
 * ```ts
 * const catalog = await loadDefaultCatalog()
 * catalog.get('github')?.name // 'GitHub'
 * ```
 */
export async function loadDefaultCatalog(): Promise<IntegrationCatalog> {
  return (await import('./catalog/builtin')).defaultCatalog
}

/**
 * Loads the webhook list, with generated defaults only when nothing is saved.
 *
 * Generated rows appear when the API answers with an empty list (or, if
 * `fallback.onNotFound`, 404). Every other failure (401, 403, 5xx, network, …) is
 * thrown: inventing "inactive" rows on an error would hide it from the user.
 * A list whose rows were all invalid is not "empty": it resolves with no rows and
 * the `invalid` report, so the problem stays visible.
 *
 * @example
 * ```ts
 * const { webhooks, source } = await loadWebhooks(client, { fallback: { userId: session.userId } })
 * if (source === 'generated') showNotice('These are suggested configurations, not saved ones.')
 * ```
 */
export async function loadWebhooks(client: WebhookClient, options: LoadWebhooksOptions = {}): Promise<LoadedWebhooks> {
  const { signal } = options
  const settings: FallbackSettings =
    options.fallback === false ? { enabled: false } : options.fallback === true ? {} : (options.fallback ?? {})
  const fallback = settings.enabled ?? true
  const onNotFound = settings.onNotFound ?? false
  const generate = async (): Promise<LoadedWebhooks> => {
    // The built-in catalog is only needed here, when nothing is saved: it loads on demand
    // (a chunk of its own in the ESM build), so an app whose users have saved webhooks never downloads it.
    const catalog = options.catalog ?? (await loadDefaultCatalog())
    return {
      webhooks: fallbackRows(catalog, { ...settings, userId: settings.userId ?? '' }),
      source: 'generated',
      invalid: [],
    }
  }
  try {
    const list = await client.listWebhooks({ signal })
    if (fallback && list.webhooks.length === 0 && list.invalid.length === 0) return generate()
    return { webhooks: list.webhooks, source: list.source ?? 'saved', invalid: list.invalid }
  } catch (error) {
    if (fallback && onNotFound && isWebhookApiError(error) && error.kind === 'not-found') return generate()
    throw error
  }
}
