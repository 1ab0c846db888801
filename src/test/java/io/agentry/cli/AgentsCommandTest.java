package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code agentry agents schedule|list}, as a user runs it. */
class AgentsCommandTest {
    private static Database database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void an_agent_type_scheduled_in_a_zone_prints_its_next_three_fires_and_is_listed() {
        AgentryRun run = agentry(
                "agents", "schedule", "scoring_agent", "0 9 * * *", "--tz", "Europe/London", "--org", "Daily Nine");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .startsWith("Scheduled scoring_agent ")
                .endsWith("\"0 9 * * *\" in Europe/London. Next fires:");
        assertThat(lines.subList(1, 4))
                .allSatisfy(
                        line -> assertThat(line)
                                .matches(
                                        "  \\w{3} \\d{4}-\\d\\d-\\d\\d 09:00 \\+0[01]:00 \\(Europe/London\\)   \\d{4}-\\d\\d-\\d\\d 0[89]:00 UTC"));

        AgentryRun listed = agentry("agents", "list", "--org", "Daily Nine");
        assertThat(listed.out()).contains("scoring_agent", "yes", "0 9 * * *", "Europe/London", ":00 UTC");

        JsonNode agents = Json.read(
                agentry("agents", "list", "--org", "Daily Nine", "--json").out());
        assertThat(agents).hasSize(1);
        assertThat(agents.get(0).path("cron").asText()).isEqualTo("0 9 * * *");
        assertThat(agents.get(0).path("timezone").asText()).isEqualTo("Europe/London");
        assertThat(agents.get(0).path("next_run_at").isTextual()).isTrue();
    }

    @Test
    void an_agent_named_by_id_keeps_its_zone_when_rescheduled_and_clear_removes_the_schedule() {
        agentry("agents", "schedule", "scout_agent", "0 9 * * *", "--tz", "America/New_York", "--org", "By Id");
        String id = agentId("By Id", "scout_agent");

        AgentryRun again = agentry("agents", "schedule", id, "*/30 * * * *", "--org", "By Id");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("\"*/30 * * * *\" in America/New_York");

        AgentryRun cleared = agentry("agents", "schedule", id, "--clear", "--org", "By Id");
        assertThat(cleared.exitCode()).as(cleared.err()).isZero();
        assertThat(cleared.out()).isEqualTo("Schedule of scout_agent " + id + " cleared." + System.lineSeparator());
        assertThat(count("SELECT count(*) FROM ai_agents WHERE id = '" + id + "' AND schedule_cron IS NULL"
                        + " AND next_run_at IS NULL"))
                .isEqualTo(1);
        assertThat(agentry("agents", "list", "--org", "By Id").out()).contains("scout_agent", "America/New_York");
    }

    @Test
    void bad_input_exits_2_naming_the_flag_and_writes_nothing() {
        long agents = count("SELECT count(*) FROM ai_agents");
        long orgs = count("SELECT count(*) FROM organizations");

        AgentryRun fields = agentry("agents", "schedule", "scoring_agent", "0 9 * *", "--org", "Nobody");
        assertThat(fields.exitCode()).isEqualTo(2);
        assertThat(fields.err())
                .contains("CRON \"0 9 * *\" is not a 5-field Unix cron expression"
                        + " (minute hour day-of-month month day-of-week): it has 4 fields");

        AgentryRun range = agentry("agents", "schedule", "scoring_agent", "0 25 * * *", "--org", "Nobody");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("CRON \"0 25 * * *\" has an invalid hour field \"25\"");

        AgentryRun zone =
                agentry("agents", "schedule", "scoring_agent", "0 9 * * *", "--tz", "London", "--org", "Nobody");
        assertThat(zone.exitCode()).isEqualTo(2);
        assertThat(zone.err()).contains("--tz \"London\" is not an IANA time zone");

        AgentryRun type = agentry("agents", "schedule", "writer_bot", "0 9 * * *", "--org", "Nobody");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("AGENT must be an agent id (agentry agents list) or one of the agent types");

        AgentryRun unknown =
                agentry("agents", "schedule", UUID.randomUUID().toString(), "0 9 * * *", "--org", "Nobody");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("AGENT: no agent ").contains("agentry agents list shows them");

        assertThat(agentry("agents", "schedule", "scoring_agent", "--org", "Nobody")
                        .err())
                .contains("CRON is required (or --clear)");
        assertThat(agentry("agents", "schedule", "scoring_agent", "0 9 * * *", "--clear", "--org", "Nobody")
                        .err())
                .contains("CRON: give a schedule or --clear, not both");

        assertThat(count("SELECT count(*) FROM ai_agents")).isEqualTo(agents);
        assertThat(count("SELECT count(*) FROM organizations")).isEqualTo(orgs);
    }

    @Test
    void another_orgs_agent_cannot_be_scheduled_by_id() {
        agentry("agents", "schedule", "enrichment_agent", "0 6 * * *", "--org", "Theirs");
        String theirs = agentId("Theirs", "enrichment_agent");
        agentry("agents", "list", "--org", "Ours");
        agentry("agents", "schedule", "scoring_agent", "0 6 * * *", "--org", "Ours");

        AgentryRun run = agentry("agents", "schedule", theirs, "0 7 * * *", "--org", "Ours");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM ai_agents WHERE id = '" + theirs + "' AND schedule_cron = '0 6 * * *'"))
                .isEqualTo(1);
        assertThat(agentry("agents", "list", "--org", "Nobody Yet").out())
                .startsWith("No agent for organization 'Nobody Yet' yet");
    }

    private static String agentId(String org, String type) {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT a.id FROM ai_agents a JOIN organizations o"
                            + " ON o.id = a.org_id WHERE o.name = '" + org + "' AND a.agent_type = '" + type + "'")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static long count(String sql) {
        return Sql.run(database.dataSource(), connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static AgentryRun agentry(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--database-url", database.url(),
                "--database-user", database.user(),
                "--database-password", database.password()));
        return AgentryRun.of(all.toArray(String[]::new));
    }
}
