package io.agentry.signal;

import static io.agentry.signal.CompanyRows.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuyingSignalsTest {
    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private static Database database;
    private static Fixtures fixtures;
    private BuyingSignals signals;
    private UUID org;
    private long acme;
    private long globex;

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
    void catalogue() {
        fixtures.execute("TRUNCATE buying_signals, companies CASCADE");
        signals = new BuyingSignals(database.dataSource());
        org = fixtures.organization();
        acme = aCompany("01234567", "ACME WIDGETS LIMITED").insert(database.dataSource());
        globex = aCompany("07654321", "GLOBEX TRADING LTD").insert(database.dataSource());
    }

    private static DetectedSignal aSignal(long company, SignalType type, int confidence, String ref) {
        return DetectedSignal.of(company, type, confidence, Json.object().put("ref", ref), ref, NOW);
    }

    @Test
    void records_a_batch_and_says_how_many_were_new() {
        BuyingSignals.Recorded first = signals.record(
                org,
                "scout_agent",
                null,
                NOW,
                List.of(
                        aSignal(acme, SignalType.JOB_POSTING, 80, "https://acme.example/careers#jobs=4"),
                        aSignal(acme, SignalType.FUNDING_ROUND, 85, "filing:MzQ2Nzc3"),
                        aSignal(globex, SignalType.NEWS_MENTION, 60, "https://news.example/globex")));
        BuyingSignals.Recorded again = signals.record(
                org,
                "scout_agent",
                null,
                NOW.plus(Duration.ofDays(1)),
                List.of(
                        aSignal(acme, SignalType.FUNDING_ROUND, 85, "filing:MzQ2Nzc3"),
                        aSignal(acme, SignalType.FUNDING_ROUND, 85, "filing:NEWONE")));

        assertThat(first).isEqualTo(new BuyingSignals.Recorded(3, 3));
        assertThat(again).isEqualTo(new BuyingSignals.Recorded(1, 1));
        assertThat(fixtures.count("SELECT count(*) FROM buying_signals")).isEqualTo(4);
        assertThat(
                        fixtures.text(
                                "SELECT signal_strength || ' ' || confidence_score || ' ' || detected_by || ' ' || status FROM buying_signals WHERE source_ref = 'filing:MzQ2Nzc3'"))
                .isEqualTo("very_strong 85 scout_agent active");
    }

    @Test
    void the_same_signal_twice_in_one_batch_is_recorded_once() {
        DetectedSignal signal = aSignal(acme, SignalType.NEWS_MENTION, 75, "https://news.example/acme");

        assertThat(signals.record(org, "scout_agent", null, NOW, List.of(signal, signal))
                        .inserted())
                .isEqualTo(1);
    }

    @Test
    void two_orgs_each_hold_their_own_signal_on_one_company() {
        UUID other = fixtures.organization();
        DetectedSignal signal = aSignal(acme, SignalType.NEWS_MENTION, 75, "https://news.example/acme");

        signals.record(org, "scout_agent", null, NOW, List.of(signal));

        assertThat(signals.record(other, "scout_agent", null, NOW, List.of(signal))
                        .inserted())
                .isEqualTo(1);
    }

    @Test
    void a_retried_attempt_of_an_execution_counts_the_signals_its_earlier_attempt_recorded() {
        UUID execution = UUID.randomUUID();
        List<DetectedSignal> batch = List.of(
                aSignal(acme, SignalType.JOB_POSTING, 80, "https://acme.example/careers#jobs=4"),
                aSignal(globex, SignalType.NEWS_MENTION, 60, "https://news.example/globex"));
        signals.record(org, "scout_agent", null, NOW, List.of(batch.get(1)));

        BuyingSignals.Recorded firstAttempt = signals.record(org, "scout_agent", execution, NOW, batch.subList(0, 1));
        BuyingSignals.Recorded retry = signals.record(org, "scout_agent", execution, NOW, batch);
        BuyingSignals.Recorded nextExecution = signals.record(org, "scout_agent", UUID.randomUUID(), NOW, batch);

        assertThat(firstAttempt).isEqualTo(new BuyingSignals.Recorded(1, 1));
        assertThat(retry).isEqualTo(new BuyingSignals.Recorded(0, 1));
        assertThat(nextExecution).isEqualTo(new BuyingSignals.Recorded(0, 0));
        assertThat(fixtures.count("SELECT count(*) FROM buying_signals")).isEqualTo(2);
    }

    @Test
    void active_signals_are_the_orgs_unexpired_ones_on_the_companies_asked_most_confident_first() {
        UUID other = fixtures.organization();
        signals.record(
                org,
                "scout_agent",
                null,
                NOW,
                List.of(
                        aSignal(acme, SignalType.NEWS_MENTION, 60, "https://news.example/acme"),
                        aSignal(acme, SignalType.FUNDING_ROUND, 85, "filing:MzQ2Nzc3"),
                        aSignal(globex, SignalType.JOB_POSTING, 70, "https://globex.example/jobs#jobs=1")));
        signals.record(
                org,
                "scout_agent",
                null,
                NOW,
                List.of(DetectedSignal.of(
                        acme,
                        SignalType.EXECUTIVE_CHANGE,
                        80,
                        Json.object(),
                        "/officers/x/appointments:appointed:2024-01-02",
                        NOW.minus(Duration.ofDays(200)))));
        signals.record(
                other, "scout_agent", null, NOW, List.of(aSignal(acme, SignalType.JOB_POSTING, 90, "other-org")));
        fixtures.execute("UPDATE buying_signals SET status = 'false_positive' WHERE signal_type = 'news_mention'");

        List<StoredSignal> active = signals.active(org, List.of(acme), NOW.plus(Duration.ofDays(1)));

        assertThat(active)
                .extracting(StoredSignal::type, StoredSignal::confidence, StoredSignal::strength)
                .containsExactly(tuple(SignalType.FUNDING_ROUND, 85, SignalStrength.VERY_STRONG));
        assertThat(active.get(0).data().path("ref").asText()).isEqualTo("filing:MzQ2Nzc3");
        assertThat(active.get(0).expiresAt()).isEqualTo(NOW.plus(SignalType.FUNDING_ROUND.validity()));
        assertThat(fixtures.text("SELECT status FROM buying_signals WHERE signal_type = 'executive_change'"))
                .as("a signal already past its validity is stored as expired")
                .isEqualTo("expired");
        assertThat(signals.active(org, List.of(acme), NOW.plus(Duration.ofDays(181))))
                .isEmpty();
    }

    @Test
    void strength_follows_confidence() {
        assertThat(SignalStrength.of(100)).isEqualTo(SignalStrength.VERY_STRONG);
        assertThat(SignalStrength.of(85)).isEqualTo(SignalStrength.VERY_STRONG);
        assertThat(SignalStrength.of(84)).isEqualTo(SignalStrength.STRONG);
        assertThat(SignalStrength.of(70)).isEqualTo(SignalStrength.STRONG);
        assertThat(SignalStrength.of(69)).isEqualTo(SignalStrength.MODERATE);
        assertThat(SignalStrength.of(50)).isEqualTo(SignalStrength.MODERATE);
        assertThat(SignalStrength.of(49)).isEqualTo(SignalStrength.WEAK);
        assertThat(SignalStrength.of(0)).isEqualTo(SignalStrength.WEAK);
    }
}
