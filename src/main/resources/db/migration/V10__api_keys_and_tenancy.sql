-- The HTTP API's keys, and tenancy enforced by the database as well as by every query.
-- See docs/api.md ("Keys and tenancy").

CREATE TABLE api_keys (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name         text NOT NULL CHECK (name <> ''),
    role         text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    -- SHA-256 of the key. Keys are 32 random bytes: a slow hash would add nothing but latency.
    key_hash     bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_keys_org ON api_keys (org_id, created_at);

-- Requests made with an org's key run as this role, with the org bound to the session
-- (agentry.org_id) for as long as the request holds the connection. The row-level security
-- policies below apply to it alone: the engine (runner, scheduler, maintenance) connects as the
-- tables' owner, which they do not bind, so its statements and plans are unchanged.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'agentry_tenant') THEN
        CREATE ROLE agentry_tenant NOLOGIN;
    END IF;
    IF NOT pg_has_role(current_user, 'agentry_tenant', 'MEMBER') THEN
        EXECUTE format('GRANT agentry_tenant TO %I', current_user);
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'Agentry needs the role agentry_tenant for row-level security, and % may not create or grant it', current_user
        USING HINT = format('Ask an administrator of the server to run: CREATE ROLE agentry_tenant NOLOGIN; GRANT agentry_tenant TO %I;', current_user);
END $$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO agentry_tenant', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO agentry_tenant', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO agentry_tenant', current_schema());
    -- Tables that later migrations create get the same.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO agentry_tenant', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO agentry_tenant', current_schema());
END $$;

-- Shared by every org, and written only by the engine and the import commands.
REVOKE INSERT, UPDATE, DELETE ON companies, sic_codes, company_pscs, catalogue_snapshot, runner_nodes
    FROM agentry_tenant;

-- The org a tenant session is bound to; NULL (no rows) when none is.
CREATE FUNCTION agentry_tenant_org() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('agentry.org_id', true), '')::uuid $$;

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organizations TO agentry_tenant
    USING (id = agentry_tenant_org()) WITH CHECK (id = agentry_tenant_org());

DO $$
DECLARE
    owned text;
BEGIN
    FOREACH owned IN ARRAY ARRAY['api_keys', 'ai_agents', 'agent_tasks', 'agent_executions', 'streams',
                                 'buying_signals', 'stream_events', 'stream_agent_assignments', 'workflow_runs']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned);
        EXECUTE format('CREATE POLICY tenant ON %I TO agentry_tenant '
                       'USING (org_id = agentry_tenant_org()) WITH CHECK (org_id = agentry_tenant_org())', owned);
    END LOOP;
END $$;

-- Owned through their stream (the streams the session sees are its org's alone).
DO $$
DECLARE
    owned text;
BEGIN
    FOREACH owned IN ARRAY ARRAY['stream_items', 'stream_insights']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', owned);
        EXECUTE format('CREATE POLICY tenant ON %I TO agentry_tenant '
                       'USING (stream_id IN (SELECT id FROM streams)) WITH CHECK (stream_id IN (SELECT id FROM streams))',
                       owned);
    END LOOP;
END $$;

ALTER TABLE schedule_fires ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON schedule_fires TO agentry_tenant
    USING (agent_id IN (SELECT id FROM ai_agents)) WITH CHECK (agent_id IN (SELECT id FROM ai_agents));

-- The API lists an org's tasks newest first.
CREATE INDEX agent_tasks_org_created ON agent_tasks (org_id, created_at DESC, id DESC);
