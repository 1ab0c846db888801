package io.agentry.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.agent.Insight;
import io.agentry.agent.StreamSink;
import io.agentry.agent.StreamSinks;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamFeedTest {
    private static Database database;
    private static Fixtures fixtures;
    private SettableClock clock;
    private UUID orgId;
    private UUID agentId;
    private Stream stream;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void aStreamWantingFourCompaniesOfQualityThree() {
        orgId = fixtures.organization();
        agentId = fixtures.agent(orgId, "opportunity_bot");
        stream = new Streams(database.dataSource(), ReferenceData.bundled())
                .create(
                        orgId,
                        new NewStream(
                                "UK SaaS",
                                null,
                                Json.read("{\"industry\": [\"SaaS\"]}"),
                                Json.read("{\"companies_to_find\": 4, \"min_quality_score\": 3.0}"),
                                null));
        clock = new SettableClock(stream.createdAt());
    }

    @Test
    void progress_counts_active_company_items_scoring_at_least_the_minimum() {
        addItem(4.2);
        addItem(3.0);
        addItem(2.9);
        addItem(null);

        Progress progress = progress();

        assertThat(progress.completed()).isEqualTo(2);
        assertThat(progress.total()).isEqualTo(4);
        assertThat(progress.percentage()).isEqualTo(50);
        assertThat(progress.items()).isEqualTo(4);
        assertThat(progress.goalStatus()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    void a_stream_nobody_worked_on_has_not_started() {
        assertThat(progress().goalStatus()).isEqualTo(GoalStatus.NOT_STARTED);
        assertThat(progress().percentage()).isZero();
    }

    @Test
    void reading_progress_writes_nothing() {
        addItem(4.0);
        String before = streamState();

        progress();
        progress();

        assertThat(streamState()).isEqualTo(before);
        assertThat(new Streams(database.dataSource(), ReferenceData.bundled())
                        .find(stream.id())
                        .orElseThrow()
                        .goalStatus())
                .isEqualTo("not_started");
    }

    @Test
    void publishing_progress_stores_it_on_the_stream_and_appends_a_progress_update() {
        addItem(4.0);
        addItem(4.5);

        feed(UUID.randomUUID(), 1).publishProgress();

        Stream stored = new Streams(database.dataSource(), ReferenceData.bundled())
                .find(stream.id())
                .orElseThrow();
        assertThat(stored.currentProgress().path("percentage").asInt()).isEqualTo(50);
        assertThat(stored.currentProgress().path("completed").asInt()).isEqualTo(2);
        assertThat(stored.goalStatus()).isEqualTo("in_progress");
        assertThat(events(StreamEvent.PROGRESS_UPDATE)).singleElement().satisfies(event -> {
            assertThat(event.payload().path("progress").path("percentage").asInt())
                    .isEqualTo(50);
            assertThat(event.payload().path("goal_status").asText()).isEqualTo("in_progress");
        });
    }

    @Test
    void each_milestone_is_announced_once_however_many_executions_reach_it() {
        addItem(4.0);
        addItem(4.0);

        feed(UUID.randomUUID(), 1).publishProgress();
        feed(UUID.randomUUID(), 1).publishProgress();
        addItem(4.0);
        addItem(4.0);
        feed(UUID.randomUUID(), 1).publishProgress();

        assertThat(events(StreamEvent.MILESTONE))
                .extracting(event -> event.payload().path("milestone").asInt())
                .containsExactly(25, 50, 75, 100);
        assertThat(new StreamInsights(database.dataSource()).latest(stream.id(), 10))
                .extracting(StreamInsight::insightType)
                .containsOnly("milestone_achieved")
                .hasSize(4);
        assertThat(progress().goalStatus()).isEqualTo(GoalStatus.COMPLETED);
    }

    @Test
    void a_retried_attempt_reporting_the_same_things_duplicates_nothing() {
        addItem(4.0);
        UUID executionId = UUID.randomUUID();
        Insight warning = new Insight(
                Insight.Type.RISK_ALERT,
                "Few companies match",
                "Only 1 company matches the criteria",
                Insight.Severity.WARNING,
                null,
                true,
                "risk:few_candidates:1");

        for (int attempt = 1; attempt <= 2; attempt++) {
            StreamSink sink = feed(executionId, attempt);
            sink.activity("started", "Searching the catalogue", null);
            sink.insight(warning);
            sink.publishProgress();
        }

        assertThat(events(StreamEvent.AGENT_ACTIVITY)).hasSize(1);
        assertThat(events(StreamEvent.INSIGHT)).hasSize(1);
        assertThat(events(StreamEvent.PROGRESS_UPDATE)).hasSize(1);
        assertThat(new StreamInsights(database.dataSource()).latest(stream.id(), 10))
                .filteredOn(insight -> insight.insightType().equals("risk_alert"))
                .hasSize(1);
    }

    @Test
    void a_warning_is_not_repeated_while_nothing_changed_and_is_when_it_did() {
        StreamSink first = feed(UUID.randomUUID(), 1);
        StreamSink second = feed(UUID.randomUUID(), 1);

        assertThat(first.insight(fewCandidates(1))).isTrue();
        assertThat(second.insight(fewCandidates(1))).isFalse();
        assertThat(second.insight(fewCandidates(2))).isTrue();
    }

    @Test
    void a_deadline_half_gone_with_a_quarter_done_puts_the_goal_at_risk() {
        setDeadline(stream.createdAt().plus(Duration.ofDays(10)));
        addItem(4.0);
        clock.advance(Duration.ofDays(5));

        assertThat(progress().goalStatus()).isEqualTo(GoalStatus.AT_RISK);

        addItem(4.0);
        assertThat(progress().goalStatus()).isEqualTo(GoalStatus.ON_TRACK);

        clock.advance(Duration.ofDays(6));
        assertThat(progress().goalStatus()).isEqualTo(GoalStatus.FAILED);
    }

    private static Insight fewCandidates(int found) {
        return new Insight(
                Insight.Type.RISK_ALERT,
                "Few companies match",
                null,
                Insight.Severity.WARNING,
                null,
                true,
                "risk:few_candidates:" + found);
    }

    private StreamSink feed(UUID executionId, int attempt) {
        return new StreamFeeds(database.dataSource(), clock)
                .open(new StreamSinks.Reporter(orgId, stream.id(), executionId, agentId, "opportunity_bot", attempt));
    }

    private Progress progress() {
        return new StreamProgress(database.dataSource(), clock)
                .read(stream.id())
                .orElseThrow();
    }

    private java.util.List<StreamEvent> events(String type) {
        return new StreamEvents(database.dataSource())
                .since(stream.id(), 0, 100).stream()
                        .filter(event -> event.type().equals(type))
                        .toList();
    }

    private void addItem(Double score) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    WITH company AS (
                        INSERT INTO companies (company_number, name, status) VALUES (?, ?, 'Active') RETURNING id, name)
                    INSERT INTO stream_items (stream_id, company_id, title, metadata)
                    SELECT ?, id, name, ?::jsonb FROM company""")) {
                String number = String.format(
                        "%08d", (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 90_000_000));
                statement.setString(1, number);
                statement.setString(2, "COMPANY " + number + " LTD");
                statement.setObject(3, stream.id());
                statement.setString(4, score == null ? "{}" : "{\"quality_score\": " + score + "}");
                return statement.executeUpdate();
            }
        });
    }

    private void setDeadline(Instant deadline) {
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("UPDATE streams SET goal_deadline = ? WHERE id = ?")) {
                statement.setTimestamp(1, Sql.timestamp(deadline));
                statement.setObject(2, stream.id());
                return statement.executeUpdate();
            }
        });
    }

    /** The stream's row as stored (with its row version) and how many events and insights it has. */
    private String streamState() {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.xmin::text || ' ' || s::text
                           || ' ' || (SELECT count(*) FROM stream_events e WHERE e.stream_id = s.id)
                           || ' ' || (SELECT count(*) FROM stream_insights i WHERE i.stream_id = s.id)
                    FROM streams s WHERE s.id = ?""")) {
                statement.setObject(1, stream.id());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
