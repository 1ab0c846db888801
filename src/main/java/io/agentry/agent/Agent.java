package io.agentry.agent;

/**
 * An agent: the work behind one {@code agent_type}. The runner calls {@link #run} once per
 * attempt, on a thread of its own.
 *
 * <p>An agent that throws, returns {@link AgentResult#failure}, or outlives its timeout fails the
 * attempt; the task is retried with backoff while it has retries left. Long-running agents should
 * check {@link AgentContext#isStopRequested()} (or respond to interruption) between steps: the
 * runner asks them to stop when the task is cancelled, times out, loses its lease or the node
 * shuts down.
 */
@FunctionalInterface
public interface Agent {
    AgentResult run(AgentContext context) throws Exception;
}
