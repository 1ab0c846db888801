package io.agentry.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a runner node behaves. Immutable; start from {@link #defaults()}. Every value is checked on
 * construction, and an {@link IllegalArgumentException} names the field that is out of range.
 *
 * @param nodeId names this node in {@code agent_tasks.locked_by} and {@code runner_nodes}
 *     (default: host name, pid and a random suffix)
 * @param slots how many agents run at once on this node (default 3; 1 to 1000)
 * @param pollInterval how often an idle node looks for due tasks when no notification woke it:
 *     the safety net under LISTEN/NOTIFY, and what picks up tasks whose {@code scheduled_for}
 *     arrives (default 5 s; at most 1 h)
 * @param leaseTtl how long a claim stays valid without renewal; a node that dies holding tasks
 *     delays them by at most this (default 30 s; at most 1 day)
 * @param heartbeatInterval how often the node renews the leases it holds, in one statement, and
 *     writes its row in {@code runner_nodes}; shorter than {@code leaseTtl}, and should be well
 *     under it (default 10 s; at most 1 h). {@code agentry status} reports a node lost once it was
 *     silent for longer than its lease TTL or two heartbeat intervals and a second, whichever is
 *     shorter
 * @param defaultTimeout the attempt limit when neither the task nor the agent's configuration
 *     ({@code timeout_seconds}) sets one (default 15 min; at most 7 days)
 * @param shutdownGrace how long a graceful stop lets running agents finish before it interrupts
 *     them and gives their tasks back (default 30 s; 0 to 1 h)
 * @param prefetch how many tasks per slot the node may claim ahead into a local buffer when tasks
 *     are short (default 48; 0 to 1000); the node holds only as many as its slots run within 50 ms
 *     at the average attempt duration, so agents that run for seconds are never prefetched; 0
 *     claims only for free slots
 */
public record RunnerOptions(
        String nodeId,
        int slots,
        Duration pollInterval,
        Duration leaseTtl,
        Duration heartbeatInterval,
        Duration defaultTimeout,
        Duration shutdownGrace,
        int prefetch) {

    public RunnerOptions {
        Objects.requireNonNull(nodeId, "nodeId");
        OptionLimits.requireBetween("slots", slots, 1, 1_000);
        OptionLimits.requirePositive("pollInterval", pollInterval, Duration.ofHours(1));
        OptionLimits.requirePositive("leaseTtl", leaseTtl, Duration.ofDays(1));
        OptionLimits.requirePositive("heartbeatInterval", heartbeatInterval, Duration.ofHours(1));
        OptionLimits.requirePositive("defaultTimeout", defaultTimeout, Duration.ofDays(7));
        OptionLimits.requireBetween("shutdownGrace", shutdownGrace, Duration.ZERO, Duration.ofHours(1));
        OptionLimits.requireBetween("prefetch", prefetch, 0, 1_000);
        if (heartbeatInterval.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException("heartbeatInterval (" + OptionLimits.format(heartbeatInterval)
                    + ") must be shorter than leaseTtl (" + OptionLimits.format(leaseTtl) + ")");
        }
    }

    public static RunnerOptions defaults() {
        return new RunnerOptions(
                defaultNodeId(),
                3,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                48);
    }

    public RunnerOptions withNodeId(String value) {
        return new RunnerOptions(
                value, slots, pollInterval, leaseTtl, heartbeatInterval, defaultTimeout, shutdownGrace, prefetch);
    }

    public RunnerOptions withSlots(int value) {
        return new RunnerOptions(
                nodeId, value, pollInterval, leaseTtl, heartbeatInterval, defaultTimeout, shutdownGrace, prefetch);
    }

    public RunnerOptions withPollInterval(Duration value) {
        return new RunnerOptions(
                nodeId, slots, value, leaseTtl, heartbeatInterval, defaultTimeout, shutdownGrace, prefetch);
    }

    public RunnerOptions withLease(Duration ttl, Duration heartbeat) {
        return new RunnerOptions(nodeId, slots, pollInterval, ttl, heartbeat, defaultTimeout, shutdownGrace, prefetch);
    }

    public RunnerOptions withDefaultTimeout(Duration value) {
        return new RunnerOptions(
                nodeId, slots, pollInterval, leaseTtl, heartbeatInterval, value, shutdownGrace, prefetch);
    }

    public RunnerOptions withShutdownGrace(Duration value) {
        return new RunnerOptions(
                nodeId, slots, pollInterval, leaseTtl, heartbeatInterval, defaultTimeout, value, prefetch);
    }

    public RunnerOptions withPrefetch(int value) {
        return new RunnerOptions(
                nodeId, slots, pollInterval, leaseTtl, heartbeatInterval, defaultTimeout, shutdownGrace, value);
    }

    static String defaultNodeId() {
        return hostName() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
