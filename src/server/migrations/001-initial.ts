/**
 * The tables of DESIGN.md: saved webhooks, their executions (which are also the dispatch
 * queue), written for PostgreSQL 15+ and PGlite alike. Timestamps keep milliseconds, so a
 * page cursor (which carries one) compares exactly.
 */
export const initial = `
CREATE TABLE integration_webhooks (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  provider_id text NOT NULL,
  name text NOT NULL,
  receive_token text NOT NULL UNIQUE,
  trigger_types jsonb NOT NULL DEFAULT '[]',
  integration_config jsonb NOT NULL DEFAULT '{}',
  external_config jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'error')),
  setup_required boolean NOT NULL DEFAULT true,
  last_triggered timestamptz(3),
  trigger_count bigint NOT NULL DEFAULT 0 CHECK (trigger_count >= 0),
  error_count bigint NOT NULL DEFAULT 0 CHECK (error_count >= 0),
  consecutive_failures integer NOT NULL DEFAULT 0,
  signing_secret text,
  previous_secret text,
  previous_secret_expires_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX integration_webhooks_user_idx ON integration_webhooks (user_id, created_at, id);

CREATE TABLE webhook_executions (
  id text PRIMARY KEY,
  webhook_id text NOT NULL REFERENCES integration_webhooks (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  provider_id text NOT NULL,
  trigger_type text NOT NULL,
  payload jsonb,
  headers jsonb,
  status text NOT NULL CHECK (status IN ('success', 'error', 'pending')),
  response_code integer,
  response_body text,
  error_message text,
  execution_time_ms double precision CHECK (execution_time_ms >= 0),
  triggered_at timestamptz(3) NOT NULL DEFAULT now(),
  provider_event_id text,
  attempt integer NOT NULL DEFAULT 1,
  retry_of text,
  payload_truncated boolean NOT NULL DEFAULT false,
  claimed_by text,
  lease_until timestamptz(3),
  next_attempt_at timestamptz(3)
);
CREATE INDEX webhook_executions_page_idx ON webhook_executions (webhook_id, triggered_at DESC, id DESC);
CREATE UNIQUE INDEX webhook_executions_event_idx ON webhook_executions (webhook_id, provider_event_id)
  WHERE provider_event_id IS NOT NULL;
CREATE INDEX webhook_executions_pending_idx ON webhook_executions (next_attempt_at) WHERE status = 'pending';
`
