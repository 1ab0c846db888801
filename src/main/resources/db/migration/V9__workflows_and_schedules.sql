-- Workflows and schedules: which agents work on a stream and in what order, the runs that chain
-- them, and the record of every schedule fire. See docs/workflows.md and docs/schedules.md.

-- An agent assigned to a stream. depends_on_agent_ids are agents assigned to the same stream;
-- the application checks that they form no cycle. The counters are kept by the engine in the
-- transaction that ends each execution (docs/workflows.md says which executions count).
CREATE TABLE stream_agent_assignments (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    stream_id             uuid NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    agent_id              uuid NOT NULL REFERENCES ai_agents (id) ON DELETE CASCADE,
    org_id                uuid NOT NULL REFERENCES organizations (id),
    assignment_role       text NOT NULL DEFAULT 'primary'
                          CHECK (assignment_role IN ('primary', 'enrichment', 'scoring', 'monitoring', 'notification')),
    execution_order       integer,
    is_active             boolean NOT NULL DEFAULT true,
    auto_execute          boolean NOT NULL DEFAULT false,
    execution_frequency   text,
    execution_config      jsonb NOT NULL DEFAULT '{}',
    depends_on_agent_ids  uuid[] NOT NULL DEFAULT '{}',
    total_executions      integer NOT NULL DEFAULT 0 CHECK (total_executions >= 0),
    successful_executions integer NOT NULL DEFAULT 0 CHECK (successful_executions >= 0),
    last_executed_at      timestamptz,
    avg_execution_time_ms integer,
    -- The sum behind avg_execution_time_ms, so the average stays exact as executions add up.
    total_execution_time_ms bigint NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_id, agent_id)
);
CREATE INDEX stream_agent_assignments_agent ON stream_agent_assignments (agent_id);

-- One run of a stream's workflow. agent_id is the agent the run started from when it started
-- from one (a manual execute, a schedule); null when it started every root of the stream.
CREATE TABLE workflow_runs (
    id            uuid PRIMARY KEY,
    org_id        uuid NOT NULL REFERENCES organizations (id),
    stream_id     uuid REFERENCES streams (id) ON DELETE CASCADE,
    agent_id      uuid,
    trigger       text NOT NULL CHECK (trigger IN ('manual', 'schedule', 'dependency', 'api')),
    status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    goal_context  jsonb,
    error_message text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX workflow_runs_stream ON workflow_runs (stream_id, created_at DESC);
-- A schedule looks for a run of its own still going before it starts another.
CREATE INDEX workflow_runs_running ON workflow_runs (agent_id, stream_id) WHERE status = 'running';

-- A run's tasks and executions: what is left to do, what has completed, what to cancel.
CREATE INDEX agent_tasks_run ON agent_tasks (workflow_run_id, agent_id) WHERE workflow_run_id IS NOT NULL;
CREATE INDEX agent_executions_run ON agent_executions (workflow_run_id) WHERE workflow_run_id IS NOT NULL;

-- Every fire of a schedule, or its skip. The unique key makes a second fire of the same slot
-- impossible, whichever node believes it leads.
CREATE TABLE schedule_fires (
    agent_id        uuid NOT NULL REFERENCES ai_agents (id) ON DELETE CASCADE,
    stream_id       uuid REFERENCES streams (id) ON DELETE CASCADE,
    fire_time       timestamptz NOT NULL,
    outcome         text NOT NULL CHECK (outcome IN ('fired', 'skipped')),
    workflow_run_id uuid,
    reason          text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX schedule_fires_once
    ON schedule_fires (agent_id, coalesce(stream_id, '00000000-0000-0000-0000-000000000000'::uuid), fire_time);

-- The scheduler's tick reads the due schedules in fire order.
CREATE INDEX ai_agents_due ON ai_agents (next_run_at) WHERE schedule_cron IS NOT NULL AND is_active;
