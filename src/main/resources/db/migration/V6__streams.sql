-- Streams: a sales team's goal, the companies the agents add to it, what they conclude about it,
-- the buying signals they detect, and the feed of events behind the live view. See docs/streams.md.

CREATE TABLE streams (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id           uuid NOT NULL REFERENCES organizations (id),
    name             text NOT NULL CHECK (name <> ''),
    description      text,
    stream_type      text NOT NULL DEFAULT 'prospecting'
                     CHECK (stream_type IN ('prospecting', 'research', 'monitoring', 'collection')),
    stages           jsonb NOT NULL DEFAULT '[]',
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'archived')),
    goal_criteria    jsonb NOT NULL DEFAULT '{}',
    target_metrics   jsonb NOT NULL DEFAULT '{}',
    success_criteria jsonb NOT NULL DEFAULT '{}',
    -- The last progress an execution published ({completed, total, percentage}); reading progress
    -- computes it afresh and writes nothing.
    current_progress jsonb NOT NULL DEFAULT '{}',
    goal_deadline    timestamptz,
    goal_status      text NOT NULL DEFAULT 'not_started'
                     CHECK (goal_status IN ('not_started', 'in_progress', 'on_track', 'at_risk', 'completed',
                                            'failed', 'paused')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX streams_org_created ON streams (org_id, created_at DESC);
-- A stream's executions: whether any agent has worked on it, and its history.
CREATE INDEX agent_executions_stream ON agent_executions (stream_id, created_at DESC) WHERE stream_id IS NOT NULL;

-- A company (or other thing) on a stream. Its score is metadata.quality_score (0-5, with its
-- components and reasons beside it), its band is priority, its rank is position (1 = best).
CREATE TABLE stream_items (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    stream_id         uuid NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    item_type         text NOT NULL DEFAULT 'company' CHECK (item_type IN ('company', 'note', 'task')),
    company_id        bigint REFERENCES companies (id),
    title             text NOT NULL,
    description       text,
    stage_id          text,
    priority          text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    position          integer,
    metadata          jsonb NOT NULL DEFAULT '{}',
    added_by_agent_id uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (item_type <> 'company' OR company_id IS NOT NULL)
);
-- A company is on a stream once: agents add with ON CONFLICT DO NOTHING, so a retried attempt
-- and a second run add nothing twice.
CREATE UNIQUE INDEX stream_items_company ON stream_items (stream_id, company_id) WHERE company_id IS NOT NULL;
CREATE INDEX stream_items_rank ON stream_items (stream_id, position);

CREATE TABLE stream_insights (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    stream_id          uuid NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    insight_type       text NOT NULL
                       CHECK (insight_type IN ('progress_update', 'quality_assessment', 'recommendation',
                                               'risk_alert', 'milestone_achieved', 'optimization_suggestion')),
    title              text NOT NULL,
    description        text,
    severity           text NOT NULL DEFAULT 'info' CHECK (severity IN ('info', 'success', 'warning', 'critical')),
    data               jsonb NOT NULL DEFAULT '{}',
    generated_by       text,
    agent_execution_id uuid,
    is_read            boolean NOT NULL DEFAULT false,
    is_actionable      boolean NOT NULL DEFAULT false,
    action_taken       text,
    action_taken_at    timestamptz,
    -- The fact the insight states ("milestone:50", "risk:low_yield:<state>"): one insight per fact.
    dedupe_key         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_id, dedupe_key)
);
CREATE INDEX stream_insights_stream_created ON stream_insights (stream_id, created_at DESC);

-- Signals belong to the org that detected them: two orgs watching one company each get their own.
-- A re-run finds the same (company, type, source) and adds nothing.
CREATE TABLE buying_signals (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id       bigint NOT NULL REFERENCES companies (id),
    org_id           uuid NOT NULL REFERENCES organizations (id),
    signal_type      text NOT NULL
                     CHECK (signal_type IN ('job_posting', 'funding_round', 'executive_change',
                                            'companies_house_filing', 'news_mention')),
    signal_strength  text NOT NULL CHECK (signal_strength IN ('very_strong', 'strong', 'moderate', 'weak')),
    confidence_score integer NOT NULL CHECK (confidence_score BETWEEN 0 AND 100),
    signal_data      jsonb NOT NULL DEFAULT '{}',
    detected_at      timestamptz NOT NULL DEFAULT now(),
    detected_by      text,
    status           text NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'acted_upon', 'expired', 'false_positive')),
    expires_at       timestamptz,
    source_ref       text NOT NULL,
    UNIQUE (org_id, company_id, signal_type, source_ref)
);
CREATE INDEX buying_signals_company ON buying_signals (company_id, org_id);
CREATE INDEX buying_signals_org_detected ON buying_signals (org_id, detected_at DESC);

-- The persisted feed behind the live view: progress-update, agent-activity, milestone, insight.
-- Ids increase in commit order closely enough for a reader to resume after the last id it saw.
CREATE TABLE stream_events (
    id         bigserial PRIMARY KEY,
    stream_id  uuid NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    org_id     uuid NOT NULL,
    event_type text NOT NULL CHECK (event_type IN ('progress-update', 'agent-activity', 'milestone', 'insight')),
    payload    jsonb NOT NULL DEFAULT '{}',
    -- What the event reports ("execution:<id>:completed"): written once, however often an attempt
    -- is retried.
    dedupe_key text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream_id, dedupe_key)
);
-- A reader resumes a stream's feed after the last id it saw.
CREATE INDEX stream_events_stream_id ON stream_events (stream_id, id);
