-- Org webhooks: the critical events of an org (an agent failed for good, a workflow run failed, a
-- risk alert or critical insight) POSTed to the URLs its admins registered. Every delivery is a
-- task of the queue, made in the transaction that produced its event. See docs/webhooks.md.

CREATE TABLE webhooks (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    url         text NOT NULL CHECK (url ~ '^https?://'),
    events      text[] NOT NULL
                CHECK (cardinality(events) > 0
                       AND events <@ ARRAY['agent.failed', 'workflow_run.failed', 'insight.critical']),
    description text,
    -- Kept as it is: an HMAC is computed with the key itself. Requests made with an org's key may
    -- write it but never read it (the grants below); only the engine's role, which signs, reads it.
    secret      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_org ON webhooks (org_id, created_at DESC, id DESC);

-- One event for one webhook. The event id is derived from what happened, so the same event
-- (a transaction retried, a trigger fired again) finds its delivery taken and adds nothing.
-- Its state is read from its task: delivered once an attempt got a 2xx, failed once the task
-- failed (its retries spent) or was cancelled, pending otherwise.
CREATE TABLE webhook_deliveries (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    webhook_id   uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id     uuid NOT NULL,
    event_type   text NOT NULL,
    -- The body POSTed, the same on every attempt.
    payload      jsonb NOT NULL,
    task_id      uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_newest ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

-- Every attempt of a delivery, by the attempt number of its task (one row however often the
-- record of an attempt is written).
CREATE TABLE webhook_attempts (
    delivery_id  uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      integer NOT NULL CHECK (attempt > 0),
    org_id       uuid NOT NULL,
    attempted_at timestamptz NOT NULL,
    duration_ms  integer NOT NULL CHECK (duration_ms >= 0),
    http_status  integer,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);

-- The same tenancy as every org-owned table (V10). The grants come from V10's default
-- privileges, except the secret's: a tenant session reads every column of a webhook but that one.
DO $$
DECLARE
    owned text;
BEGIN
    FOREACH owned IN ARRAY ARRAY['webhooks', 'webhook_deliveries', 'webhook_attempts']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned);
        EXECUTE format('CREATE POLICY tenant ON %I TO agentry_tenant '
                       'USING (org_id = agentry_tenant_org()) WITH CHECK (org_id = agentry_tenant_org())', owned);
    END LOOP;
END $$;

REVOKE SELECT ON webhooks FROM agentry_tenant;
GRANT SELECT (id, org_id, url, events, description, created_at) ON webhooks TO agentry_tenant;

-- Deliveries are tasks of an agent of the org: one system agent per org, of its own type, which
-- only the nodes' delivery runners run.
CREATE UNIQUE INDEX ai_agents_webhook_notifier ON ai_agents (org_id) WHERE agent_type = 'webhook_notifier';

CREATE FUNCTION agentry_webhook_notifier(p_org uuid) RETURNS uuid
    LANGUAGE plpgsql AS $$
DECLARE
    notifier uuid;
BEGIN
    SELECT id INTO notifier FROM ai_agents WHERE org_id = p_org AND agent_type = 'webhook_notifier';
    IF notifier IS NULL THEN
        INSERT INTO ai_agents (org_id, agent_type, name, description)
        VALUES (p_org, 'webhook_notifier', 'Webhook notifier',
                'Delivers the organization''s webhooks. Made by Agentry with the first webhook.')
        ON CONFLICT (org_id) WHERE agent_type = 'webhook_notifier' DO NOTHING
        RETURNING id INTO notifier;
        IF notifier IS NULL THEN
            -- Made meanwhile by a transaction that committed while this one waited on the index.
            SELECT id INTO notifier FROM ai_agents WHERE org_id = p_org AND agent_type = 'webhook_notifier';
        END IF;
    END IF;
    RETURN notifier;
END $$;

-- A time as the API writes it: ISO 8601 in UTC, whatever the session's time zone.
CREATE FUNCTION agentry_utc(t timestamptz) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

-- An event of an org: one delivery per webhook of the org that takes this type of event, each
-- with its task (and the task's execution, as the queue makes them: docs/queue.md), in the
-- caller's transaction. p_key names what happened ('agent.failed <task> <attempt>'); the same key
-- makes the same event id, so an event raised twice is delivered once. Returns the number of
-- deliveries made.
CREATE FUNCTION agentry_webhook_event(p_org uuid, p_key text, p_type text, p_data jsonb) RETURNS integer
    LANGUAGE plpgsql AS $$
DECLARE
    v_event    uuid := md5('agentry webhook event ' || p_key)::uuid;
    v_notifier uuid;
    v_made     integer;
BEGIN
    -- The common case, an org with no webhook for this event, costs one probe of an index.
    IF NOT EXISTS (SELECT 1 FROM webhooks w WHERE w.org_id = p_org AND p_type = ANY (w.events)) THEN
        RETURN 0;
    END IF;
    v_notifier := agentry_webhook_notifier(p_org);
    WITH hook AS (
        -- Locked so that a webhook deleted meanwhile is skipped rather than breaking the insert.
        SELECT w.id FROM webhooks w WHERE w.org_id = p_org AND p_type = ANY (w.events) FOR KEY SHARE
    ), delivery AS (
        INSERT INTO webhook_deliveries (id, org_id, webhook_id, event_id, event_type, payload, task_id)
        SELECT gen_random_uuid(), p_org, hook.id, v_event, p_type,
               jsonb_build_object('id', v_event, 'type', p_type, 'created_at', agentry_utc(now()),
                                  'org_id', p_org, 'data', p_data),
               gen_random_uuid()
        FROM hook
        ON CONFLICT (webhook_id, event_id) DO NOTHING
        RETURNING id, task_id
    ), task AS (
        -- Ten retries with the queue's backoff (1 s, 2 s, 4 s … 60 s): eleven attempts over
        -- about five minutes. 30 s bounds an attempt whatever the HTTP client does.
        INSERT INTO agent_tasks (id, agent_id, org_id, agent_type, task_type, payload, max_retries,
                                 timeout_seconds, execution_id)
        SELECT d.task_id, v_notifier, p_org, 'webhook_notifier', 'manual_trigger',
               jsonb_build_object('webhook_delivery_id', d.id), 10, 30, gen_random_uuid()
        FROM delivery d
        RETURNING id, execution_id, payload
    )
    INSERT INTO agent_executions (id, agent_id, org_id, input_data, task_id)
    SELECT t.execution_id, v_notifier, p_org, t.payload, t.id FROM task t;
    GET DIAGNOSTICS v_made = ROW_COUNT;
    RETURN v_made;
END $$;

-- A run that fails: whatever fails it (today the workflow's reaction to a task failing for good),
-- in the transaction that does.
CREATE FUNCTION agentry_webhook_run_failed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM agentry_webhook_event(NEW.org_id, 'workflow_run.failed ' || NEW.id, 'workflow_run.failed',
        jsonb_build_object(
            'workflow_run_id', NEW.id,
            'stream_id', NEW.stream_id,
            'stream_name', (SELECT s.name FROM streams s WHERE s.id = NEW.stream_id),
            'agent_id', NEW.agent_id,
            'trigger', NEW.trigger,
            'error', NEW.error_message,
            'started_at', agentry_utc(NEW.created_at),
            'failed_at', agentry_utc(coalesce(NEW.completed_at, now()))));
    RETURN NULL;
END $$;

CREATE TRIGGER workflow_runs_webhooks AFTER UPDATE OF status ON workflow_runs
    FOR EACH ROW WHEN (NEW.status = 'failed' AND OLD.status <> 'failed')
    EXECUTE FUNCTION agentry_webhook_run_failed();

-- A risk alert or a critical insight, however it is inserted. An insight already on its stream
-- (same dedupe key) is not inserted again, so it fires nothing.
CREATE FUNCTION agentry_webhook_insight() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM agentry_webhook_event(s.org_id, 'insight.critical ' || NEW.id, 'insight.critical',
        jsonb_build_object(
            'insight_id', NEW.id,
            'stream_id', NEW.stream_id,
            'stream_name', s.name,
            'insight_type', NEW.insight_type,
            'severity', NEW.severity,
            'title', NEW.title,
            'description', NEW.description,
            'data', NEW.data,
            'is_actionable', NEW.is_actionable,
            'generated_by', NEW.generated_by,
            'agent_execution_id', NEW.agent_execution_id,
            'created_at', agentry_utc(NEW.created_at)))
    FROM streams s WHERE s.id = NEW.stream_id;
    RETURN NULL;
END $$;

CREATE TRIGGER stream_insights_webhooks AFTER INSERT ON stream_insights
    FOR EACH ROW WHEN (NEW.insight_type = 'risk_alert' OR NEW.severity = 'critical')
    EXECUTE FUNCTION agentry_webhook_insight();
