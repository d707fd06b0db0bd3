/**
 * The live stream's event log (issue 14): one row per change a user can see — an execution
 * created or changed (status, attempt, result), a saved webhook created, changed (status,
 * counters, last_triggered, secret set or rotated) or deleted — written by triggers in the
 * transaction of the change itself, so every code path (receiver, test events, retries,
 * dispatch, PATCH, secret routes, a host's own SQL) is covered and nothing is logged for a
 * change that rolled back. Each statement NOTIFYs `integration_webhooks_events` with the
 * newest event id (ids only: streams read the rows back).
 *
 * `id` (a bigserial) is the stream's event id: the same on every instance. Events older
 * than 10 minutes are pruned as new ones arrive (each time the ids cross a thousand), the
 * newest always kept: a `Last-Event-ID` older than what is left answers `reset`.
 *
 * A bulk import can skip the log with `SET LOCAL integration_webhooks.live = 'off'`.
 */
export const liveEvents = `
CREATE TABLE integration_webhook_events (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('execution', 'webhook')),
  webhook_id text NOT NULL,
  execution_id text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX integration_webhook_events_user_idx ON integration_webhook_events (user_id, id);

CREATE FUNCTION integration_webhooks_log_events(first_id bigint, last_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF last_id IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_notify('integration_webhooks_events', last_id::text);
  -- Prune when the ids cross a thousand: through the primary key, from the oldest up to
  -- the first event of the last 10 minutes (this statement's own events are that young).
  IF last_id / 1000 <> (first_id - 1) / 1000 THEN
    DELETE FROM integration_webhook_events WHERE id < (
      SELECT id FROM integration_webhook_events
      WHERE created_at >= now() - interval '10 minutes' ORDER BY id LIMIT 1
    );
  END IF;
END $$;

CREATE FUNCTION integration_webhooks_execution_events() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
  last_id bigint;
BEGIN
  IF current_setting('integration_webhooks.live', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH logged AS (
      INSERT INTO integration_webhook_events (user_id, kind, webhook_id, execution_id)
      SELECT n.user_id, 'execution', n.webhook_id, n.id FROM new_rows AS n ORDER BY n.triggered_at, n.id
      RETURNING id
    ) SELECT min(id), max(id) INTO first_id, last_id FROM logged;
  ELSE
    -- What the API shows changed; a claim or a lease alone is no event.
    WITH logged AS (
      INSERT INTO integration_webhook_events (user_id, kind, webhook_id, execution_id)
      SELECT n.user_id, 'execution', n.webhook_id, n.id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
      WHERE (o.status, o.attempt, o.error_message, o.execution_time_ms, o.response_code, o.response_body,
             o.payload_truncated)
        IS DISTINCT FROM (n.status, n.attempt, n.error_message, n.execution_time_ms, n.response_code,
             n.response_body, n.payload_truncated)
      ORDER BY n.triggered_at, n.id
      RETURNING id
    ) SELECT min(id), max(id) INTO first_id, last_id FROM logged;
  END IF;
  PERFORM integration_webhooks_log_events(first_id, last_id);
  RETURN NULL;
END $$;

CREATE TRIGGER integration_webhooks_execution_created AFTER INSERT ON webhook_executions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION integration_webhooks_execution_events();
CREATE TRIGGER integration_webhooks_execution_changed AFTER UPDATE ON webhook_executions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION integration_webhooks_execution_events();

CREATE FUNCTION integration_webhooks_webhook_events() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  first_id bigint;
  last_id bigint;
BEGIN
  IF current_setting('integration_webhooks.live', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    WITH logged AS (
      INSERT INTO integration_webhook_events (user_id, kind, webhook_id)
      SELECT n.user_id, 'webhook', n.id FROM new_rows AS n ORDER BY n.id RETURNING id
    ) SELECT min(id), max(id) INTO first_id, last_id FROM logged;
  ELSIF TG_OP = 'DELETE' THEN
    WITH logged AS (
      INSERT INTO integration_webhook_events (user_id, kind, webhook_id)
      SELECT o.user_id, 'webhook', o.id FROM old_rows AS o ORDER BY o.id RETURNING id
    ) SELECT min(id), max(id) INTO first_id, last_id FROM logged;
  ELSE
    -- What the API shows changed (a secret as secret_set and its expiry); the failure
    -- streak the dispatcher keeps is no event.
    WITH logged AS (
      INSERT INTO integration_webhook_events (user_id, kind, webhook_id)
      SELECT n.user_id, 'webhook', n.id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
      WHERE (o.name, o.status, o.trigger_types, o.integration_config, o.external_config, o.setup_required,
             o.last_triggered, o.trigger_count, o.error_count, o.signing_secret, o.previous_secret,
             o.previous_secret_expires_at, o.updated_at)
        IS DISTINCT FROM (n.name, n.status, n.trigger_types, n.integration_config, n.external_config,
             n.setup_required, n.last_triggered, n.trigger_count, n.error_count, n.signing_secret,
             n.previous_secret, n.previous_secret_expires_at, n.updated_at)
      ORDER BY n.id
      RETURNING id
    ) SELECT min(id), max(id) INTO first_id, last_id FROM logged;
  END IF;
  PERFORM integration_webhooks_log_events(first_id, last_id);
  RETURN NULL;
END $$;

CREATE TRIGGER integration_webhooks_webhook_created AFTER INSERT ON integration_webhooks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION integration_webhooks_webhook_events();
CREATE TRIGGER integration_webhooks_webhook_changed AFTER UPDATE ON integration_webhooks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION integration_webhooks_webhook_events();
CREATE TRIGGER integration_webhooks_webhook_deleted AFTER DELETE ON integration_webhooks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION integration_webhooks_webhook_events();
`
