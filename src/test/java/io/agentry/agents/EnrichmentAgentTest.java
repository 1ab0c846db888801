package io.agentry.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.agentry.enrichment.EnrichmentFixtures.REQUESTS_PER_KNOWN_COMPANY;
import static io.agentry.enrichment.EnrichmentFixtures.aCompany;
import static io.agentry.enrichment.EnrichmentFixtures.companiesHouseKnows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.enrichment.EnrichmentFixtures;
import io.agentry.enrichment.EnrichmentSources;
import io.agentry.enrichment.LocalSites;
import io.agentry.enrichment.RecordingSink;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import io.agentry.website.WebsiteAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EnrichmentAgentTest {
    private static final Instant START = Instant.parse("2025-06-02T09:00:00Z");

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static Database database;
    private static LocalSites sites;

    private final SettableClock clock = new SettableClock(START);
    private final List<Duration> pauses = new ArrayList<>();
    private final Sleeper sleeper = duration -> {
        synchronized (pauses) {
            pauses.add(duration);
        }
        clock.advance(duration);
    };
    private RateLimiter limiter = new RateLimiter(600, Duration.ofMinutes(5), clock, sleeper);
    private WebsiteAnalyzer websites;
    private EnrichmentFixtures rows;
    private UUID orgId;
    private UUID agentId;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.fresh();
        sites = LocalSites.start();
    }

    @AfterAll
    static void stop() {
        sites.close();
        database.close();
    }

    @BeforeEach
    void emptyCatalogue() {
        Fixtures fixtures = new Fixtures(database);
        fixtures.execute("DELETE FROM stream_items");
        fixtures.execute("DELETE FROM streams");
        fixtures.execute("DELETE FROM companies");
        rows = new EnrichmentFixtures(database.dataSource());
        websites = new WebsiteAnalyzer(sites.options(), clock);
        orgId = fixtures.organization();
        agentId = fixtures.agent(orgId, EnrichmentAgent.TYPE);
    }

    @AfterEach
    void closeAnalyzer() {
        websites.close();
    }

    @Test
    void companies_house_and_website_facts_are_stored_with_every_source_recorded() throws Exception {
        sites.company("hartwell.example", "Hartwell & Price Engineering");
        long id = rows.insert(aCompany("04567891").withWebsite("http://hartwell.example/"));
        UUID stream = rows.stream(orgId, id);
        companiesHouseKnows(api, "04567891");

        Run run = run(withCompaniesHouse(), stream);

        assertThat(run.output().path("enriched_count").asInt()).isEqualTo(1);
        assertThat(run.output().path("items_updated").asInt()).isEqualTo(1);
        assertThat(run.output().path("companies_house").path("ok").asInt()).isEqualTo(1);
        assertThat(run.output().path("companies_house").path("requests").asInt())
                .isEqualTo(REQUESTS_PER_KNOWN_COMPANY);
        assertThat(run.output().path("website").path("ok").asInt()).isEqualTo(1);
        assertThat(rows.column("04567891", "officers_count")).isEqualTo("2");
        assertThat(rows.column("04567891", "filing_count")).isEqualTo("5");
        assertThat(rows.column("04567891", "psc_count")).isEqualTo("2");
        assertThat(rows.column("04567891", "tech_stack")).isEqualTo("{jQuery,Bootstrap}");
        assertThat(rows.column("04567891", "social_links"))
                .isEqualTo("{\"linkedin\": \"https://www.linkedin.com/company/hartwell.example\"}");
        assertThat(rows.column("04567891", "description"))
                .isEqualTo("Hartwell & Price Engineering makes precision parts in Sheffield.");
        assertThat(rows.column("04567891", "enriched_at")).startsWith("2025-06-02");
        JsonNode enrichment = rows.enrichment("04567891");
        assertThat(enrichment.path("companies_house").path("status").asText()).isEqualTo("ok");
        assertThat(enrichment
                        .path("companies_house")
                        .path("profile")
                        .path("company_status")
                        .asText())
                .isEqualTo("active");
        assertThat(enrichment.path("companies_house").path("officers").path("current"))
                .extracting(officer -> officer.path("name").asText())
                .containsExactly("HARTWELL, Simon James", "PRICE, Amelia Rose");
        assertThat(enrichment
                        .path("companies_house")
                        .path("pscs")
                        .path("active")
                        .asInt())
                .isEqualTo(2);
        JsonNode website = enrichment.path("website");
        assertThat(website.path("status").asText()).isEqualTo("ok");
        assertThat(website.path("contact_email").asText()).isEqualTo("sales@hartwell.example");
        assertThat(website.path("careers_url").asText()).isEqualTo("http://hartwell.example/careers");
        assertThat(website.path("job_count").asInt()).isEqualTo(2);
        assertThat(run.meter().path("api_calls").asInt()).isEqualTo(REQUESTS_PER_KNOWN_COMPANY);
        assertThat(run.meter().path("items_processed").asInt()).isEqualTo(1);
        assertThat(run.meter().path("tokens_used").asInt()).isZero();
        assertThat(new Fixtures(database).text("SELECT stage_id FROM stream_items"))
                .isEqualTo("enriched");
        assertThat(run.sink().activities())
                .extracting(RecordingSink.Activity::key)
                .containsExactly("started", "completed");
        assertThat(run.sink().insightKeys()).containsExactly("enrichment:coverage:1/1");
        assertThat(run.sink().progressUpdates()).isEqualTo(1);
    }

    @Test
    void over_repeated_runs_every_company_is_enriched_when_the_batch_is_smaller_than_the_stream() throws Exception {
        long[] ids = LongStream.rangeClosed(1, 10)
                .map(n -> rows.insert(aCompany(String.format("%08d", 90_000_000 + n))))
                .toArray();
        UUID stream = rows.stream(orgId, ids);
        EnrichmentAgent agent = withoutCompaniesHouse();

        List<Integer> processed = new ArrayList<>();
        for (int run = 1; run <= 4; run++) {
            processed.add(run(agent, stream, "{\"batch_size\": 3}")
                    .output()
                    .path("companies_processed")
                    .asInt());
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(processed).containsExactly(3, 3, 3, 1);
        assertThat(enrichedAt(START)).isEqualTo("90000001,90000002,90000003");
        assertThat(enrichedAt(START.plus(Duration.ofMinutes(10)))).isEqualTo("90000004,90000005,90000006");
        assertThat(enrichedAt(START.plus(Duration.ofMinutes(20)))).isEqualTo("90000007,90000008,90000009");
        assertThat(enrichedAt(START.plus(Duration.ofMinutes(30)))).isEqualTo("90000010");

        clock.advance(Duration.ofDays(7));
        run(agent, stream, "{\"batch_size\": 3}");
        assertThat(enrichedAt(clock.now()))
                .as("once stale, the longest ago come first")
                .isEqualTo("90000001,90000002,90000003");
    }

    @Test
    void a_second_run_within_seven_days_enriches_nothing_again() throws Exception {
        sites.company("within.example", "Within Seven Days");
        long id = rows.insert(aCompany("04567891").withWebsite("http://within.example/"));
        UUID stream = rows.stream(orgId, id);
        companiesHouseKnows(api, "04567891");
        EnrichmentAgent agent = withCompaniesHouse();
        run(agent, stream);
        String stored = rows.column("04567891", "enrichment");
        int siteRequests = sites.requests("within.example");

        clock.advance(Duration.ofDays(6).plusHours(23));
        Run second = run(agent, stream);

        assertThat(second.output().path("companies_due").asInt()).isZero();
        assertThat(second.output().path("enriched_count").asInt()).isZero();
        assertThat(second.output().path("items_updated").asInt()).isZero();
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(REQUESTS_PER_KNOWN_COMPANY);
        assertThat(sites.requests("within.example")).isEqualTo(siteRequests);
        assertThat(rows.column("04567891", "enrichment")).isEqualTo(stored);

        clock.advance(Duration.ofHours(2));
        assertThat(run(agent, stream).output().path("enriched_count").asInt())
                .as("after seven days it is due again")
                .isEqualTo(1);
    }

    @Test
    void too_many_requests_backs_off_and_then_succeeds() throws Exception {
        long id = rows.insert(aCompany("04567891"));
        UUID stream = rows.stream(orgId, id);
        companiesHouseKnows(api, "04567891");
        api.stubFor(get(urlPathEqualTo("/company/04567891"))
                .inScenario("rate limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(status(429).withHeader("Retry-After", "3"))
                .willSetStateTo("limited once"));
        api.stubFor(get(urlPathEqualTo("/company/04567891"))
                .inScenario("rate limited")
                .whenScenarioStateIs("limited once")
                .willReturn(okJson(profileOf("04567891"))));

        Run run = run(withCompaniesHouse(), stream);

        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(rows.enrichment("04567891")
                        .path("companies_house")
                        .path("status")
                        .asText())
                .isEqualTo("ok");
        assertThat(rows.column("04567891", "officers_count")).isEqualTo("2");
        api.verify(2, getRequestedFor(urlPathEqualTo("/company/04567891")));
        assertThat(run.output().path("companies_house").path("requests").asInt())
                .isEqualTo(REQUESTS_PER_KNOWN_COMPANY + 1);
    }

    @Test
    void without_an_api_key_companies_house_is_recorded_as_skipped_with_the_reason() throws Exception {
        long id = rows.insert(aCompany("04567891"));
        UUID stream = rows.stream(orgId, id);

        Run run = run(withoutCompaniesHouse(), stream);

        JsonNode companiesHouse = rows.enrichment("04567891").path("companies_house");
        assertThat(companiesHouse.path("status").asText()).isEqualTo("skipped");
        assertThat(companiesHouse.path("reason").asText()).isEqualTo(CompaniesHouseClient.NOT_CONFIGURED);
        assertThat(rows.enrichment("04567891").path("website").path("reason").asText())
                .isEqualTo("no website known for the company");
        assertThat(rows.column("04567891", "officers_count")).isNull();
        assertThat(run.output().path("companies_house").path("skipped").asInt()).isEqualTo(1);
        assertThat(run.output().path("companies_house").path("configured").asBoolean())
                .isFalse();
        assertThat(run.output().path("enriched_count").asInt())
                .as("an estimate from data already held is not enrichment")
                .isZero();
        assertThat(run.meter().path("api_calls").asInt()).isZero();
        assertThat(run.sink().insights())
                .filteredOn(insight -> insight.type() == Insight.Type.RECOMMENDATION)
                .singleElement()
                .satisfies(insight -> {
                    assertThat(insight.description()).contains(CompaniesHouseClient.NOT_CONFIGURED);
                    assertThat(insight.actionable()).isTrue();
                });
    }

    @Test
    void a_dead_or_stalled_website_is_recorded_as_failed_and_the_other_companies_are_enriched() throws Exception {
        sites.company("alive.example", "Alive Tools").dead("dead.example").stalling("stalled.example");
        long alive = rows.insert(aCompany("90000001").withWebsite("http://alive.example/"));
        long dead = rows.insert(aCompany("90000002").withWebsite("http://dead.example/"));
        long stalled = rows.insert(aCompany("90000003").withWebsite("http://stalled.example/"));
        UUID stream = rows.stream(orgId, alive, dead, stalled);

        Run run = run(withoutCompaniesHouse(), stream);

        assertThat(run.result().success()).isTrue();
        assertThat(run.output().path("website").path("ok").asInt()).isEqualTo(1);
        assertThat(run.output().path("website").path("failed").asInt()).isEqualTo(2);
        assertThat(run.output().path("companies_processed").asInt()).isEqualTo(3);
        assertThat(rows.column("90000001", "tech_stack")).isEqualTo("{jQuery,Bootstrap}");
        JsonNode deadSite = rows.enrichment("90000002").path("website");
        assertThat(deadSite.path("status").asText()).isEqualTo("failed");
        assertThat(deadSite.path("outcome").asText()).isEqualTo("UNREACHABLE");
        assertThat(deadSite.path("reason").asText()).startsWith("UNREACHABLE: ");
        JsonNode stalledSite = rows.enrichment("90000003").path("website");
        assertThat(stalledSite.path("status").asText()).isEqualTo("failed");
        assertThat(stalledSite.path("outcome").asText()).isEqualTo("TIMEOUT");
        assertThat(rows.column("90000003", "tech_stack")).isNull();
        assertThat(rows.column("90000003", "enriched_at"))
                .as("tried, and due again in seven days")
                .isNotNull();
        assertThat(run.sink().insightKeys()).contains("enrichment:websites_failed:2/3");
    }

    @Test
    void size_estimates_are_marked_as_estimates_with_their_source() throws Exception {
        long small = rows.insert(aCompany("90000001").withAccountsCategory("SMALL"));
        long dormant = rows.insert(aCompany("90000002").withAccountsCategory("DORMANT"));
        long full = rows.insert(aCompany("90000003").withAccountsCategory("FULL"));
        long counted = rows.insert(
                aCompany("90000004").withAccountsCategory("DORMANT").withEmployees(12, "annual report 2024"));
        UUID stream = rows.stream(orgId, small, dormant, full, counted);

        run(withoutCompaniesHouse(), stream);

        JsonNode estimates = rows.enrichment("90000001").path("estimates");
        assertThat(estimates.path("status").asText()).isEqualTo("ok");
        assertThat(estimates.path("basis").asText()).isEqualTo("catalogue");
        assertThat(estimates.path("band").asText()).isEqualTo("small");
        assertThat(estimates.path("employees").path("min").asInt()).isZero();
        assertThat(estimates.path("employees").path("max").asInt()).isEqualTo(50);
        assertThat(estimates.path("employees").path("estimate").asBoolean()).isTrue();
        assertThat(estimates.path("employees").path("source").asText())
                .isEqualTo("accounts category SMALL (Companies Act 2006 thresholds from 6 April 2025)");
        assertThat(estimates.path("revenue_gbp").path("max").asLong()).isEqualTo(15_000_000L);
        assertThat(estimates.path("revenue_gbp").path("estimate").asBoolean()).isTrue();
        assertThat(rows.column("90000001", "employee_count"))
                .as("a band is never passed off as a count")
                .isNull();

        assertThat(rows.column("90000002", "employee_count")).isEqualTo("0");
        assertThat(rows.column("90000002", "employee_count_source"))
                .isEqualTo("estimate: accounts category DORMANT (Companies Act 2006 s.1169: dormant)");
        assertThat(rows.column("90000002", "revenue_estimate_gbp")).isEqualTo("0");
        assertThat(rows.column("90000002", "revenue_source")).startsWith("estimate: accounts category DORMANT");

        JsonNode none = rows.enrichment("90000003").path("estimates");
        assertThat(none.path("status").asText()).isEqualTo("skipped");
        assertThat(none.path("reason").asText()).isEqualTo("accounts category FULL gives no size estimate");
        assertThat(rows.column("90000003", "employee_count")).isNull();

        assertThat(rows.column("90000004", "employee_count"))
                .as("a better source is kept")
                .isEqualTo("12");
        assertThat(rows.column("90000004", "employee_count_source")).isEqualTo("annual report 2024");
    }

    @Test
    void the_estimate_follows_the_last_accounts_companies_house_reports() throws Exception {
        long id = rows.insert(aCompany("04567891").withAccountsCategory("DORMANT"));
        UUID stream = rows.stream(orgId, id);
        companiesHouseKnows(api, "04567891");

        run(withCompaniesHouse(), stream);

        JsonNode estimates = rows.enrichment("04567891").path("estimates");
        assertThat(estimates.path("basis").asText()).isEqualTo("companies_house_profile");
        assertThat(estimates.path("accounts_category").asText()).isEqualTo("TOTAL EXEMPTION FULL");
        assertThat(estimates.path("band").asText()).isEqualTo("small");
    }

    @Test
    void a_retried_attempt_duplicates_nothing() throws Exception {
        sites.company("retried.example", "Retried Works");
        long first = rows.insert(aCompany("04567891").withWebsite("http://retried.example/"));
        long second = rows.insert(aCompany("04567892"));
        UUID stream = rows.stream(orgId, first, second);
        companiesHouseKnows(api, "04567891");
        companiesHouseKnows(api, "04567892");
        EnrichmentAgent agent = withCompaniesHouse();
        UUID taskId = UUID.randomUUID();
        UUID executionId = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        run(agent, stream, "{}", new Attempt(taskId, executionId, 1), sink);
        String stored = new Fixtures(database)
                .text("SELECT string_agg(enrichment::text || enriched_at::text, ',' ORDER BY id) FROM companies");
        String items = new Fixtures(database)
                .text("SELECT string_agg(metadata::text || stage_id || updated_at::text, ',') FROM stream_items");
        int writes = sink.writes();
        int siteRequests = sites.requests("retried.example");

        clock.advance(Duration.ofMinutes(2));
        Run retry = run(agent, stream, "{}", new Attempt(taskId, executionId, 2), sink);

        assertThat(retry.result().success()).isTrue();
        assertThat(retry.output().path("companies_processed").asInt()).isZero();
        assertThat(retry.output().path("items_updated").asInt()).isZero();
        assertThat(sink.writes())
                .as("nothing new for the stream's feed or insights")
                .isEqualTo(writes);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2 * REQUESTS_PER_KNOWN_COMPANY);
        assertThat(sites.requests("retried.example")).isEqualTo(siteRequests);
        assertThat(new Fixtures(database)
                        .text("SELECT string_agg(enrichment::text || enriched_at::text, ',' ORDER BY id)"
                                + " FROM companies"))
                .isEqualTo(stored);
        assertThat(new Fixtures(database)
                        .text("SELECT string_agg(metadata::text || stage_id || updated_at::text, ',')"
                                + " FROM stream_items"))
                .isEqualTo(items);
    }

    @Test
    void when_the_rate_limit_is_spent_companies_are_deferred_and_come_first_next_run() throws Exception {
        limiter = new RateLimiter(2 * REQUESTS_PER_KNOWN_COMPANY, Duration.ofMinutes(5), clock, sleeper);
        long[] ids = new long[4];
        for (int n = 1; n <= 4; n++) {
            String number = "0456789" + n;
            ids[n - 1] = rows.insert(aCompany(number));
            companiesHouseKnows(api, number);
        }
        UUID stream = rows.stream(orgId, ids);
        EnrichmentAgent agent = withCompaniesHouse();
        String oneAtATime = "{\"companies_house_concurrency\": 1}";

        Run first = run(agent, stream, oneAtATime);

        assertThat(first.output().path("companies_house").path("ok").asInt()).isEqualTo(2);
        assertThat(first.output().path("companies_house").path("deferred").asInt())
                .isEqualTo(2);
        assertThat(first.output().path("companies_processed").asInt())
                .as("the run went on without waiting")
                .isEqualTo(4);
        assertThat(pauses).isEmpty();
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2 * REQUESTS_PER_KNOWN_COMPANY);
        JsonNode deferred = rows.enrichment("04567893").path("companies_house");
        assertThat(deferred.path("status").asText()).isEqualTo("deferred");
        assertThat(deferred.path("reason").asText()).contains("rate limit").contains("deferred to the next run");
        assertThat(first.sink().insightKeys()).contains("enrichment:companies_house:deferred:2/4");

        clock.advance(Duration.ofMinutes(1));
        Run tooSoon = run(agent, stream, oneAtATime);
        assertThat(tooSoon.output().path("companies_due").asInt()).isEqualTo(2);
        assertThat(tooSoon.output().path("companies_house").path("deferred").asInt())
                .isEqualTo(2);
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2 * REQUESTS_PER_KNOWN_COMPANY);

        clock.advance(Duration.ofMinutes(5));
        Run next = run(agent, stream, oneAtATime);
        assertThat(next.output().path("companies_due").asInt()).isEqualTo(2);
        assertThat(next.output().path("companies_house").path("ok").asInt()).isEqualTo(2);
        assertThat(rows.enrichment("04567894")
                        .path("companies_house")
                        .path("status")
                        .asText())
                .isEqualTo("ok");
        assertThat(rows.column("04567894", "enriched_at"))
                .as("a deferred step does not restart the company's seven days")
                .isEqualTo(rows.column("04567891", "enriched_at"));
        assertThat(limiter.counters().requests()).isEqualTo(4 * REQUESTS_PER_KNOWN_COMPANY);
    }

    @Test
    void a_refused_key_fails_the_step_for_every_company_with_one_request() throws Exception {
        long[] ids = {rows.insert(aCompany("04567891")), rows.insert(aCompany("04567892"))};
        UUID stream = rows.stream(orgId, ids);
        api.stubFor(get(urlPathMatching("/company/.*")).willReturn(unauthorized()));

        Run run = run(withCompaniesHouse(), stream, "{\"companies_house_concurrency\": 1}");

        assertThat(run.output().path("companies_house").path("failed").asInt()).isEqualTo(2);
        assertThat(rows.enrichment("04567892")
                        .path("companies_house")
                        .path("reason")
                        .asText())
                .contains("API key refused");
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void an_attempt_asked_to_stop_stops_before_its_next_write_and_a_retry_does_the_work() throws Exception {
        long[] ids = {rows.insert(aCompany("90000001")), rows.insert(aCompany("90000002"))};
        UUID stream = rows.stream(orgId, ids);
        StopSignal stop = new StopSignal();
        stop.request(StopReason.CANCELLED);
        AgentContext stopped =
                context(stream, "{}", new Attempt(UUID.randomUUID(), UUID.randomUUID(), 1)).stopSignal(stop).stream(
                                new RecordingSink())
                        .build();

        assertThatThrownBy(() -> withoutCompaniesHouse().run(stopped)).isInstanceOf(InterruptedException.class);

        assertThat(new Fixtures(database).count("SELECT count(*) FROM companies WHERE enriched_at IS NULL"))
                .isEqualTo(2);
        assertThat(run(withoutCompaniesHouse(), stream)
                        .output()
                        .path("companies_processed")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void a_task_without_a_stream_fails_with_the_reason() throws Exception {
        AgentContext context = context(null, "{}", new Attempt(UUID.randomUUID(), UUID.randomUUID(), 1)).stream(
                        new RecordingSink())
                .build();

        AgentResult result = withoutCompaniesHouse().run(context);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("stream_id");
    }

    private EnrichmentAgent withCompaniesHouse() {
        CompaniesHouseOptions options = CompaniesHouseOptions.of("5f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8")
                .withBaseUrl(api.baseUrl())
                .withRequestTimeout(Duration.ofSeconds(20))
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        return agent(Optional.of(options));
    }

    private EnrichmentAgent withoutCompaniesHouse() {
        return agent(Optional.empty());
    }

    private EnrichmentAgent agent(Optional<CompaniesHouseOptions> companiesHouse) {
        return new EnrichmentAgent(new EnrichmentSources(
                companiesHouse,
                limiter,
                sleeper,
                websites,
                ReferenceData.bundled().sizeBands()));
    }

    private record Attempt(UUID taskId, UUID executionId, int number) {}

    private record Run(AgentResult result, JsonNode output, JsonNode meter, RecordingSink sink) {}

    private Run run(EnrichmentAgent agent, UUID stream) throws Exception {
        return run(agent, stream, "{}");
    }

    private Run run(EnrichmentAgent agent, UUID stream, String configuration) throws Exception {
        return run(
                agent,
                stream,
                configuration,
                new Attempt(UUID.randomUUID(), UUID.randomUUID(), 1),
                new RecordingSink());
    }

    private Run run(EnrichmentAgent agent, UUID stream, String configuration, Attempt attempt, RecordingSink sink)
            throws Exception {
        CostMeter meter = new CostMeter();
        AgentContext context = context(stream, configuration, attempt).meter(meter).stream(sink)
                .build();
        AgentResult result = agent.run(context);
        assertThat(result.success()).as("the run: %s", result.error()).isTrue();
        return new Run(result, result.output(), meter.toJson(0), sink);
    }

    private AgentContext.Builder context(UUID stream, String configuration, Attempt attempt) {
        return AgentContext.builder()
                .task(attempt.taskId(), attempt.executionId(), attempt.number())
                .agent(agentId, orgId, EnrichmentAgent.TYPE, Json.read(configuration))
                .input(stream == null ? Json.object() : Json.object().put("stream_id", stream.toString()))
                .stopSignal(new StopSignal())
                .meter(new CostMeter())
                .database(database.dataSource())
                .clock(clock);
    }

    private static String profileOf(String number) {
        return EnrichmentFixtures.answer("profile", number);
    }

    /** The companies enriched at {@code time}, by number. */
    private String enrichedAt(Instant time) {
        return new Fixtures(database)
                .text("SELECT string_agg(company_number, ',' ORDER BY company_number) FROM companies"
                        + " WHERE enriched_at = '" + time + "'");
    }
}
