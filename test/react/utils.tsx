import { render, renderHook } from '@testing-library/react'
import type { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { WebhooksProvider, type WebhooksProviderProps } from '../../src/react'
import { API } from '../support/msw'

export { API, setupMswServer } from '../support/msw'

/** A provider with a fresh SWR cache, so tests never see each other's data (SWR's own test habit). */
export function Providers({ children, ...props }: Partial<WebhooksProviderProps> & { children?: ReactNode }) {
  return (
    <WebhooksProvider
      apiUrl={API}
      retry={false}
      fallback={{ userId: 'user_1', origin: 'https://app.test' }}
      swr={{ provider: () => new Map() }}
      {...props}
    >
      {children}
    </WebhooksProvider>
  )
}

export function renderWithProviders(ui: ReactNode, props: Partial<WebhooksProviderProps> = {}) {
  return render(<Providers {...props}>{ui}</Providers>)
}

export function renderHookWithProviders<T, P>(
  hook: (props: P) => T,
  options: { initialProps?: P; providerProps?: Partial<WebhooksProviderProps> } = {},
) {
  return renderHook(hook, {
    initialProps: options.initialProps,
    wrapper: ({ children }) => <Providers {...options.providerProps}>{children}</Providers>,
  })
}

/** Counts requests per `METHOD path` seen by the server. */
export function countRequests(server: ReturnType<typeof setupServer>) {
  const counts = new Map<string, number>()
  server.events.on('request:start', ({ request }) => {
    const key = `${request.method} ${new URL(request.url).pathname}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  })
  return (key: string) => counts.get(key) ?? 0
}
