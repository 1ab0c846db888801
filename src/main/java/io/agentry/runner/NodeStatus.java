package io.agentry.runner;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A runner node as the database knows it.
 *
 * @param status {@code running}, {@code draining} or {@code stopped}; a node that stopped
 *     heartbeating (killed, cut off) is reported {@code stopped} and {@code lost}
 * @param inFlight tasks the node held at its last heartbeat
 * @param agentTypes the agent types the node runs: it claims only tasks of these
 * @param heartbeatIntervalMs how often the node said it would write its row, in milliseconds
 * @param leaseTtlMs the lease the node's claims carry, in milliseconds
 * @param lostAfterMs how long the node may be silent before it is reported lost, in milliseconds:
 *     the shorter of its lease TTL and two heartbeat intervals plus a second
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NodeStatus(
        String nodeId,
        String hostname,
        long pid,
        String status,
        boolean lost,
        int slots,
        int inFlight,
        List<String> agentTypes,
        Instant startedAt,
        Instant heartbeatAt,
        long heartbeatIntervalMs,
        long leaseTtlMs,
        long lostAfterMs) {}
