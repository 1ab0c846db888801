package io.agentry.cli;

import io.agentry.runner.Maintenance;
import io.agentry.runner.RunnerOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a runner node behaves: flags shared by {@code serve} and {@code worker}. */
final class RunnerFlags {

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
            description = "Agents this node runs at once. Env AGENTRY_SLOTS. Default: ${DEFAULT-VALUE}.")
    int slots;

    @Option(
            names = "--poll-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_POLL_INTERVAL:-5s}",
            description = "How often an idle node looks for due tasks without a notification. "
                    + "Env AGENTRY_POLL_INTERVAL. Default: ${DEFAULT-VALUE}.")
    Duration pollInterval;

    @Option(
            names = "--lease-ttl",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_LEASE_TTL:-30s}",
            description = "How long a claim lasts without renewal: the longest a dead node delays "
                    + "its tasks. Env AGENTRY_LEASE_TTL. Default: ${DEFAULT-VALUE}.")
    Duration leaseTtl;

    @Option(
            names = "--heartbeat-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_HEARTBEAT_INTERVAL:-10s}",
            description = "How often leases are renewed; shorter than --lease-ttl. "
                    + "Env AGENTRY_HEARTBEAT_INTERVAL. Default: ${DEFAULT-VALUE}.")
    Duration heartbeatInterval;

    @Option(
            names = "--default-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_DEFAULT_TIMEOUT:-15m}",
            description = "Attempt limit when neither the task nor the agent sets timeout_seconds. "
                    + "Env AGENTRY_DEFAULT_TIMEOUT. Default: ${DEFAULT-VALUE}.")
    Duration defaultTimeout;

    @Option(
            names = "--shutdown-grace",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_SHUTDOWN_GRACE:-30s}",
            description = "On shutdown, how long running agents may finish before they are "
                    + "interrupted and their tasks given back. Env AGENTRY_SHUTDOWN_GRACE. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration shutdownGrace;

    @Option(
            names = "--prefetch",
            paramLabel = "N",
            defaultValue = "${env:AGENTRY_PREFETCH:-48}",
            description = "Tasks per slot a node may claim ahead while tasks are short: it keeps at most "
                    + "about 50 ms of work waiting, so agents that run for seconds are never prefetched; "
                    + "0 claims only for free slots. Env AGENTRY_PREFETCH. Default: ${DEFAULT-VALUE}.")
    int prefetch;

    @Option(
            names = "--rescue-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_RESCUE_INTERVAL:-5s}",
            description = "How often the leader returns expired leases to the queue. "
                    + "Env AGENTRY_RESCUE_INTERVAL. Default: ${DEFAULT-VALUE}.")
    Duration rescueInterval;

    @Option(
            names = "--retention",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "${env:AGENTRY_RETENTION:-7d}",
            description = "How long completed tasks are kept before they are pruned "
                    + "(their executions stay). Env AGENTRY_RETENTION. Default: ${DEFAULT-VALUE}.")
    Duration retention;

    RunnerOptions runnerOptions() {
        RunnerOptions defaults = RunnerOptions.defaults();
        return new RunnerOptions(
                nodeId == null || nodeId.isBlank() ? defaults.nodeId() : nodeId,
                slots,
                pollInterval,
                leaseTtl,
                heartbeatInterval,
                defaultTimeout,
                shutdownGrace,
                prefetch);
    }

    Maintenance.Options maintenanceOptions() {
        return new Maintenance.Options(rescueInterval, retention);
    }
}
