// What the ESM build of integration-webhooks/react imports from core (tsup points its
// imports of 'integration-webhooks/core' here; types come from the public entry). Nothing
// here imports the built-in catalog statically, so an app that uses only the hooks loads it
// with the import() in loadWebhooks, when the API has nothing saved, and not before: a
// bundler ties a file to the first chunk if any file of that chunk imports it statically,
// used or not. Not a public entry: import 'integration-webhooks/core'.
// test/package/entry.test.ts fails if the hooks need a name that is not listed here.
export { createWebhookClient, DEFAULT_API_URL, defaultWebhookRoutes } from './client'
export { countWebhookFacets, filterWebhooks, prepareSearch } from './filter'
export { loadWebhooks } from './load'
export { prepareSort, sortWebhooks } from './sort'
