package io.agentry.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentry.agents.StreamRows.aStream;
import static io.agentry.signal.CompanyRows.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentResult;
import io.agentry.agent.CostMeter;
import io.agentry.agent.Insight;
import io.agentry.agent.StopReason;
import io.agentry.agent.StopSignal;
import io.agentry.companieshouse.CompaniesHouseClient;
import io.agentry.companieshouse.CompaniesHouseOptions;
import io.agentry.companieshouse.RateLimiter;
import io.agentry.companieshouse.Sleeper;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.signal.FeedReader;
import io.agentry.signal.TestFiles;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import io.agentry.website.WebsiteAnalyzer;
import io.agentry.website.WebsiteOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScoutAgentTest {
    @RegisterExtension
    static WireMockExtension web = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final String SH01 = "filing:MzQ2Nzc3ODg5OWFkaXF6a2N4";
    private static final String OSEI_APPOINTED =
            "/officers/Vb8nM1qW4eR7tY0uI3oP6aS9dF2/appointments:appointed:2025-05-19";
    private static final String ARBOUR_JOBS = "http://arbour-rowan-networks.example/careers.html#jobs=9";
    private static final String ALI_JOBS = "http://ali-and-ellis.example/careers.html#jobs=2";
    private static final String ALI_SEED_ROUND = "https://highlands-business.example/news/2025/05/ali-ellis-seed-round";
    private static final String ARBOUR_MANCHESTER =
            "https://london-tech-wire.example/2025/05/30/arbour-rowan-manchester";

    private static Database database;
    private static Fixtures fixtures;
    private static SampleSitesServer sites;

    private final SettableClock clock = new SettableClock(NOW);
    private final RecordingStreamSink stream = new RecordingStreamSink();
    private UUID org;
    private UUID agent;
    private UUID streamId;
    private long arbour;
    private long albion;
    private long ali;

    @BeforeAll
    static void setUp() throws Exception {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        sites = SampleSitesServer.start();
    }

    @AfterAll
    static void tearDown() {
        sites.close();
        database.close();
    }

    @BeforeEach
    void aStreamOfThreeCompanies() {
        fixtures.execute("TRUNCATE buying_signals, stream_items, streams, companies CASCADE");
        org = fixtures.organization();
        agent = fixtures.agent(org, ScoutAgent.TYPE);
        arbour = aCompany("90000151", "ARBOUR ROWAN NETWORKS LIMITED")
                .website("http://arbour-rowan-networks.example/")
                .insert(database.dataSource());
        albion = aCompany("NI900010", "ALBION DIRECT EUROPE LIMITED")
                .website("http://albion-direct-europe.example/")
                .insert(database.dataSource());
        ali = aCompany("SC900002", "ALI & ELLIS LIMITED")
                .website("http://ali-and-ellis.example/")
                .insert(database.dataSource());
        streamId = aStream(org).withCompanies(arbour, albion, ali).insert(database.dataSource());

        web.stubFor(get(urlPathEqualTo("/company/90000151/filing-history"))
                .willReturn(okJson(TestFiles.text("filing-history-90000151.json"))));
        web.stubFor(get(urlPathEqualTo("/company/90000151/officers"))
                .willReturn(okJson(TestFiles.text("officers-90000151.json"))));
        web.stubFor(get(urlPathMatching("/company/(NI900010|SC900002)/.*")).willReturn(notFound()));
        web.stubFor(get("/feeds/highlands.rss")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody(TestFiles.text("news.rss"))));
        web.stubFor(get("/feeds/london.atom")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/atom+xml")
                        .withBody(TestFiles.text("news.atom"))));
        web.stubFor(get("/feeds/down.rss").willReturn(aResponse().withStatus(503)));
    }

    // ---- running the agent

    private record Run(JsonNode output, JsonNode metrics) {}

    private final class Attempt {
        private String configuration = "{}";
        private UUID executionId = UUID.randomUUID();
        private int attempt = 1;
        private UUID stream = streamId;
        private boolean companiesHouse = true;
        private boolean sharedAnalyzer;
        private final StopSignal stopSignal = new StopSignal();

        Attempt configured(String json) {
            configuration = json.replace("FEEDS", web.baseUrl() + "/feeds");
            return this;
        }

        Attempt execution(UUID id, int number) {
            executionId = id;
            attempt = number;
            return this;
        }

        Attempt withoutStream() {
            stream = null;
            return this;
        }

        Attempt stopRequested() {
            stopSignal.request(StopReason.CANCELLED);
            return this;
        }

        Attempt withSharedAnalyzer() {
            sharedAnalyzer = true;
            return this;
        }

        Attempt withoutCompaniesHouse() {
            companiesHouse = false;
            return this;
        }

        Run run() throws Exception {
            ObjectNode input = Json.object();
            if (stream != null) {
                input.put("stream_id", stream.toString());
            }
            CostMeter meter = new CostMeter();
            AgentContext context = AgentContext.builder()
                    .task(UUID.randomUUID(), executionId, attempt)
                    .agent(agent, org, ScoutAgent.TYPE, Json.read(configuration))
                    .input(input)
                    .stopSignal(stopSignal)
                    .meter(meter)
                    .stream(ScoutAgentTest.this.stream)
                    .database(database.dataSource())
                    .clock(clock)
                    .build();
            AgentResult result;
            if (sharedAnalyzer) {
                try (WebsiteAnalyzer analyzer = new WebsiteAnalyzer(websiteOptions(), clock)) {
                    result = new ScoutAgent(companiesHouse(companiesHouse), analyzer, feedReader()).run(context);
                }
            } else {
                result = new ScoutAgent(companiesHouse(companiesHouse), websiteOptions(), feedReader()).run(context);
            }
            assertThat(result.success()).isTrue();
            return new Run(result.output(), meter.toJson(0));
        }
    }

    private Attempt anAttempt() {
        return new Attempt();
    }

    private Optional<CompaniesHouseClient> companiesHouse(boolean configured) {
        if (!configured) {
            return Optional.empty();
        }
        Sleeper noWaiting = duration -> {
            throw new AssertionError("a test run never waits for the rate limit");
        };
        return Optional.of(new CompaniesHouseClient(
                CompaniesHouseOptions.of("5f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8")
                        .withBaseUrl(web.baseUrl())
                        .withMaxAttempts(1)
                        .withRequestTimeout(Duration.ofSeconds(20)),
                new RateLimiter(1_000, Duration.ofMinutes(5), clock, noWaiting),
                clock,
                noWaiting));
    }

    private static WebsiteOptions websiteOptions() {
        return WebsiteOptions.defaults()
                .withProxy(sites.proxy())
                .withRequestTimeout(Duration.ofSeconds(10))
                .withSiteBudget(Duration.ofSeconds(20));
    }

    private static FeedReader feedReader() {
        return new FeedReader(Duration.ofSeconds(10), 1024 * 1024);
    }

    /** (company, type, confidence, strength, source_ref) of every signal recorded, in a stable order. */
    private List<Tuple> recordedSignals() {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                            SELECT company_id, signal_type, confidence_score, signal_strength, source_ref
                            FROM buying_signals WHERE org_id = ?
                            ORDER BY company_id, signal_type, source_ref""")) {
                statement.setObject(1, org);
                List<Tuple> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(tuple(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
                    }
                }
                return rows;
            }
        });
    }

    private Tuple[] seedThresholdSignals() {
        return new Tuple[] {
            tuple(arbour, "executive_change", 80, "strong", OSEI_APPOINTED),
            tuple(arbour, "funding_round", 80, "strong", SH01),
            tuple(arbour, "job_posting", 80, "strong", ARBOUR_JOBS),
            tuple(arbour, "news_mention", 75, "strong", ARBOUR_MANCHESTER),
            tuple(ali, "funding_round", 80, "strong", ALI_SEED_ROUND),
            tuple(ali, "job_posting", 70, "strong", ALI_JOBS),
            tuple(ali, "news_mention", 75, "strong", ALI_SEED_ROUND)
        };
    }

    private static final String ALL_SOURCES =
            "{\"threshold\": 0.7, \"feeds\": [\"FEEDS/highlands.rss\", \"FEEDS/london.atom\"]}";

    // ---- the behaviour

    @Test
    void finds_filings_officer_changes_open_jobs_and_news_at_the_seed_threshold() throws Exception {
        Run run = anAttempt().configured(ALL_SOURCES).run();

        assertThat(recordedSignals()).containsExactly(seedThresholdSignals());
        JsonNode output = run.output();
        assertThat(output.path("companies_checked").asInt()).isEqualTo(3);
        assertThat(output.path("signals_detected").asInt()).isEqualTo(7);
        assertThat(output.path("signals_created").asInt()).isEqualTo(7);
        assertThat(output.path("below_threshold").asInt())
                .as("CS01 35, AP01 45, a resignation 65, Albion's text-only mention 60 and funding 65")
                .isEqualTo(5);
        assertThat(output.path("by_type"))
                .isEqualTo(Json.read(
                        "{\"job_posting\": 2, \"funding_round\": 2, \"executive_change\": 1, \"news_mention\": 2}"));
        JsonNode sources = output.path("sources");
        assertThat(sources.path("companies_house").path("companies_checked").asInt())
                .isEqualTo(3);
        assertThat(sources.path("companies_house").path("not_on_register").asInt())
                .isEqualTo(2);
        assertThat(sources.path("websites").path("analyzed").asInt()).isEqualTo(3);
        assertThat(sources.path("news").path("feeds").findValuesAsText("status"))
                .containsExactly("read", "read");
        assertThat(run.metrics().path("items_processed").asInt()).isEqualTo(3);
        assertThat(run.metrics().path("api_calls").asInt())
                .as("2 Companies House lists x 3 companies, 3 home pages and 3 careers pages, 2 feeds")
                .isEqualTo(14);
        assertThat(run.metrics().path("tokens_used").asInt()).isZero();
        assertThat(stream.activities).containsKeys("started", "completed");
        assertThat(stream.progressPublished).isEqualTo(1);
        assertThat(stream.insightsOfType(Insight.Type.RECOMMENDATION))
                .extracting(Insight::title)
                .contains(
                        "ARBOUR ROWAN NETWORKS LIMITED is hiring: 9 open jobs",
                        "ARBOUR ROWAN NETWORKS LIMITED allotted new shares (SH01, 2025-05-12)",
                        "ARBOUR ROWAN NETWORKS LIMITED: director appointed, OSEI, Daniel Kwame (2025-05-19)",
                        "ALI & ELLIS LIMITED raising money: Ali & Ellis raises £2m seed round to expand across the Highlands")
                .hasSize(7);
    }

    @Test
    void a_higher_threshold_keeps_only_the_more_confident_signals() throws Exception {
        Run run = anAttempt()
                .configured("{\"threshold\": 0.8, \"feeds\": [\"FEEDS/highlands.rss\", \"FEEDS/london.atom\"]}")
                .run();

        assertThat(recordedSignals())
                .containsExactly(
                        tuple(arbour, "executive_change", 80, "strong", OSEI_APPOINTED),
                        tuple(arbour, "funding_round", 80, "strong", SH01),
                        tuple(arbour, "job_posting", 80, "strong", ARBOUR_JOBS),
                        tuple(ali, "funding_round", 80, "strong", ALI_SEED_ROUND));
        assertThat(run.output().path("below_threshold").asInt()).isEqualTo(8);
    }

    @Test
    void threshold_zero_keeps_routine_filings_and_mentions_in_passing() throws Exception {
        anAttempt()
                .configured("{\"threshold\": 0, \"feeds\": [\"FEEDS/highlands.rss\", \"FEEDS/london.atom\"]}")
                .run();

        List<Tuple> expected = new ArrayList<>(List.of(seedThresholdSignals()));
        expected.add(tuple(arbour, "companies_house_filing", 35, "weak", "filing:MzQ2OTEyMzQ1NmFkaXF6a2N4"));
        expected.add(tuple(arbour, "companies_house_filing", 45, "weak", "filing:MzQ2ODk4NzY1NGFkaXF6a2N4"));
        expected.add(tuple(
                arbour,
                "executive_change",
                65,
                "moderate",
                "/officers/Zx9cV2bN5mQ8wE1rT4yU7iO0pA3/appointments:resigned:2025-05-26"));
        String belfast = "https://london-tech-wire.example/2025/05/22/belfast-exporters-fund";
        expected.add(tuple(albion, "funding_round", 65, "moderate", belfast));
        expected.add(tuple(albion, "news_mention", 60, "moderate", belfast));
        assertThat(recordedSignals()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_longer_lookback_reaches_older_filings() throws Exception {
        String mr01 = "filing:MzQ2NTU1NDQzM2FkaXF6a2N4";

        anAttempt().configured("{\"signals\": [\"companies_house_filing\"]}").run();
        assertThat(recordedSignals()).isEmpty();

        anAttempt()
                .configured("{\"signals\": [\"companies_house_filing\"], \"lookback_days\": 60}")
                .run();
        assertThat(recordedSignals())
                .as("the new charge of 22 April is 41 days old")
                .containsExactly(tuple(arbour, "companies_house_filing", 70, "strong", mr01));
    }

    @Test
    void the_signals_setting_limits_the_types_recorded_and_the_sources_asked() throws Exception {
        int siteRequestsBefore = sites.requests.size();

        Run run = anAttempt()
                .configured("{\"signals\": [\"executive_change\"], \"threshold\": 0.5,"
                        + " \"feeds\": [\"FEEDS/highlands.rss\"]}")
                .run();

        assertThat(recordedSignals())
                .containsExactly(
                        tuple(arbour, "executive_change", 80, "strong", OSEI_APPOINTED),
                        tuple(
                                arbour,
                                "executive_change",
                                65,
                                "moderate",
                                "/officers/Zx9cV2bN5mQ8wE1rT4yU7iO0pA3/appointments:resigned:2025-05-26"));
        assertThat(run.output().path("sources").path("websites").path("status").asText())
                .isEqualTo("not_requested");
        assertThat(run.output().path("sources").path("news").path("status").asText())
                .isEqualTo("not_requested");
        web.verify(0, getRequestedFor(urlPathMatching(".*/filing-history")));
        web.verify(0, getRequestedFor(urlPathMatching("/feeds/.*")));
        assertThat(sites.requests).hasSize(siteRequestsBefore);
    }

    @Test
    void a_second_run_finds_the_same_signals_and_adds_nothing() throws Exception {
        anAttempt().configured(ALL_SOURCES).run();
        int insights = stream.insights.size();
        clock.advance(Duration.ofHours(6));

        Run second = anAttempt().configured(ALL_SOURCES).run();

        assertThat(second.output().path("signals_detected").asInt()).isEqualTo(7);
        assertThat(second.output().path("signals_created").asInt()).isZero();
        assertThat(recordedSignals()).containsExactly(seedThresholdSignals());
        assertThat(stream.insights).hasSize(insights);
    }

    @Test
    void a_retried_attempt_duplicates_nothing_and_reports_what_its_execution_recorded() throws Exception {
        UUID execution = UUID.randomUUID();
        Run first = anAttempt().configured(ALL_SOURCES).execution(execution, 1).run();

        Run retry = anAttempt().configured(ALL_SOURCES).execution(execution, 2).run();

        assertThat(first.output().path("signals_created").asInt()).isEqualTo(7);
        assertThat(retry.output().path("signals_created").asInt()).isEqualTo(7);
        assertThat(recordedSignals()).containsExactly(seedThresholdSignals());
        assertThat(fixtures.count(
                        "SELECT count(*) FROM buying_signals WHERE signal_data->>'execution_id' = '" + execution + "'"))
                .isEqualTo(7);
    }

    @Test
    void without_a_companies_house_key_its_signals_are_skipped_with_the_reason_said_once() throws Exception {
        Run run = anAttempt().configured(ALL_SOURCES).withoutCompaniesHouse().run();
        anAttempt().configured(ALL_SOURCES).withoutCompaniesHouse().run();

        JsonNode companiesHouse = run.output().path("sources").path("companies_house");
        assertThat(companiesHouse.path("status").asText()).isEqualTo("skipped");
        assertThat(companiesHouse.path("reason").asText()).isEqualTo(CompaniesHouseClient.NOT_CONFIGURED);
        assertThat(stream.insightsOffered)
                .as("each run says it under the same key, so the stream holds it once")
                .filteredOn("scout:companies_house:not_configured"::equals)
                .hasSize(2);
        assertThat(stream.insights.get("scout:companies_house:not_configured").title())
                .isEqualTo("Companies House not configured: filings and officer changes are not monitored");
        assertThat(recordedSignals())
                .extracting(row -> row.toList().get(1))
                .containsExactlyInAnyOrder(
                        "job_posting", "news_mention", "job_posting", "funding_round", "news_mention");
        web.verify(0, getRequestedFor(urlPathMatching("/company/.*")));
    }

    @Test
    void a_refused_key_stops_the_companies_house_calls_and_says_so_and_the_other_sources_go_on() throws Exception {
        web.stubFor(get(urlPathMatching("/company/.*"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Invalid Authorization\"}")));

        Run run = anAttempt().configured(ALL_SOURCES).run();

        JsonNode companiesHouse = run.output().path("sources").path("companies_house");
        assertThat(companiesHouse.path("status").asText()).isEqualTo("stopped");
        assertThat(companiesHouse.path("failed").asInt()).isEqualTo(1);
        assertThat(companiesHouse.path("errors").get(0).path("kind").asText()).isEqualTo("api_key_refused");
        web.verify(1, getRequestedFor(urlPathMatching("/company/.*")));
        assertThat(stream.insightsOfType(Insight.Type.RISK_ALERT))
                .extracting(Insight::dedupeKey)
                .containsExactly("scout:companies_house:key_refused:2025-06-02");
        assertThat(recordedSignals())
                .extracting(row -> row.toList().get(1))
                .containsExactlyInAnyOrder(
                        "job_posting", "news_mention", "job_posting", "funding_round", "news_mention");
    }

    @Test
    void a_feed_that_is_down_is_recorded_and_the_run_goes_on_with_the_others() throws Exception {
        Run run = anAttempt()
                .configured(
                        "{\"signals\": [\"news_mention\"], \"feeds\": [\"FEEDS/down.rss\", \"FEEDS/highlands.rss\"]}")
                .run();

        JsonNode feeds = run.output().path("sources").path("news").path("feeds");
        assertThat(feeds.get(0).path("status").asText()).isEqualTo("unavailable");
        assertThat(feeds.get(0).path("error").asText()).isEqualTo("HTTP 503");
        assertThat(feeds.get(1).path("status").asText()).isEqualTo("read");
        assertThat(stream.activities).containsKey("feed_unavailable:" + web.baseUrl() + "/feeds/down.rss");
        assertThat(stream.insightsOfType(Insight.Type.RISK_ALERT))
                .extracting(Insight::title)
                .containsExactly("News feed unavailable: " + web.baseUrl() + "/feeds/down.rss");
        assertThat(recordedSignals()).containsExactly(tuple(ali, "news_mention", 75, "strong", ALI_SEED_ROUND));
    }

    @Test
    void the_same_story_in_two_feeds_is_one_signal() throws Exception {
        web.stubFor(get("/feeds/syndicated.rss")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(TestFiles.text("news.rss"))));

        Run run = anAttempt()
                .configured(
                        "{\"signals\": [\"news_mention\"], \"feeds\": [\"FEEDS/highlands.rss\", \"FEEDS/syndicated.rss\"]}")
                .run();

        assertThat(run.output().path("signals_detected").asInt()).isEqualTo(1);
        assertThat(run.output().path("signals_created").asInt()).isEqualTo(1);
        assertThat(recordedSignals()).containsExactly(tuple(ali, "news_mention", 75, "strong", ALI_SEED_ROUND));
    }

    @Test
    void without_a_stream_it_watches_the_companies_of_the_orgs_active_streams() throws Exception {
        fixtures.execute("TRUNCATE stream_items, streams CASCADE");
        aStream(org).withCompanies(arbour).insert(database.dataSource());
        aStream(org).withCompanies(ali).paused().insert(database.dataSource());
        aStream(fixtures.organization()).withCompanies(albion).insert(database.dataSource());

        Run run = anAttempt()
                .configured("{\"signals\": [\"job_posting\"]}")
                .withoutStream()
                .withSharedAnalyzer()
                .run();

        assertThat(run.output().path("companies_checked").asInt()).isEqualTo(1);
        assertThat(recordedSignals()).containsExactly(tuple(arbour, "job_posting", 80, "strong", ARBOUR_JOBS));
    }

    @Test
    void a_stop_request_ends_the_run_between_steps_and_records_nothing() {
        assertThatThrownBy(() ->
                        anAttempt().configured(ALL_SOURCES).stopRequested().run())
                .isInstanceOf(InterruptedException.class);

        assertThat(recordedSignals()).isEmpty();
        web.verify(0, getRequestedFor(urlPathMatching("/company/.*")));
    }

    @Test
    void an_unknown_signal_type_fails_the_attempt_naming_the_field_and_the_types_and_writes_nothing() {
        assertThatThrownBy(() -> anAttempt()
                        .configured("{\"signals\": [\"job_posting\", \"hiring\"], \"threshold\": 70}")
                        .run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signals[1]: unknown signal type \"hiring\"; the types are job_posting, "
                        + "funding_round, executive_change, companies_house_filing, news_mention")
                .hasMessageContaining("threshold: must be a number from 0 to 1");
        assertThat(recordedSignals()).isEmpty();
        assertThat(stream.activities).isEmpty();
    }
}
