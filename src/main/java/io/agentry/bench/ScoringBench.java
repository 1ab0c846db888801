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
import io.agentry.discovery.Discovery;
import io.agentry.discovery.DiscoveryRequest;
import io.agentry.discovery.DiscoveryResult;
import io.agentry.signal.CatalogueSignals;
import io.agentry.stream.Goal;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code scoring_agent} on a stream of 10,000 companies. The stream is filled by discovery from a
 * generated catalogue of {@code --import-rows} companies (the seed's goal, 10,000 companies, any
 * score), and the companies' buying signals are detected from the catalogue's data, as discovery
 * would ({@link CatalogueSignals}); neither is timed. Each timed run is one attempt of the agent,
 * as the runner makes it: it reads the 10,000 items with their companies and signals, scores them
 * and writes scores, bands and ranks. 2 untimed runs, then 10 timed.
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
            int itemsUpdated,
            Double avgQualityScore,
            int highQualityCount,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "scoring: %,d items (filled by discovery in %.2f s, %,d signals) from %,d companies%n"
                            + "  p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d runs; %,d items updated, average %.2f,"
                            + " %,d high",
                    items,
                    fillS,
                    signals,
                    companies,
                    ms.p50(),
                    ms.p95(),
                    ms.max(),
                    runs,
                    itemsUpdated,
                    avgQualityScore,
                    highQualityCount);
        }
    }

    Result run(BenchContext context) throws Exception {
        try (Database database = context.database().connect(4)) {
            BenchCatalogue.Loaded loaded = BenchCatalogue.load(context, database);
            UUID orgId = context.database().fixture().orgId();
            UUID discoverer = BenchCatalogue.agent(database, orgId, OpportunityBot.TYPE);
            UUID scorer = BenchCatalogue.agent(database, orgId, ScoringAgent.TYPE);
            Clock clock = BenchCatalogue.snapshotDay(context.clock());
            ObjectNode targets = Json.object().put("companies_to_find", ITEMS).put("min_quality_score", 0.0);
            UUID streamId = BenchCatalogue.stream(database, orgId, DiscoveryBench.CRITERIA, targets);

            context.progress().printf("Filling a stream with %,d companies%n", ITEMS);
            long started = clock.nanoTime();
            DiscoveryResult filled = new Discovery(database.dataSource(), ReferenceData.bundled(), clock)
                    .discover(new DiscoveryRequest(
                            orgId,
                            streamId,
                            discoverer,
                            null,
                            1,
                            Goal.of(DiscoveryBench.CRITERIA, targets, ReferenceData.bundled())));
            double fillS = Round.seconds((clock.nanoTime() - started) / 1_000);
            int signals = CatalogueSignals.detect(
                            database.dataSource(), orgId, filled.addedCompanyIds(), clock, OpportunityBot.TYPE)
                    .inserted();

            context.progress().printf("Scoring: %d + %d runs%n", WARMUP, SAMPLES);
            ScoringAgent agent = new ScoringAgent(ReferenceData.bundled());
            long[] micros = new long[SAMPLES];
            int timed = 0;
            AgentResult last = null;
            boolean timedOut = false;
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                if (context.deadline().passed()) {
                    timedOut = true;
                    break;
                }
                long begun = clock.nanoTime();
                last = BenchCatalogue.attempt(agent, ScoringAgent.TYPE, database, orgId, scorer, streamId, clock);
                long elapsed = (clock.nanoTime() - begun) / 1_000;
                if (i >= WARMUP) {
                    micros[timed++] = elapsed;
                }
            }
            return new Result(
                    loaded.rows(),
                    loaded.importS(),
                    loaded.vacuumS(),
                    filled.itemsCreated(),
                    fillS,
                    signals,
                    timed,
                    Stats.ofMicros(Arrays.copyOf(micros, timed)),
                    last == null ? 0 : last.output().path("items_updated").asInt(),
                    last == null || last.output().path("avg_quality_score").isNull()
                            ? null
                            : last.output().path("avg_quality_score").asDouble(),
                    last == null ? 0 : last.output().path("high_quality_count").asInt(),
                    timedOut);
        }
    }
}
