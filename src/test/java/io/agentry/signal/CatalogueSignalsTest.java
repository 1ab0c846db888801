package io.agentry.signal;

import static io.agentry.signal.CompanyRows.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentry.db.Database;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueSignalsTest {
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    private static Database database;
    private static Fixtures fixtures;
    private final SettableClock clock = new SettableClock(NOW);
    private UUID org;

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void emptyCatalogue() {
        fixtures.execute("TRUNCATE buying_signals, companies CASCADE");
        org = fixtures.organization();
    }

    private List<StoredSignal> activeSignals(long... companies) {
        return new BuyingSignals(database.dataSource())
                .active(org, java.util.Arrays.stream(companies).boxed().toList(), NOW);
    }

    @Test
    void recent_accounts_and_confirmation_statement_are_filings_with_their_date_as_reference() {
        long fresh = aCompany("01234567", "FRESH ACCOUNTS LTD")
                .accountsMadeUp(TODAY.minusDays(120))
                .confirmationStatementMadeUp(TODAY.minusDays(20))
                .insert(database.dataSource());
        long stale = aCompany("07654321", "STALE ACCOUNTS LTD")
                .accountsMadeUp(TODAY.minusDays(181))
                .confirmationStatementMadeUp(TODAY.minusDays(61))
                .insert(database.dataSource());

        BuyingSignals.Recorded recorded =
                CatalogueSignals.detect(database.dataSource(), org, List.of(fresh, stale), clock, "opportunity_bot");

        assertThat(recorded.inserted()).isEqualTo(2);
        assertThat(activeSignals(fresh, stale))
                .extracting(
                        StoredSignal::companyId, StoredSignal::type, StoredSignal::confidence, StoredSignal::sourceRef)
                .containsExactly(
                        tuple(fresh, SignalType.COMPANIES_HOUSE_FILING, 45, "accounts-made-up:2025-02-02"),
                        tuple(
                                fresh,
                                SignalType.COMPANIES_HOUSE_FILING,
                                35,
                                "confirmation-statement-made-up:2025-05-13"));
        assertThat(activeSignals(fresh).get(0).detectedBy()).isEqualTo("opportunity_bot");
        assertThat(activeSignals(fresh).get(0).strength()).isEqualTo(SignalStrength.WEAK);
    }

    @Test
    void an_enrichment_that_counted_open_jobs_is_a_job_posting_the_scout_would_find_the_same() {
        Instant enrichedAt = NOW.minus(Duration.ofDays(2));
        long hiring = aCompany("01234567", "HIRING LTD")
                .enriched(
                        "{\"website\": {\"careers_url\": \"https://hiring.example/careers\", \"job_count\": 12}}",
                        enrichedAt)
                .insert(database.dataSource());
        long none = aCompany("07654321", "NO VACANCIES LTD")
                .enriched("{\"website\": {\"careers_url\": \"https://none.example/jobs\", \"job_count\": 0}}", NOW)
                .insert(database.dataSource());
        long unknown = aCompany("07654322", "UNKNOWN COUNT LTD")
                .enriched(
                        "{\"website\": {\"careers_url\": \"https://unknown.example/jobs\", \"job_count\": null}}", NOW)
                .insert(database.dataSource());

        CatalogueSignals.detect(database.dataSource(), org, List.of(hiring, none, unknown), clock, "opportunity_bot");

        List<StoredSignal> signals = activeSignals(hiring, none, unknown);
        assertThat(signals)
                .extracting(
                        StoredSignal::companyId, StoredSignal::type, StoredSignal::confidence, StoredSignal::sourceRef)
                .containsExactly(tuple(hiring, SignalType.JOB_POSTING, 90, "https://hiring.example/careers#jobs=12"));
        assertThat(signals.get(0).expiresAt()).isEqualTo(enrichedAt.plus(SignalType.JOB_POSTING.validity()));
        assertThat(signals.get(0).data().path("source").asText()).isEqualTo("enrichment");
    }

    @Test
    void detecting_again_adds_nothing_and_only_the_companies_asked_are_looked_at() {
        long asked = aCompany("01234567", "ASKED LTD")
                .accountsMadeUp(TODAY.minusDays(10))
                .insert(database.dataSource());
        long notAsked = aCompany("07654321", "NOT ASKED LTD")
                .accountsMadeUp(TODAY.minusDays(10))
                .insert(database.dataSource());

        BuyingSignals.Recorded first =
                CatalogueSignals.detect(database.dataSource(), org, List.of(asked), clock, "opportunity_bot");
        clock.advance(Duration.ofDays(1));
        BuyingSignals.Recorded second =
                CatalogueSignals.detect(database.dataSource(), org, List.of(asked), clock, "opportunity_bot");

        assertThat(first.inserted()).isEqualTo(1);
        assertThat(second.inserted()).isZero();
        assertThat(activeSignals(notAsked)).isEmpty();
    }
}
