package io.agentry.runner;

import java.time.Instant;

/**
 * A runner node as the database knows it.
 *
 * @param status {@code running}, {@code draining} or {@code stopped}; a node that stopped
 *     heartbeating (killed, cut off) is reported {@code stopped} and {@code lost}
 * @param inFlight tasks the node held at its last heartbeat
 */
public record NodeStatus(
        String nodeId,
        String hostname,
        long pid,
        String status,
        boolean lost,
        int slots,
        int inFlight,
        Instant startedAt,
        Instant heartbeatAt) {}
