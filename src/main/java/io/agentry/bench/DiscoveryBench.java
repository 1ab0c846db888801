package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentResult;
import io.agentry.agents.OpportunityBot;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.discovery.Discovery;
import io.agentry.discovery.DiscoveryRequest;
import io.agentry.stream.Goal;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code opportunity_bot} on a generated catalogue of {@code --import-rows} companies: the seed's
 * goal (SaaS and FinTech, UK and Ireland, 10–500 employees, 50 companies), with a minimum quality
 * of 3.0 and of 4.0. Each run is one attempt of the agent, as the runner makes it, on a new stream,
 * from its read of the stream's goal to its commit; 5 untimed runs, then 30 timed. Then the plans
 * of one more run's statements ({@code EXPLAIN (ANALYZE, BUFFERS)}, rolled back).
 */
final class DiscoveryBench {
    static final int WARMUP = 5;
    static final int SAMPLES = 30;
    static final int COMPANIES = 50;
    static final List<Double> MIN_QUALITY = List.of(3.0, 4.0);
    static final JsonNode CRITERIA =
            Json.read("{\"industry\": [\"SaaS\", \"FinTech\"], \"location\": [\"UK\", \"Ireland\"],"
                    + " \"employee_count\": {\"min\": 10, \"max\": 500}}");

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"min_quality_score", "runs", "ms", "items_created", "avg_quality_score", "plans"})
    record Series(
            double minQualityScore,
            int runs,
            Stats ms,
            List<Integer> itemsCreated,
            Double avgQualityScore,
            List<String> plans) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"companies", "import_s", "vacuum_s", "goal_criteria", "companies_to_find", "series"})
    record Result(
            long companies,
            double importS,
            double vacuumS,
            JsonNode goalCriteria,
            int companiesToFind,
            List<Series> series,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            StringBuilder text = new StringBuilder(String.format(
                    Locale.ROOT,
                    "discovery: %,d companies (import %.1f s, vacuum %.1f s); %d companies wanted",
                    companies,
                    importS,
                    vacuumS,
                    companiesToFind));
            for (Series series : series) {
                text.append(String.format(
                        Locale.ROOT,
                        "%n  min quality %.1f: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d runs; items %s",
                        series.minQualityScore(),
                        series.ms().p50(),
                        series.ms().p95(),
                        series.ms().max(),
                        series.runs(),
                        series.itemsCreated().stream().distinct().toList()));
            }
            return text.toString();
        }
    }

    Result run(BenchContext context) throws Exception {
        try (Database database = context.database().connect(4)) {
            BenchCatalogue.Loaded loaded = BenchCatalogue.load(context, database);
            UUID orgId = context.database().fixture().orgId();
            UUID agentId = BenchCatalogue.agent(database, orgId, OpportunityBot.TYPE);
            Clock clock = BenchCatalogue.snapshotDay(context.clock());
            OpportunityBot bot = new OpportunityBot(ReferenceData.bundled());
            List<Series> series = new ArrayList<>();
            boolean timedOut = false;
            for (double minQuality : MIN_QUALITY) {
                ObjectNode targets =
                        Json.object().put("companies_to_find", COMPANIES).put("min_quality_score", minQuality);
                context.progress().printf("Discovery, min quality %.1f: %d + %d runs%n", minQuality, WARMUP, SAMPLES);
                long[] micros = new long[SAMPLES];
                List<Integer> items = new ArrayList<>();
                double scoreSum = 0;
                int timed = 0;
                for (int i = 0; i < WARMUP + SAMPLES; i++) {
                    if (context.deadline().passed()) {
                        timedOut = true;
                        break;
                    }
                    UUID streamId = BenchCatalogue.stream(database, orgId, CRITERIA, targets);
                    long started = clock.nanoTime();
                    AgentResult result =
                            BenchCatalogue.attempt(bot, OpportunityBot.TYPE, database, orgId, agentId, streamId, clock);
                    long elapsed = (clock.nanoTime() - started) / 1_000;
                    if (i >= WARMUP) {
                        micros[timed++] = elapsed;
                        items.add(result.output().path("items_created").asInt());
                        scoreSum += result.output().path("avg_quality_score").asDouble();
                    }
                }
                List<String> plans = List.of();
                if (!context.deadline().passed()) {
                    UUID streamId = BenchCatalogue.stream(database, orgId, CRITERIA, targets);
                    Goal goal = Goal.of(CRITERIA, targets, ReferenceData.bundled());
                    plans = new Discovery(database.dataSource(), ReferenceData.bundled(), clock)
                            .explain(new DiscoveryRequest(orgId, streamId, agentId, null, 1, goal));
                }
                series.add(new Series(
                        minQuality,
                        timed,
                        Stats.ofMicros(Arrays.copyOf(micros, timed)),
                        items,
                        timed == 0 ? null : Math.round(scoreSum / timed * 100) / 100.0,
                        plans));
            }
            return new Result(loaded.rows(), loaded.importS(), loaded.vacuumS(), CRITERIA, COMPANIES, series, timedOut);
        }
    }
}
