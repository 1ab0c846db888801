package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.schedule.Scheduler;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The scheduler's tick with 10,000 agents due at once ("0 9 * * *", every one due a minute ago),
 * none assigned to a stream: one tick fires them all, one workflow run and one {@code
 * scheduled_run} task each. Before each round (not timed) the fires, runs, tasks and executions
 * of the previous one are deleted, the agents made due again and the tables vacuumed and analysed.
 * Each round times one {@code Scheduler.runOnce()} of a scheduler already elected leader, with
 * the default options (batches of 1,000, one transaction each), then checks that every agent fired exactly once, started exactly one
 * task, and has its next fire in the future. 1 untimed round, then 9 timed.
 */
final class ScheduleTickBench {
    static final int AGENTS = 10_000;
    static final int WARMUP = 1;
    static final int SAMPLES = 9;
    static final String CRON = "0 9 * * *";

    private static final String AGENTS_SQL = """
            INSERT INTO ai_agents (org_id, agent_type, name, schedule_cron, schedule_timezone, next_run_at)
            SELECT ?, ?, 'scheduled ' || i, ?, 'Europe/London', now() - interval '1 minute'
            FROM generate_series(1, ?) AS i
            """;

    private static final String RESET = """
            DELETE FROM schedule_fires;
            DELETE FROM agent_tasks;
            DELETE FROM agent_executions;
            DELETE FROM workflow_runs;
            UPDATE ai_agents SET next_run_at = now() - interval '1 minute', last_run_at = NULL
            WHERE schedule_cron IS NOT NULL
            """;

    /** Agents that fired other than once, tasks other than one per agent, next fires not in the future. */
    private static final String CHECK = """
            SELECT
              (SELECT count(*) FROM ai_agents a WHERE a.schedule_cron IS NOT NULL
                 AND (SELECT count(*) FROM schedule_fires f WHERE f.agent_id = a.id AND f.outcome = 'fired'
                        AND f.workflow_run_id IS NOT NULL) <> 1) AS not_once,
              (SELECT count(*) FROM ai_agents a WHERE a.schedule_cron IS NOT NULL
                 AND (SELECT count(*) FROM agent_tasks t WHERE t.agent_id = a.id AND t.task_type = 'scheduled_run'
                        AND t.workflow_run_id IS NOT NULL) <> 1) AS tasks_not_once,
              (SELECT count(*) FROM ai_agents WHERE schedule_cron IS NOT NULL AND next_run_at <= now())
                 AS not_advanced
            """;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"agents", "cron", "batch", "rounds", "ms", "fired", "not_fired_once", "tasks_not_once"})
    record Result(
            int agents,
            String cron,
            int batch,
            int rounds,
            Stats ms,
            List<Integer> fired,
            long notFiredOnce,
            long tasksNotOnce,
            long notAdvanced,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "schedule-tick: %,d agents due, one tick in batches of %,d: p50 %.1f ms, max %.1f ms over %d"
                            + " rounds (goal <= 2000 ms); fired per round %s; agents not fired exactly once: %d,"
                            + " tasks not one per agent: %d, next fire not in the future: %d",
                    agents,
                    batch,
                    ms.p50(),
                    ms.max(),
                    rounds,
                    fired.stream().distinct().toList(),
                    notFiredOnce,
                    tasksNotOnce,
                    notAdvanced);
        }
    }

    Result run(BenchContext context) throws Exception {
        Scheduler.Options options = Scheduler.Options.defaults();
        try (Database database = context.database().connect(4);
                Scheduler scheduler = new Scheduler(database, options, context.clock())) {
            // Elected before the agents exist, as a running node's scheduler is: no tick pays for it.
            scheduler.runOnce();
            insertAgents(database, context.database().fixture().orgId());
            long[] micros = new long[SAMPLES];
            List<Integer> fired = new ArrayList<>();
            long notOnce = 0;
            long tasksNotOnce = 0;
            long notAdvanced = 0;
            int timed = 0;
            boolean timedOut = false;
            for (int round = 0; round < WARMUP + SAMPLES; round++) {
                if (context.deadline().passed()) {
                    timedOut = true;
                    break;
                }
                reset(database);
                long started = context.clock().nanoTime();
                Scheduler.Tick tick = scheduler.runOnce();
                long elapsed = (context.clock().nanoTime() - started) / 1_000;
                long[] check = check(database);
                context.progress()
                        .printf(
                                Locale.ROOT,
                                "Round %d%s: %.1f ms, %d fired%n",
                                round + 1,
                                round < WARMUP ? " (warm-up)" : "",
                                elapsed / 1000.0,
                                tick.fired());
                if (round >= WARMUP) {
                    micros[timed++] = elapsed;
                    fired.add(tick.fired());
                    notOnce += check[0];
                    tasksNotOnce += check[1];
                    notAdvanced += check[2];
                }
            }
            return new Result(
                    AGENTS,
                    CRON,
                    options.batch(),
                    timed,
                    Stats.ofMicros(Arrays.copyOf(micros, timed)),
                    fired,
                    notOnce,
                    tasksNotOnce,
                    notAdvanced,
                    timedOut);
        }
    }

    private static void insertAgents(Database database, UUID orgId) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(AGENTS_SQL)) {
                statement.setObject(1, orgId);
                statement.setString(2, NoopAgent.TYPE);
                statement.setString(3, CRON);
                statement.setInt(4, AGENTS);
                return statement.executeUpdate();
            }
        });
    }

    private static void reset(Database database) {
        Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(RESET);
                statement.execute(
                        "VACUUM ANALYZE ai_agents, schedule_fires, workflow_runs, agent_tasks, agent_executions");
                return null;
            }
        });
    }

    private static long[] check(Database database) {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(CHECK)) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        });
    }
}
