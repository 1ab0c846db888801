package io.agentry.agent;

import java.util.UUID;

/**
 * Opens the {@link StreamSink} of one attempt. The runner calls it for every attempt of a task
 * with a stream; the process that runs the node decides what stands behind it.
 */
@FunctionalInterface
public interface StreamSinks {

    /** The attempt a sink reports for. */
    record Reporter(UUID orgId, UUID streamId, UUID executionId, UUID agentId, String agentType, int attempt) {}

    StreamSink open(Reporter reporter);

    /** Drops every report: for nodes and tests that have no streams. */
    StreamSinks NONE = reporter -> StreamSink.NONE;
}
