package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.org.Organizations;
import io.agentry.queue.TaskType;
import io.agentry.runner.Runner;
import io.agentry.support.Clock;
import io.agentry.workflow.AssignmentRequest;
import io.agentry.workflow.Assignments;
import io.agentry.workflow.RunStart;
import io.agentry.workflow.RunTrigger;
import io.agentry.workflow.Workflows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * W4, workflow chains: runs of a three-agent chain (A, then B once A completed, then C once B
 * completed; no-op agents, auto-executed dependents) on one node with C slots. First 1,000 runs
 * started together, timed until the last C completed: runs per second. Then runs one at a time on
 * the idle node. A hop is the time from a dependency's agent returning to its dependent's agent
 * starting: the completer's write, the dependency trigger in the same transaction, the commit, the
 * wake-up and the claim. Every run is checked to have run each agent exactly once.
 */
final class ChainBench {
    static final String TYPE = "bench_chain";
    static final int RUNS = 1_000;
    static final int IDLE_RUNS = 100;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"runs", "seconds", "runs_per_s", "hop_ms_under_load", "idle_runs", "hop_ms_idle", "faults"})
    record Result(
            int runs,
            double seconds,
            double runsPerS,
            Stats hopMsUnderLoad,
            int idleRuns,
            Stats hopMsIdle,
            int faults,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {
        @Override
        public String summary() {
            return String.format(
                    "W4 workflow chains (A -> B -> C, no-op agents): %d runs in %.2f s = %.0f runs/s%n"
                            + "  hop under load: p50 %s ms, p99 %s ms, max %s ms%n"
                            + "  hop on an idle node (%d runs one at a time): p50 %s ms, p95 %s ms, p99 %s ms, max %s ms;"
                            + " faults %d",
                    runs,
                    seconds,
                    runsPerS,
                    hopMsUnderLoad.p50(),
                    hopMsUnderLoad.p99(),
                    hopMsUnderLoad.max(),
                    idleRuns,
                    hopMsIdle.p50(),
                    hopMsIdle.p95(),
                    hopMsIdle.p99(),
                    hopMsIdle.max(),
                    faults);
        }
    }

    /** When each agent of each run started and returned, in process-clock microseconds. */
    private static final class Steps {
        final Map<UUID, long[]> byRun = new ConcurrentHashMap<>();
        volatile CountDownLatch last = new CountDownLatch(0);

        void record(UUID run, int step, long start, long end) {
            long[] times = byRun.computeIfAbsent(run, id -> new long[6]);
            synchronized (times) {
                times[step * 2] = start;
                times[step * 2 + 1] = end;
            }
            if (step == 2) {
                last.countDown();
            }
        }

        /** Hops of the given runs: B start - A end, C start - B end. */
        long[] hops(List<UUID> runs) {
            long[] hops = new long[runs.size() * 2];
            int n = 0;
            for (UUID run : runs) {
                long[] t = byRun.get(run);
                if (t != null && t[5] > 0) {
                    hops[n++] = t[2] - t[1];
                    hops[n++] = t[4] - t[3];
                }
            }
            return Arrays.copyOf(hops, n);
        }
    }

    Result run(BenchContext context) throws Exception {
        Clock clock = context.clock();
        Steps steps = new Steps();
        try (Database database = context.database().connect(Worker.POOL_SIZE)) {
            UUID org = new Organizations(database.dataSource()).findOrCreate("W4");
            UUID stream =
                    insert(database, "INSERT INTO streams (org_id, name) VALUES ('" + org + "', 'W4') RETURNING id");
            List<UUID> chain = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                chain.add(insert(
                        database,
                        "INSERT INTO ai_agents (org_id, agent_type, name) VALUES ('" + org + "', '" + TYPE + "', '"
                                + name + "') RETURNING id"));
            }
            Assignments assignments = new Assignments(database.dataSource());
            assignments.assign(org, stream, AssignmentRequest.of(chain.get(0)));
            for (int k = 1; k < 3; k++) {
                assignments.assign(
                        org,
                        stream,
                        AssignmentRequest.of(chain.get(k))
                                .withAutoExecute(true)
                                .withDependsOn(List.of(chain.get(k - 1))));
            }
            AgentRegistry registry = new AgentRegistry().register(TYPE, agent -> {
                long start = clock.epochMicros();
                steps.record(agent.workflowRunId(), chain.indexOf(agent.agentId()), start, clock.epochMicros());
                return AgentResult.success(null);
            });
            try (Runner runner = new Runner(
                    database, registry, Worker.options(context.settings().concurrency()), clock)) {
                runner.start();
                Pause.forMillis(clock, 500);
                RunStart start =
                        new RunStart(null, org, stream, chain.get(0), RunTrigger.API, TaskType.MANUAL_TRIGGER, 5);
                context.progress().printf("W4: %d runs of a three-agent chain at once%n", RUNS);
                steps.last = new CountDownLatch(RUNS);
                long began = clock.nanoTime();
                List<UUID> loaded = Sql.transaction(
                        database.dataSource(),
                        connection -> Workflows.startRuns(connection, Collections.nCopies(RUNS, start)));
                boolean done = steps.last.await(Math.max(1, context.deadline().remainingNanos()), TimeUnit.NANOSECONDS);
                double seconds = (clock.nanoTime() - began) / 1e9;
                context.progress().printf("W4: %d runs one at a time on the idle node%n", IDLE_RUNS);
                List<UUID> idle = new ArrayList<>();
                for (int i = 0; i < IDLE_RUNS && done; i++) {
                    steps.last = new CountDownLatch(1);
                    idle.addAll(Sql.transaction(
                            database.dataSource(), connection -> Workflows.startRuns(connection, List.of(start))));
                    done = steps.last.await(Math.max(1, context.deadline().remainingNanos()), TimeUnit.NANOSECONDS);
                    Pause.forMillis(clock, 20);
                }
                awaitRunsEnded(database, stream, context);
                return new Result(
                        RUNS,
                        seconds,
                        RUNS / seconds,
                        Stats.ofMicros(steps.hops(loaded)),
                        idle.size(),
                        Stats.ofMicros(steps.hops(idle)),
                        faults(database, stream, loaded.size() + idle.size()),
                        !done);
            }
        }
    }

    /** The last C returned before its completion was written: wait for every run to end. */
    private static void awaitRunsEnded(Database database, UUID stream, BenchContext context)
            throws InterruptedException {
        while (!context.deadline().passed()
                && count(
                                database,
                                "SELECT count(*) FROM workflow_runs WHERE status = 'running' AND stream_id = '" + stream
                                        + "'")
                        > 0) {
            Pause.forMillis(context.clock(), 10);
        }
    }

    /** Runs not completed, or not with exactly one completed execution of each of the three agents. */
    private static int faults(Database database, UUID stream, int runs) {
        long good = count(database, """
                SELECT count(*) FROM workflow_runs r
                WHERE r.stream_id = '%s' AND r.status = 'completed'
                  AND (SELECT count(*) FROM agent_executions e
                       WHERE e.workflow_run_id = r.id AND e.status = 'completed') = 3
                  AND (SELECT count(DISTINCT e.agent_id) FROM agent_executions e WHERE e.workflow_run_id = r.id) = 3
                """.formatted(stream));
        return (int) (runs - good);
    }

    private static UUID insert(Database database, String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });
    }

    private static long count(Database database, String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
