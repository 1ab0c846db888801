-- A node claims only the tasks of the agent types it has an implementation for; the others wait
-- for a node that has them. So that a claim can go straight to the tasks of one type, each task
-- carries its agent's type, written when it is enqueued, and the claim index leads with it.

-- Dropped before the backfill, so that the backfill's new row versions need no entries in it.
DROP INDEX agent_tasks_claim;

ALTER TABLE agent_tasks ADD COLUMN agent_type text;

UPDATE agent_tasks t SET agent_type = a.agent_type FROM ai_agents a WHERE a.id = t.agent_id;

-- A live task whose agent no longer exists has no type any node could claim it by. Its next claim
-- would have failed it ("agent … does not exist"); it fails now, with the same message. One still
-- processing is taken from its node too: the node's late result matches no row (fencing), and had
-- the attempt failed or its lease run out, the task would have waited for a claim forever.
WITH orphan AS (
    UPDATE agent_tasks
    SET status = 'failed', completed_at = now(), locked_by = NULL, lease_expires_at = NULL,
        error_message = format('agent %s does not exist', agent_id)
    WHERE agent_type IS NULL AND status IN ('pending', 'processing')
    RETURNING execution_id, error_message
)
UPDATE agent_executions e
SET status = 'failed', completed_at = now(), error_message = o.error_message
FROM orphan o WHERE e.id = o.execution_id;

-- Every task enqueued from now on names its type. The exception is history: tasks that had ended
-- when their agent was deleted, before this migration ran, have none.
ALTER TABLE agent_tasks ADD CONSTRAINT agent_tasks_live_task_has_agent_type
    CHECK (agent_type IS NOT NULL OR status IN ('completed', 'failed', 'cancelled'));

-- The claim walks this index once per agent type the node runs, in claim order within the type,
-- and stops after n rows each: tasks of types the node does not run are never read, however many.
CREATE INDEX agent_tasks_claim ON agent_tasks (agent_type, priority DESC, scheduled_for, id)
    WHERE status = 'pending';

-- The agent row decides which implementation runs a task: when an agent's type changes, its live
-- tasks follow, so that they are claimed by the nodes that run the new type. (A failed task takes
-- its agent's type again when it is retried.) Each statement is one an index serves: the claim
-- index for pending tasks of the old type, the lease index for processing ones.
CREATE FUNCTION agentry_agent_type_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agent_tasks SET agent_type = NEW.agent_type
    WHERE agent_type = OLD.agent_type AND status = 'pending' AND agent_id = NEW.id;
    UPDATE agent_tasks SET agent_type = NEW.agent_type
    WHERE status = 'processing' AND lease_expires_at IS NOT NULL AND agent_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER ai_agents_type_changed AFTER UPDATE OF agent_type ON ai_agents
    FOR EACH ROW WHEN (OLD.agent_type IS DISTINCT FROM NEW.agent_type)
    EXECUTE FUNCTION agentry_agent_type_changed();

-- What `agentry status` needs to judge a node: the agent types it runs, and how often it promised
-- to write its row. A node is lost when silent for longer than its lease TTL or two heartbeats and
-- a second, whichever is shorter (docs/queue.md). Rows written before this migration get the
-- defaults of RunnerOptions.
ALTER TABLE runner_nodes
    ADD COLUMN agent_types        text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN heartbeat_interval interval NOT NULL DEFAULT interval '10 seconds'
                                  CHECK (heartbeat_interval > interval '0'),
    ADD COLUMN lease_ttl          interval NOT NULL DEFAULT interval '30 seconds'
                                  CHECK (lease_ttl > interval '0');
