// integration-webhooks/server — the endpoint: one Web-standard (Request) => Response handler
// and the stores it runs on. No React, no "use client". Node ≥ 20.19 (or any runtime with
// Web Crypto and streams); the databases are optional peer dependencies loaded lazily.

export type { NextRouteHandlers } from './adapters/next'
export { toNextJsHandler } from './adapters/next'
export type { FetchHandler, NodeListenerOptions } from './adapters/node'
export { toNodeListener } from './adapters/node'
export type { WebhookEvent } from './dispatch'
export type { ServerErrorCode } from './errors'
export { HttpError, serverErrorStatus } from './errors'
export type { RouteMethod, WebhookServer, WebhookServerOptions } from './handler'
export { createWebhookServer } from './handler'
export type { Migration } from './migrations/index'
export { MIGRATIONS_TABLE, MigrationError, migrate, migrations } from './migrations/index'
export type { SampleEvent } from './samples/index'
export { listSampleEvents, sampleBytes, sampleEvent } from './samples/index'
export type {
  Handshake,
  SchemeContext,
  SchemeRequest,
  SecretSource,
  SecretSpec,
  SignatureScheme,
  SignInput,
  Verification,
} from './schemes/index'
export { schemeFor, schemes } from './schemes/index'
export type { SecretBox } from './secrets'
export { parseEncryptionKey, SecretDecryptionError } from './secrets'
export type {
  DispatchOutcome,
  ExecutionAttemptRecord,
  ExecutionPageQuery,
  ExecutionRecord,
  LiveEventPage,
  LiveEventQuery,
  LiveEventRecord,
  NewExecution,
  NewWebhookRecord,
  ReceivingWebhook,
  RecordedExecutionId,
  RecordResult,
  StatsBucket,
  StatsRange,
  StoredSecrets,
  StoreNotification,
  WebhookRecord,
  WebhookStats,
  WebhookStore,
} from './store'
export type { SqlDriver, SqlQueryable } from './stores/driver'
export { DataDirLockedError } from './stores/lock-file'
export type { PgliteStoreOptions } from './stores/pglite'
export { createPgliteStore } from './stores/pglite'
export type { PostgresStoreOptions } from './stores/postgres'
export { createPostgresStore } from './stores/postgres'
export type { SqlStore } from './stores/sql-store'
