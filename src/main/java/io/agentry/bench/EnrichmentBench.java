package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.CostMeter;
import io.agentry.agent.StopSignal;
import io.agentry.agents.EnrichmentAgent;
import io.agentry.companieshouse.CompaniesHouseOptions;
import io.agentry.companieshouse.RateLimiter;
import io.agentry.companieshouse.Sleeper;
import io.agentry.company.CompanyImport;
import io.agentry.company.ImportListener;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.enrichment.EnrichmentSources;
import io.agentry.sample.SyntheticCompanies;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.website.BenchSites;
import io.agentry.website.WebsiteAnalyzer;
import io.agentry.website.WebsiteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The enrichment agent over a stream of {@code --websites} companies (default 1,000), from a
 * generated snapshot, each with a website that a local server answers after {@code
 * --website-delay-ms}, and with a local Companies House API ({@link BenchCompaniesHouse}) that
 * answers after the same delay and keeps the API's limit of 600 requests in five minutes. The agent
 * runs with its default configuration (one batch of up to 1,000 companies; 4 companies' Companies
 * House calls at once) and the website analyzer's defaults (16 sites at once). Three rounds, each
 * from unenriched companies, with a fresh limit (as a new API key) and a new analyzer; the time is
 * that of the agent's run, from its query of due companies to its last write. Loading the
 * catalogue and the stream is not timed.
 */
final class EnrichmentBench {
    static final int ROUNDS = 3;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "elapsed_s",
        "enriched_count",
        "items_updated",
        "companies_house_ok",
        "companies_house_deferred",
        "companies_house_requests",
        "most_requests_in_any_5_minutes",
        "too_many_requests",
        "websites_ok",
        "websites_failed",
        "website_requests"
    })
    record Round(
            double elapsedS,
            int enrichedCount,
            int itemsUpdated,
            int companiesHouseOk,
            int companiesHouseDeferred,
            long companiesHouseRequests,
            @JsonProperty("most_requests_in_any_5_minutes") int mostRequestsInAny5Minutes,
            long tooManyRequests,
            int websitesOk,
            int websitesFailed,
            long websiteRequests) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "companies",
        "delay_ms",
        "median_elapsed_s",
        "companies_house_limit",
        "most_requests_in_any_5_minutes",
        "too_many_requests",
        "rounds"
    })
    record Result(
            int companies,
            long delayMs,
            double medianElapsedS,
            int companiesHouseLimit,
            @JsonProperty("most_requests_in_any_5_minutes") int mostRequestsInAny5Minutes,
            long tooManyRequests,
            List<Round> rounds,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            StringBuilder text = new StringBuilder(String.format(
                    Locale.ROOT,
                    "enrichment: %,d stream companies (%d ms per answer): median %.2f s over %d rounds;"
                            + " Companies House: at most %d requests in any 5 minutes (limit %d), %d answered 429",
                    companies,
                    delayMs,
                    medianElapsedS,
                    rounds.size(),
                    mostRequestsInAny5Minutes,
                    companiesHouseLimit,
                    tooManyRequests));
            for (Round round : rounds) {
                text.append(String.format(
                        Locale.ROOT,
                        "%n  %.2f s: %d enriched, %d items updated; Companies House %d ok, %d deferred,"
                                + " %d requests; websites %d ok, %d failed",
                        round.elapsedS(),
                        round.enrichedCount(),
                        round.itemsUpdated(),
                        round.companiesHouseOk(),
                        round.companiesHouseDeferred(),
                        round.companiesHouseRequests(),
                        round.websitesOk(),
                        round.websitesFailed()));
            }
            return text.toString();
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        Clock clock = context.clock();
        int companies = settings.websites();
        try (Database database = context.database().connect(4)) {
            UUID streamId = load(context, database, companies);
            List<Round> rounds = new ArrayList<>();
            try (BenchCompaniesHouse api = BenchCompaniesHouse.start(
                            database.dataSource(),
                            settings.websiteDelay(),
                            clock,
                            RateLimiter.COMPANIES_HOUSE_LIMIT,
                            RateLimiter.COMPANIES_HOUSE_WINDOW);
                    BenchSites sites = BenchSites.start(settings.websiteDelay())) {
                for (int round = 1; round <= ROUNDS && !context.deadline().passed(); round++) {
                    context.progress().printf("Round %d of %d: enriching %,d companies%n", round, ROUNDS, companies);
                    forget(database);
                    api.reset();
                    rounds.add(round(context, database, streamId, api, sites));
                }
            }
            double[] elapsed =
                    rounds.stream().mapToDouble(Round::elapsedS).sorted().toArray();
            return new Result(
                    companies,
                    settings.websiteDelay().toMillis(),
                    elapsed.length == 0 ? 0 : elapsed[(elapsed.length - 1) / 2],
                    RateLimiter.COMPANIES_HOUSE_LIMIT,
                    rounds.stream()
                            .mapToInt(Round::mostRequestsInAny5Minutes)
                            .max()
                            .orElse(0),
                    rounds.stream().mapToLong(Round::tooManyRequests).sum(),
                    rounds,
                    rounds.size() < ROUNDS);
        }
    }

    private static Round round(
            BenchContext context, Database database, UUID streamId, BenchCompaniesHouse api, BenchSites sites)
            throws Exception {
        Clock clock = context.clock();
        BenchDatabase.Fixture fixture = context.database().fixture();
        AgentContext attempt = AgentContext.builder()
                .task(UUID.randomUUID(), UUID.randomUUID(), 1)
                .agent(fixture.agentId(), fixture.orgId(), EnrichmentAgent.TYPE, Json.object())
                .input(Json.object().put("stream_id", streamId.toString()))
                .stopSignal(new StopSignal())
                .meter(new CostMeter())
                .database(database.dataSource())
                .clock(clock)
                .build();
        long siteRequestsBefore = sites.requests();
        AgentResult result;
        double elapsed;
        try (WebsiteAnalyzer websites =
                new WebsiteAnalyzer(WebsiteOptions.defaults().withProxy(sites.proxy()), clock)) {
            EnrichmentAgent agent = new EnrichmentAgent(new EnrichmentSources(
                    Optional.of(CompaniesHouseOptions.of("bench-key").withBaseUrl(api.baseUrl())),
                    new RateLimiter(
                            RateLimiter.COMPANIES_HOUSE_LIMIT,
                            RateLimiter.COMPANIES_HOUSE_WINDOW,
                            clock,
                            Sleeper.system()),
                    Sleeper.system(),
                    websites,
                    ReferenceData.bundled().sizeBands()));
            long started = clock.nanoTime();
            result = agent.run(attempt);
            elapsed = Math.round((clock.nanoTime() - started) / 1e4) / 1e5;
        }
        if (!result.success()) {
            throw new IllegalStateException("the enrichment agent failed: " + result.error());
        }
        JsonNode output = result.output();
        BenchCompaniesHouse.Traffic traffic = api.traffic();
        return new Round(
                elapsed,
                output.path("enriched_count").asInt(),
                output.path("items_updated").asInt(),
                output.path("companies_house").path("ok").asInt(),
                output.path("companies_house").path("deferred").asInt(),
                traffic.requests(),
                traffic.mostInAnyWindow(),
                traffic.tooManyRequests(),
                output.path("website").path("ok").asInt(),
                output.path("website").path("failed").asInt(),
                sites.requests() - siteRequestsBefore);
    }

    /** A catalogue of {@code companies} generated companies, each with a bench site, all on one stream. */
    private static UUID load(BenchContext context, Database database, int companies) throws Exception {
        Path directory = Files.createTempDirectory("agentry-bench-enrichment");
        Path file = directory.resolve("BasicCompanyData-synthetic.csv");
        try {
            context.progress().printf("Loading %,d synthetic companies and a stream of them%n", companies);
            new SyntheticCompanies(SyntheticCompanies.SAMPLE_SEED).write(file, companies);
            new CompanyImport(database, ReferenceData.bundled(), ImportListener.SILENT, context.clock()).run(file);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(directory);
        }
        return Sql.transaction(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement()) {
                // The n-th company by id gets site n: BenchSites.url(n).
                statement.executeUpdate("""
                        UPDATE companies c SET website = format('http://site-%s.bench.example/', lpad(n::text, 5, '0'))
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM companies) numbered
                        WHERE numbered.id = c.id""");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO streams (org_id, name) VALUES (?, 'Enrichment benchmark') RETURNING id")) {
                statement.setObject(1, context.database().fixture().orgId());
                UUID streamId;
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    streamId = rs.getObject(1, UUID.class);
                }
                try (PreparedStatement items = connection.prepareStatement(
                        "INSERT INTO stream_items (stream_id, company_id, title) SELECT ?, id, name FROM companies")) {
                    items.setObject(1, streamId);
                    items.executeUpdate();
                }
                return streamId;
            }
        });
    }

    /** Back to unenriched, for the next round. */
    private static void forget(Database database) {
        Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        UPDATE companies SET enrichment = NULL, enriched_at = NULL, officers_count = NULL,
                            filing_count = NULL, psc_count = NULL, tech_stack = NULL, social_links = NULL,
                            description = NULL, employee_count = NULL, employee_count_source = NULL,
                            revenue_estimate_gbp = NULL, revenue_source = NULL""");
                statement.executeUpdate("UPDATE stream_items SET stage_id = NULL, metadata = '{}'");
                return null;
            }
        });
    }
}
