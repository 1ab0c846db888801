package io.agentry.cli;

import io.agentry.runner.Maintenance;
import io.agentry.runner.RunnerOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a runner node behaves: flags shared by {@code serve} and {@code worker}. */
final class RunnerFlags {
    // The accepted ranges, in --help and in the checks.
    private static final String SLOTS = "1..1000";
    private static final String POLL_INTERVAL = "10ms..1h";
    private static final String LEASE_TTL = "1s..1d";
    private static final String HEARTBEAT_INTERVAL = "100ms..1h";
    private static final String DEFAULT_TIMEOUT = "1s..7d";
    private static final String SHUTDOWN_GRACE = "0s..1h";
    private static final String PREFETCH = "0..1000";
    private static final String RESCUE_INTERVAL = "100ms..1h";
    private static final String RETENTION = "1m..3650d";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--node-id",
            paramLabel = "ID",
            defaultValue = "${env:AGENTRY_NODE_ID}",
            description = "Name of this node in agent_tasks.locked_by and `agentry status`. "
                    + "Env AGENTRY_NODE_ID. Default: host-pid-random.")
    String nodeId;

    @Option(
            names = "--slots",
            paramLabel = "N",
            defaultValue = "${env:AGENTRY_SLOTS:-3}",
            description =
                    "Agents this node runs at once (" + SLOTS + "). Env AGENTRY_SLOTS. " + "Default: ${DEFAULT-VALUE}.")
    String slots;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_POLL_INTERVAL:-5s}",
            description = "How often an idle node looks for due tasks without a notification " + "(" + POLL_INTERVAL
                    + "). Env AGENTRY_POLL_INTERVAL. Default: ${DEFAULT-VALUE}.")
    String pollInterval;

    @Option(
            names = "--lease-ttl",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_LEASE_TTL:-30s}",
            description = "How long a claim lasts without renewal: the longest a dead node delays " + "its tasks ("
                    + LEASE_TTL + "). Env AGENTRY_LEASE_TTL. Default: ${DEFAULT-VALUE}.")
    String leaseTtl;

    @Option(
            names = "--heartbeat-interval",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_HEARTBEAT_INTERVAL:-10s}",
            description = "How often leases are renewed (" + HEARTBEAT_INTERVAL + "), shorter than "
                    + "--lease-ttl. Env AGENTRY_HEARTBEAT_INTERVAL. Default: ${DEFAULT-VALUE}.")
    String heartbeatInterval;

    @Option(
            names = "--default-timeout",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_DEFAULT_TIMEOUT:-15m}",
            description = "Attempt limit when neither the task nor the agent sets timeout_seconds " + "("
                    + DEFAULT_TIMEOUT + "). Env AGENTRY_DEFAULT_TIMEOUT. Default: ${DEFAULT-VALUE}.")
    String defaultTimeout;

    @Option(
            names = "--shutdown-grace",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_SHUTDOWN_GRACE:-30s}",
            description = "On shutdown, how long running agents may finish before they are "
                    + "interrupted and their tasks given back (" + SHUTDOWN_GRACE + "). "
                    + "Env AGENTRY_SHUTDOWN_GRACE. Default: ${DEFAULT-VALUE}.")
    String shutdownGrace;

    @Option(
            names = "--prefetch",
            paramLabel = "N",
            defaultValue = "${env:AGENTRY_PREFETCH:-48}",
            description = "Tasks per slot a node may claim ahead while tasks are short (" + PREFETCH
                    + "): it keeps at most about 50 ms of work waiting, so agents that run for seconds "
                    + "are never prefetched; 0 claims only for free slots. Env AGENTRY_PREFETCH. "
                    + "Default: ${DEFAULT-VALUE}.")
    String prefetch;

    @Option(
            names = "--rescue-interval",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_RESCUE_INTERVAL:-5s}",
            description = "How often the leader returns expired leases to the queue (" + RESCUE_INTERVAL
                    + "). Env AGENTRY_RESCUE_INTERVAL. Default: ${DEFAULT-VALUE}.")
    String rescueInterval;

    @Option(
            names = "--retention",
            paramLabel = "DURATION",
            defaultValue = "${env:AGENTRY_RETENTION:-7d}",
            description = "How long completed tasks are kept before they are pruned (" + RETENTION + "); their "
                    + "executions stay. Env AGENTRY_RETENTION. Default: ${DEFAULT-VALUE}.")
    String retention;

    RunnerOptions runnerOptions() {
        FlagValues flags = new FlagValues(command);
        int slotCount = flags.whole("--slots", slots, SLOTS);
        Duration poll = flags.duration("--poll-interval", pollInterval, POLL_INTERVAL);
        Duration lease = flags.duration("--lease-ttl", leaseTtl, LEASE_TTL);
        Duration heartbeat = flags.duration("--heartbeat-interval", heartbeatInterval, HEARTBEAT_INTERVAL);
        Duration timeout = flags.duration("--default-timeout", defaultTimeout, DEFAULT_TIMEOUT);
        Duration grace = flags.duration("--shutdown-grace", shutdownGrace, SHUTDOWN_GRACE);
        int prefetchPerSlot = flags.whole("--prefetch", prefetch, PREFETCH);
        if (heartbeat.compareTo(lease) >= 0) {
            throw flags.error(flags.quote("--heartbeat-interval", heartbeatInterval) + " must be shorter than "
                    + flags.quote("--lease-ttl", leaseTtl));
        }
        return new RunnerOptions(
                nodeId == null || nodeId.isBlank() ? RunnerOptions.defaults().nodeId() : nodeId,
                slotCount,
                poll,
                lease,
                heartbeat,
                timeout,
                grace,
                prefetchPerSlot);
    }

    Maintenance.Options maintenanceOptions() {
        FlagValues flags = new FlagValues(command);
        return new Maintenance.Options(
                flags.duration("--rescue-interval", rescueInterval, RESCUE_INTERVAL),
                flags.duration("--retention", retention, RETENTION));
    }
}
