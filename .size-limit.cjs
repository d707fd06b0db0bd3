// Size budgets, checked by `npm run size` in CI. Minified + gzip, dependencies included,
// react and react-dom excluded (the host has them). Numbers and targets: README "Size" and BENCHMARKS.md.

// The chunks the component loads on demand (the dialog, the virtualiser), for the first-load figure.
const lazyChunks = ['./webhook-details-dialog-*', './virtual-rows-*']

module.exports = [
  {
    name: 'integration-webhooks/core (everything, with zod/mini and the catalog)',
    path: 'dist/core/index.js',
    import: '*',
    gzip: true,
    limit: '22 kB',
  },
  {
    name: 'integration-webhooks/core: createWebhookClient + loadWebhooks',
    path: 'dist/core/index.js',
    import: '{ createWebhookClient, loadWebhooks }',
    gzip: true,
    limit: '19.5 kB',
  },
  {
    name: 'integration-webhooks/react (every hook, with core, swr and TanStack Table)',
    path: 'dist/react/index.js',
    import: '*',
    gzip: true,
    ignore: ['react', 'react-dom'],
    limit: '41 kB',
  },
  {
    name: 'integration-webhooks/react: useIntegrationWebhooks alone',
    path: 'dist/react/index.js',
    import: '{ useIntegrationWebhooks }',
    gzip: true,
    ignore: ['react', 'react-dom'],
    limit: '26 kB',
  },
  {
    name: 'integration-webhooks (the full component, with every dependency; react excluded)',
    path: 'dist/index.js',
    import: '{ IntegrationWebhookManager }',
    gzip: true,
    ignore: ['react', 'react-dom'],
    limit: '79 kB',
  },
  {
    name: 'integration-webhooks/mocks (handlers and fixtures, with core; msw excluded)',
    path: 'dist/mocks/index.js',
    import: '*',
    gzip: true,
    ignore: ['msw'],
    limit: '30 kB',
  },
  {
    name: 'integration-webhooks: what the page downloads first for IntegrationWebhookManager (dialog and virtualiser load on demand)',
    path: 'dist/index.js',
    import: '{ IntegrationWebhookManager }',
    gzip: true,
    ignore: ['react', 'react-dom'],
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external ?? []), ...lazyChunks] }),
    limit: '46 kB',
  },
]
