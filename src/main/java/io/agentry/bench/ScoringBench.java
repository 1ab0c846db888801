package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentResult;
import io.agentry.agents.OpportunityBot;
import io.agentry.agents.ScoringAgent;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.discovery.Discovery;
import io.agentry.discovery.DiscoveryRequest;
import io.agentry.discovery.DiscoveryResult;
import io.agentry.scoring.Scoring;
import io.agentry.signal.CatalogueSignals;
import io.agentry.stream.Goal;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code scoring_agent} on streams of 10,000 companies from a generated catalogue of {@code
 * --import-rows} companies. Before each run (not timed) discovery fills a new stream (the seed's
 * goal, 10,000 companies, any score), the companies' buying signals are detected from the
 * catalogue's data as discovery would ({@link CatalogueSignals}), and {@code stream_items} is
 * vacuumed and analysed, as autovacuum would have done between two workflow steps. Each timed run
 * is one attempt of the agent, as the runner makes it, scoring the new stream: it reads the 10,000
 * items with their companies and signals, scores them, and writes every item's score, band and
 * rank. 2 untimed runs, then 10 timed. Then the last stream is scored again 10 times, its data
 * unchanged: the same work, but no row to write.
 */
final class ScoringBench {
    static final int ITEMS = 10_000;
    static final int WARMUP = 2;
    static final int SAMPLES = 10;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "companies",
        "import_s",
        "vacuum_s",
        "items",
        "fill_s",
        "signals",
        "runs",
        "ms",
        "rows_written",
        "rescoring_ms",
        "rescoring_rows_written",
        "items_updated",
        "avg_quality_score",
        "high_quality_count"
    })
    record Result(
            long companies,
            double importS,
            double vacuumS,
            int items,
            double fillS,
            int signals,
            int runs,
            Stats ms,
            int rowsWritten,
            Stats rescoringMs,
            int rescoringRowsWritten,
            int itemsUpdated,
            Double avgQualityScore,
            int highQualityCount,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "scoring: streams of %,d items (each filled by discovery in about %.2f s, %,d signals) from"
                            + " %,d companies%n"
                            + "  first scoring: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d runs, %,d rows written"
                            + " each%n"
                            + "  unchanged:     p50 %.1f ms, p95 %.1f ms, max %.1f ms, %,d rows written%n"
                            + "  %,d items updated, average %.2f, %,d high",
                    items,
                    fillS,
                    signals,
                    companies,
                    ms.p50(),
                    ms.p95(),
                    ms.max(),
                    runs,
                    rowsWritten,
                    rescoringMs.p50(),
                    rescoringMs.p95(),
                    rescoringMs.max(),
                    rescoringRowsWritten,
                    itemsUpdated,
                    avgQualityScore,
                    highQualityCount);
        }
    }

    /** A stream ready to score: its id, how many items discovery gave it, how long that took, its signals. */
    private record Filled(UUID streamId, int items, double seconds, int signals) {}

    Result run(BenchContext context) throws Exception {
        try (Database database = context.database().connect(4)) {
            BenchCatalogue.Loaded loaded = BenchCatalogue.load(context, database);
            UUID orgId = context.database().fixture().orgId();
            UUID discoverer = BenchCatalogue.agent(database, orgId, OpportunityBot.TYPE);
            UUID scorer = BenchCatalogue.agent(database, orgId, ScoringAgent.TYPE);
            Clock clock = BenchCatalogue.snapshotDay(context.clock());
            ScoringAgent agent = new ScoringAgent(ReferenceData.bundled());
            Scoring scoring = new Scoring(database.dataSource(), ReferenceData.bundled(), clock);
            Goal goal = Goal.of(DiscoveryBench.CRITERIA, TARGETS, ReferenceData.bundled());

            context.progress().printf("Scoring new streams of %,d companies: %d + %d runs%n", ITEMS, WARMUP, SAMPLES);
            long[] micros = new long[SAMPLES];
            int timed = 0;
            int rowsWritten = 0;
            Filled filled = null;
            AgentResult last = null;
            boolean timedOut = false;
            for (int i = 0;
                    i < WARMUP + SAMPLES && !(timedOut = context.deadline().passed());
                    i++) {
                filled = fill(database, orgId, discoverer, clock);
                long begun = clock.nanoTime();
                last = BenchCatalogue.attempt(
                        agent, ScoringAgent.TYPE, database, orgId, scorer, filled.streamId(), clock);
                long elapsed = (clock.nanoTime() - begun) / 1_000;
                if (i >= WARMUP) {
                    micros[timed++] = elapsed;
                    // What the run wrote: every item, now ranked (discovery leaves ranks to scoring).
                    rowsWritten = ranked(database, filled.streamId());
                }
            }
            long[] again = new long[SAMPLES];
            int rescored = 0;
            int rescoringRowsWritten = 0;
            for (int i = 0;
                    filled != null
                            && i < SAMPLES
                            && !(timedOut |= context.deadline().passed());
                    i++) {
                long begun = clock.nanoTime();
                rescoringRowsWritten = Math.max(
                        rescoringRowsWritten,
                        scoring.score(orgId, filled.streamId(), goal).rowsWritten());
                again[rescored++] = (clock.nanoTime() - begun) / 1_000;
            }
            return new Result(
                    loaded.rows(),
                    loaded.importS(),
                    loaded.vacuumS(),
                    filled == null ? 0 : filled.items(),
                    filled == null ? 0 : filled.seconds(),
                    filled == null ? 0 : filled.signals(),
                    timed,
                    Stats.ofMicros(Arrays.copyOf(micros, timed)),
                    rowsWritten,
                    Stats.ofMicros(Arrays.copyOf(again, rescored)),
                    rescoringRowsWritten,
                    last == null ? 0 : last.output().path("items_updated").asInt(),
                    last == null || last.output().path("avg_quality_score").isNull()
                            ? null
                            : last.output().path("avg_quality_score").asDouble(),
                    last == null ? 0 : last.output().path("high_quality_count").asInt(),
                    timedOut);
        }
    }

    private static final ObjectNode TARGETS =
            Json.object().put("companies_to_find", ITEMS).put("min_quality_score", 0.0);

    private static Filled fill(Database database, UUID orgId, UUID discoverer, Clock clock) {
        UUID streamId = BenchCatalogue.stream(database, orgId, DiscoveryBench.CRITERIA, TARGETS);
        long started = clock.nanoTime();
        DiscoveryResult filled = new Discovery(database.dataSource(), ReferenceData.bundled(), clock)
                .discover(new DiscoveryRequest(
                        orgId,
                        streamId,
                        discoverer,
                        null,
                        1,
                        Goal.of(DiscoveryBench.CRITERIA, TARGETS, ReferenceData.bundled())));
        double seconds = Round.seconds((clock.nanoTime() - started) / 1_000);
        CatalogueSignals.detect(database.dataSource(), orgId, filled.addedCompanyIds(), clock, OpportunityBot.TYPE);
        int signals = liveSignals(database, orgId, streamId);
        Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute("VACUUM ANALYZE stream_items");
            }
        });
        return new Filled(streamId, filled.itemsCreated(), seconds, signals);
    }

    /** The org's live signals for the stream's companies: a later stream of the same companies finds them recorded. */
    private static int liveSignals(Database database, UUID orgId, UUID streamId) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM buying_signals b JOIN stream_items i ON i.company_id = b.company_id"
                            + " WHERE i.stream_id = ? AND b.org_id = ? AND b.status = 'active'")) {
                statement.setObject(1, streamId);
                statement.setObject(2, orgId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    private static int ranked(Database database, UUID streamId) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM stream_items WHERE stream_id = ? AND position IS NOT NULL")) {
                statement.setObject(1, streamId);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
