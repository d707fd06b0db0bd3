// The page a host would write: the component from the package, its default theme, and the
// API the same process serves. The nonce is the page's CSP nonce (app/server.ts).
import { IntegrationWebhookManager } from 'integration-webhooks'
import 'integration-webhooks/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './page.css'

const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <IntegrationWebhookManager apiUrl="/api/integration-webhooks" nonce={nonce} />
  </StrictMode>,
)
