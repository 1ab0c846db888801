-- The engine's tables: organizations, agents, the task queue and the execution history.
-- Seed columns are kept with their names; the additions are described in docs/queue.md.

CREATE TABLE organizations (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                 text NOT NULL CHECK (name <> ''),
    created_at           timestamptz NOT NULL DEFAULT now(),
    monthly_budget_usd   numeric(12, 2) CHECK (monthly_budget_usd >= 0),
    max_concurrent_tasks integer CHECK (max_concurrent_tasks > 0),
    weight               integer NOT NULL DEFAULT 1 CHECK (weight > 0)
);

CREATE TABLE ai_agents (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id            uuid NOT NULL REFERENCES organizations (id),
    agent_type        text NOT NULL CHECK (agent_type ~ '^[a-z][a-z0-9_]*$'),
    name              text NOT NULL CHECK (name <> ''),
    description       text,
    configuration     jsonb NOT NULL DEFAULT '{}',
    is_active         boolean NOT NULL DEFAULT true,
    schedule_cron     text,
    schedule_timezone text NOT NULL DEFAULT 'UTC',
    last_run_at       timestamptz,
    next_run_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ai_agents_org ON ai_agents (org_id);

-- One row per task: created 'queued' with its task, 'running' while an attempt runs, back to
-- 'queued' between retries, and ended in the same statement that ends the task. A history table:
-- no foreign keys (its agent and org come from the task, checked when the task is created, and
-- the rows outlive pruned tasks), few indexes, room on each page for HOT updates.
CREATE TABLE agent_executions (
    id              uuid PRIMARY KEY,
    agent_id        uuid NOT NULL,
    org_id          uuid NOT NULL,
    stream_id       uuid,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    started_at      timestamptz,
    completed_at    timestamptz,
    duration_ms     integer CHECK (duration_ms >= 0),
    input_data      jsonb,
    output_data     jsonb,
    goal_context    jsonb,
    results_summary jsonb,
    error_message   text,
    metrics         jsonb NOT NULL DEFAULT '{}',
    task_id         uuid,
    workflow_run_id uuid,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at      timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 80);

CREATE INDEX agent_executions_org_created ON agent_executions (org_id, created_at DESC);

-- The hot table. Its agent and org are checked once per enqueue statement (the agent must exist
-- and belong to the org), not by foreign keys row by row; a task whose agent was deleted later
-- fails with a clear message when it is claimed.
CREATE TABLE agent_tasks (
    id                  uuid PRIMARY KEY,
    agent_id            uuid NOT NULL,
    org_id              uuid NOT NULL,
    task_type           text NOT NULL
                        CHECK (task_type IN ('stream_execution', 'scheduled_run', 'manual_trigger')),
    priority            integer NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    payload             jsonb NOT NULL DEFAULT '{}',
    status              text NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    retry_count         integer NOT NULL DEFAULT 0 CHECK (retry_count >= 0),
    max_retries         integer NOT NULL DEFAULT 3 CHECK (max_retries >= 0),
    scheduled_for       timestamptz NOT NULL DEFAULT now(),
    error_message       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    started_at          timestamptz,
    completed_at        timestamptz,
    attempt             integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    locked_by           text,
    lease_expires_at    timestamptz,
    timeout_seconds     integer CHECK (timeout_seconds > 0),
    dedupe_key          text,
    execution_id        uuid NOT NULL,
    workflow_run_id     uuid,
    cancel_requested_at timestamptz,
    CHECK (status <> 'processing' OR (locked_by IS NOT NULL AND lease_expires_at IS NOT NULL))
);

-- The claim walks this index in claim order and stops after n rows: flat as pending rows grow.
CREATE INDEX agent_tasks_claim ON agent_tasks (priority DESC, scheduled_for, id)
    WHERE status = 'pending';
-- The rescuer and the heartbeat only look at tasks being processed.
CREATE INDEX agent_tasks_lease ON agent_tasks (lease_expires_at) WHERE status = 'processing';
-- A dedupe key is unique among live tasks; once a task ends its key can be used again.
CREATE UNIQUE INDEX agent_tasks_dedupe ON agent_tasks (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND status IN ('pending', 'processing');
-- Pruning finds old completed tasks; the seed's "View Failed Tasks" lists failed ones.
CREATE INDEX agent_tasks_completed ON agent_tasks (completed_at) WHERE status = 'completed';
CREATE INDEX agent_tasks_failed ON agent_tasks (created_at DESC) WHERE status = 'failed';

-- Idle runners LISTEN on this channel; one notification per inserting statement wakes them.
CREATE FUNCTION agentry_notify_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('agentry_tasks', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER agent_tasks_notify AFTER INSERT ON agent_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION agentry_notify_tasks();

-- One row per runner node, written by the node's heartbeat: what `agentry status` reports.
CREATE TABLE runner_nodes (
    node_id      text PRIMARY KEY,
    hostname     text NOT NULL,
    pid          bigint NOT NULL,
    status       text NOT NULL CHECK (status IN ('running', 'draining', 'stopped')),
    slots        integer NOT NULL CHECK (slots > 0),
    in_flight    integer NOT NULL DEFAULT 0 CHECK (in_flight >= 0),
    started_at   timestamptz NOT NULL DEFAULT now(),
    heartbeat_at timestamptz NOT NULL DEFAULT now(),
    stopped_at   timestamptz
);
