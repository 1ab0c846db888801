package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.testing.Fixtures;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import io.agentry.workflow.Workflows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level security holds where a query forgot its org: statements with no org filter at all,
 * run on an org's connections, see that org's rows alone and cannot write another org's.
 */
class TenancyTest {
    static Database database;
    static UUID acme;
    static UUID globex;

    @BeforeAll
    static void twoOrgsWithARowInEveryTable() {
        database = TestDatabase.fresh(2);
        Fixtures fixtures = new Fixtures(database);
        acme = fixtures.organization();
        globex = fixtures.organization();
        fixtures.execute(
                "INSERT INTO companies (company_number, name, status) VALUES ('RLS00001', 'Shared Ltd', 'active')");
        long company = fixtures.count("SELECT id FROM companies WHERE company_number = 'RLS00001'");
        for (UUID org : List.of(acme, globex)) {
            UUID agent = fixtures.agent(org, "test_agent");
            UUID stream = TestStreams.aStream(database.dataSource(), org, "{}", "{}");
            TestStreams.aNote(database.dataSource(), stream, "a note", 1);
            new ApiKeys(database.dataSource()).create(org, "k", KeyRole.VIEWER);
            new Workflows(database.dataSource()).execute(org, stream, agent, Workflows.ExecuteOptions.defaults());
            fixtures.execute(
                    "INSERT INTO stream_agent_assignments (stream_id, agent_id, org_id) VALUES ('%s', '%s', '%s')"
                            .formatted(stream, agent, org));
            fixtures.execute(("INSERT INTO stream_insights (stream_id, insight_type, title, dedupe_key) "
                            + "VALUES ('%s', 'risk_alert', 't', 'k')")
                    .formatted(stream));
            fixtures.execute(("INSERT INTO stream_events (stream_id, org_id, event_type, dedupe_key) "
                            + "VALUES ('%s', '%s', 'milestone', 'k')")
                    .formatted(stream, org));
            fixtures.execute(("INSERT INTO buying_signals (company_id, org_id, signal_type, signal_strength, "
                            + "confidence_score, source_ref) VALUES (%d, '%s', 'news_mention', 'weak', 50, 'r')")
                    .formatted(company, org));
            fixtures.execute("INSERT INTO schedule_fires (agent_id, fire_time, outcome) VALUES ('%s', now(), 'fired')"
                    .formatted(agent));
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "SELECT id FROM organizations",
                "SELECT org_id FROM api_keys",
                "SELECT org_id FROM ai_agents",
                "SELECT org_id FROM agent_tasks",
                "SELECT org_id FROM agent_executions",
                "SELECT org_id FROM streams",
                "SELECT s.org_id FROM stream_items i JOIN streams s ON s.id = i.stream_id",
                "SELECT s.org_id FROM stream_insights i JOIN streams s ON s.id = i.stream_id",
                "SELECT org_id FROM stream_events",
                "SELECT org_id FROM buying_signals",
                "SELECT org_id FROM stream_agent_assignments",
                "SELECT org_id FROM workflow_runs",
                "SELECT a.org_id FROM schedule_fires f JOIN ai_agents a ON a.id = f.agent_id"
            })
    void a_query_without_an_org_filter_sees_its_org_alone(String unfiltered) {
        assertThat(orgsSeen(database.dataSource(), unfiltered))
                .as("the engine sees every org")
                .contains(acme, globex);
        assertThat(orgsSeen(database.forOrg(acme), unfiltered)).isNotEmpty().containsOnly(acme);
        assertThat(orgsSeen(database.forOrg(globex), unfiltered)).isNotEmpty().containsOnly(globex);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "UPDATE ai_agents SET name = 'taken' WHERE org_id = '%s'",
                "DELETE FROM streams WHERE org_id = '%s'",
                "DELETE FROM stream_items WHERE stream_id IN (SELECT id FROM streams WHERE org_id = '%s')"
            })
    void another_orgs_rows_cannot_be_changed(String statement) {
        int changed = Sql.run(database.forOrg(acme), connection -> {
            try (PreparedStatement update = connection.prepareStatement(statement.formatted(globex))) {
                return update.executeUpdate();
            }
        });
        assertThat(changed).isZero();
    }

    @org.junit.jupiter.api.Test
    void a_row_for_another_org_cannot_be_written() {
        assertThatThrownBy(() -> Sql.run(database.forOrg(acme), connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO ai_agents (org_id, agent_type, name) VALUES (?, 'test_agent', 'intruder')")) {
                        insert.setObject(1, globex);
                        return insert.executeUpdate();
                    }
                }))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("row-level security");
    }

    @org.junit.jupiter.api.Test
    void a_shared_catalogue_is_read_but_not_written_by_an_org() {
        assertThat(orgsSeen(
                        database.forOrg(acme), "SELECT NULL::uuid FROM companies WHERE company_number = 'RLS00001'"))
                .hasSize(1);
        assertThatThrownBy(() -> Sql.run(database.forOrg(acme), connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE companies SET name = 'Mine' WHERE company_number = 'RLS00001'")) {
                        return update.executeUpdate();
                    }
                }))
                .hasMessageContaining("permission denied");
    }

    private static List<UUID> orgsSeen(javax.sql.DataSource dataSource, String sql) {
        return Sql.run(dataSource, connection -> {
            List<UUID> orgs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    orgs.add(rs.getObject(1, UUID.class));
                }
            }
            return orgs;
        });
    }
}
