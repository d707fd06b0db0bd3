// The page a host would write: the component from the package, its default theme, and the
// API the same process serves. The nonce is the page's CSP nonce (app/server.ts).
// `?lang=de` shows it in German (the package's germanLabels, dates and numbers for de-DE);
// `?dir=rtl` lays it out right to left.
import { germanLabels, IntegrationWebhookManager } from 'integration-webhooks'
import 'integration-webhooks/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './page.css'

const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

const query = new URLSearchParams(window.location.search)
const german = query.get('lang') === 'de'
const rtl = query.get('dir') === 'rtl'
if (german) document.documentElement.lang = 'de'
if (rtl) document.documentElement.dir = 'rtl'
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang]')) {
  if ((link.dataset.lang === 'de') === german) link.setAttribute('aria-current', 'page')
}

createRoot(root).render(
  <StrictMode>
    <IntegrationWebhookManager
      apiUrl="/api/integration-webhooks"
      nonce={nonce}
      // The page's own title: the manager is all this page is.
      headingLevel={1}
      {...(german ? { labels: germanLabels, locale: 'de-DE' } : {})}
    />
  </StrictMode>,
)
