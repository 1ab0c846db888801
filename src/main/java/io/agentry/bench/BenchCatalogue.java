package io.agentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.CostMeter;
import io.agentry.agent.StopSignal;
import io.agentry.company.CompanyImport;
import io.agentry.company.ImportListener;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.sample.SyntheticCompanies;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/**
 * The catalogue the agent benchmarks run on: {@code --import-rows} generated companies (or {@code
 * --import-file}) imported as a first import does it, then vacuumed, as a catalogue is once
 * autovacuum has passed: hint bits set and the visibility map built, so that no timed run pays for
 * the import's aftermath. None of it is timed into the results.
 */
final class BenchCatalogue {
    /**
     * The day the generated snapshot describes (the generator's {@code CompanyGenerator.SNAPSHOT}):
     * the agents judge filings as on that day, as a user who imports that month's snapshot would.
     */
    static final Instant SNAPSHOT_DAY = Instant.parse("2025-06-01T12:00:00Z");

    /** What loading cost: rows, and the seconds of the import and of the vacuum. */
    record Loaded(long rows, double importS, double vacuumS) {}

    private BenchCatalogue() {}

    static Loaded load(BenchContext context, Database database) throws Exception {
        BenchSettings settings = context.settings();
        Clock clock = context.clock();
        Path directory = Files.createTempDirectory("agentry-bench-catalogue");
        try {
            Path file = settings.importFile();
            if (file == null) {
                file = directory.resolve("BasicCompanyData-synthetic.csv");
                context.progress().printf("Generating %,d synthetic companies%n", settings.importRows());
                new SyntheticCompanies(SyntheticCompanies.SAMPLE_SEED).write(file, settings.importRows());
            }
            context.progress().println("Importing them into the catalogue");
            long started = clock.nanoTime();
            long rows = new CompanyImport(database, ReferenceData.bundled(), ImportListener.SILENT, clock)
                    .run(file)
                    .rowsRead();
            long imported = clock.nanoTime();
            context.progress().println("VACUUM ANALYZE companies");
            Sql.run(database.dataSource(), connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute("VACUUM ANALYZE companies");
                }
            });
            long vacuumed = clock.nanoTime();
            return new Loaded(
                    rows, Round.seconds((imported - started) / 1_000), Round.seconds((vacuumed - imported) / 1_000));
        } finally {
            try (var files = Files.list(directory)) {
                for (Path path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(directory);
        }
    }

    /** An agent of {@code agentType} for the benchmark's organization. */
    static UUID agent(Database database, UUID orgId, String agentType) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ai_agents (org_id, agent_type, name) VALUES (?, ?, ?) RETURNING id")) {
                insert.setObject(1, orgId);
                insert.setString(2, agentType);
                insert.setString(3, agentType + " (benchmark)");
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getObject(1, UUID.class);
                }
            }
        });
    }

    /** A new stream of the organization with this goal. */
    static UUID stream(Database database, UUID orgId, JsonNode goalCriteria, JsonNode targetMetrics) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO streams (org_id, name, goal_criteria, target_metrics)"
                            + " VALUES (?, 'benchmark stream', ?::jsonb, ?::jsonb) RETURNING id")) {
                insert.setObject(1, orgId);
                insert.setString(2, Json.write(goalCriteria));
                insert.setString(3, Json.write(targetMetrics));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getObject(1, UUID.class);
                }
            }
        });
    }

    /** One attempt of {@code agent} on {@code streamId}, as the runner makes it, with no stream sink. */
    static AgentResult attempt(
            Agent agent, String agentType, Database database, UUID orgId, UUID agentId, UUID streamId, Clock clock)
            throws Exception {
        AgentContext context = AgentContext.builder()
                .task(UUID.randomUUID(), UUID.randomUUID(), 1)
                .agent(agentId, orgId, agentType, Json.object())
                .input(Json.object().put("stream_id", streamId.toString()))
                .stopSignal(new StopSignal())
                .meter(new CostMeter())
                .database(database.dataSource())
                .clock(clock)
                .build();
        return agent.run(context);
    }

    /** The snapshot's day for the agents' "today", the process's monotonic clock for durations. */
    static Clock snapshotDay(Clock process) {
        return new Clock() {
            @Override
            public Instant now() {
                return SNAPSHOT_DAY;
            }

            @Override
            public long nanoTime() {
                return process.nanoTime();
            }
        };
    }
}
