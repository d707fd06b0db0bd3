import {
  createWebhookClient,
  DEFAULT_API_URL,
  defaultWebhookRoutes,
  type FallbackSettings,
  type IntegrationCatalog,
  type WebhookClient,
  type WebhookClientOptions,
  type WebhookRoutes,
} from 'integration-webhooks/core'
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react'
import { SWRConfig, type SWRConfiguration } from 'swr'
import { createExecutionsRegistry, type ExecutionsRegistry } from './executions-registry'
import { createLiveRegistry, type LiveRegistry } from './live-registry'

/** When and how the hooks show generated rows for integrations that have nothing saved (core's type). */
export type { FallbackSettings } from 'integration-webhooks/core'

/** What the hooks read from {@link WebhooksProvider} (or the defaults without one). */
export interface WebhooksContextValue {
  client: WebhookClient
  apiUrl: string
  /** The provider's `catalog`; `undefined` means the built-in one, which core loads only when it generates fallback rows. */
  catalog: IntegrationCatalog | undefined
  fallback: FallbackSettings
  /** @internal connects actions to mounted execution histories */
  executions: ExecutionsRegistry
  /** @internal the provider's one live stream, shared by every hook that asks for `live` */
  live: LiveRegistry
}

let defaults: WebhooksContextValue | undefined
/** Created on first use, not at import: importing the hooks must do nothing (server rendering, tests). */
function defaultContext(): WebhooksContextValue {
  if (!defaults) {
    const client = createWebhookClient()
    defaults = {
      client,
      apiUrl: DEFAULT_API_URL,
      catalog: undefined,
      fallback: {},
      executions: createExecutionsRegistry(),
      live: createLiveRegistry(client),
    }
  }
  return defaults
}

const WebhooksContext = createContext<WebhooksContextValue | null>(null)

/**
 * The client, catalog and fallback settings the hooks use. Outside a
 * {@link WebhooksProvider} the hooks use the defaults (`apiUrl`
 * `/api/integration-webhooks`, the built-in catalog). `catalog` is `undefined` unless the
 * provider was given one: the built-in catalog is loaded only when fallback rows are generated.
 *
 * @example
 * ```tsx
 * const { client, catalog = defaultCatalog } = useWebhooksContext()
 * ```
 */
export function useWebhooksContext(): WebhooksContextValue {
  return useContext(WebhooksContext) ?? defaultContext()
}

/** Props of {@link WebhooksProvider}: a client, or the options to make one, plus shared settings. */
export interface WebhooksProviderProps extends WebhookClientOptions {
  /** A client made with `createWebhookClient`; when given, the client options here are ignored. */
  client?: WebhookClient
  /**
   * The integrations to know about.
   * @defaultValue the built-in catalog of 30 integrations
   */
  catalog?: IntegrationCatalog
  /** Generated rows when nothing is saved: `false` turns them off. */
  fallback?: boolean | FallbackSettings
  /** SWR options for every hook below (a `provider` for an isolated cache, `dedupingInterval`, …). */
  swr?: SWRConfiguration
  /** The part of the app that uses the hooks. */
  children?: ReactNode
}

type Latest = { current: WebhooksProviderProps }

/** Route functions that read the latest props, so inline route objects never rebuild the client. */
function latestRoutes(latest: Latest): WebhookRoutes {
  const route = <K extends keyof WebhookRoutes>(name: K) => latest.current.routes?.[name] ?? defaultWebhookRoutes[name]
  return {
    list: () => route('list')(),
    executions: (id) => route('executions')(id),
    status: (id) => route('status')(id),
    test: (id) => route('test')(id),
    retry: (id, executionId) => route('retry')(id, executionId),
    create: () => route('create')(),
    get: (id) => route('get')(id),
    delete: (id) => route('delete')(id),
    secret: (id) => route('secret')(id),
    rotateSecret: (id) => route('rotateSecret')(id),
    stream: () => route('stream')(),
    stats: (id) => route('stats')(id),
    allStats: () => route('allStats')(),
  }
}

/**
 * Every option of `createWebhookClient`, each one named: the mapped type makes a new client
 * option a compile error here until it is forwarded (never silently dropped). Values are
 * taken as they are now (a change of `apiUrl`, `timeoutMs`, `credentials` or the retry
 * numbers rebuilds the client); functions read the latest props at call time.
 */
function latestClientOptions(latest: Latest): {
  [K in keyof Required<WebhookClientOptions>]: WebhookClientOptions[K]
} {
  const { apiUrl, timeoutMs, credentials, retry } = latest.current
  return {
    apiUrl,
    timeoutMs,
    credentials,
    retry:
      retry === false
        ? false
        : {
            ...retry,
            onRetry: (info) => (latest.current.retry || undefined)?.onRetry?.(info),
          },
    fetch: (input, init) => (latest.current.fetch ?? globalThis.fetch)(input, init),
    headers: () => {
      const headers = latest.current.headers
      return (typeof headers === 'function' ? headers() : headers) ?? {}
    },
    getToken: () => latest.current.getToken?.(),
    routes: latestRoutes(latest),
  }
}

/**
 * Shares one client, the catalog, fallback settings and SWR configuration with every hook below.
 *
 * Props may be written inline: functions (`fetch`, `headers`, `getToken`, `routes`,
 * `retry.onRetry`) are read at call time, so a new object on every render neither
 * rebuilds the client nor refetches. The client is rebuilt only when `apiUrl`,
 * `timeoutMs`, `credentials` or the retry numbers change.
 *
 * @example
 * ```tsx
 * <WebhooksProvider apiUrl="/api/integration-webhooks" getToken={() => session.token} fallback={{ userId: user.id }}>
 *   <MyWebhookPage />
 * </WebhooksProvider>
 * ```
 */
export function WebhooksProvider(props: WebhooksProviderProps): ReactNode {
  const latest = useRef(props)
  latest.current = props
  const { client: given, apiUrl = DEFAULT_API_URL, timeoutMs, credentials, retry, catalog, fallback, swr } = props
  const retryKey = JSON.stringify(retry === false ? false : { ...retry, onRetry: undefined, random: undefined })

  // retryKey stands for `retry`: an inline object would change identity on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: retryKey is the stable stand-in for retry
  const client = useMemo(
    () => given ?? createWebhookClient(latestClientOptions(latest)),
    [given, apiUrl, timeoutMs, credentials, retryKey],
  )

  const fallbackKey = JSON.stringify(typeof fallback === 'object' ? { ...fallback, webhookUrl: undefined } : fallback)
  const webhookUrl = typeof fallback === 'object' ? fallback.webhookUrl : undefined
  const executions = useMemo(createExecutionsRegistry, [])
  const live = useMemo(() => createLiveRegistry(client), [client])
  // fallbackKey stands for `fallback`, for the same reason as retryKey.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fallbackKey is the stable stand-in for fallback
  const value = useMemo<WebhooksContextValue>(
    () => ({
      client,
      apiUrl: given?.apiUrl ?? apiUrl,
      catalog,
      fallback:
        fallback === false
          ? { enabled: false }
          : fallback === true || fallback === undefined
            ? {}
            : {
                ...fallback,
                // A function is read at call time from the latest props, like the client's functions.
                webhookUrl:
                  typeof webhookUrl === 'function'
                    ? (integration) => {
                        const latestFallback = latest.current.fallback
                        const fn = typeof latestFallback === 'object' ? latestFallback.webhookUrl : undefined
                        return typeof fn === 'function' ? fn(integration) : webhookUrl(integration)
                      }
                    : webhookUrl,
              },
      executions,
      live,
    }),
    [client, given, apiUrl, catalog, fallbackKey, typeof webhookUrl, executions, live],
  )

  const content = <WebhooksContext.Provider value={value}>{props.children}</WebhooksContext.Provider>
  return swr ? <SWRConfig value={swr}>{content}</SWRConfig> : content
}
