package io.agentry.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.agent.Insight;
import io.agentry.db.Database;
import io.agentry.db.DatabaseException;
import io.agentry.db.Sql;
import io.agentry.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook tables have the tenancy of every org-owned table, and a secret no request can read. */
class WebhookTenancyTest {
    static Database database;
    static NotifyWorld acme;
    static NotifyWorld globex;

    @BeforeAll
    static void twoOrgsWithADeliveryEach() {
        database = TestDatabase.fresh();
        acme = new NotifyWorld(database);
        globex = new NotifyWorld(database);
        for (NotifyWorld world : List.of(acme, globex)) {
            world.webhook("http://127.0.0.1:9/nothing-listens");
            world.insight(Insight.Type.RISK_ALERT, Insight.Severity.CRITICAL, "risk:1");
        }
        try (var deliveries = acme.deliveryRunner()) {
            deliveries.runOnce(); // one attempt of each org's delivery
        }
    }

    @AfterAll
    static void close() {
        acme.close();
        globex.close();
        database.close();
    }

    @Test
    void a_query_that_forgets_its_org_still_sees_only_its_orgs_rows() {
        DataSource tenant = database.forOrg(acme.org);
        for (String table : List.of("webhooks", "webhook_deliveries", "webhook_attempts")) {
            assertThat(orgsIn(tenant, table)).as(table).containsExactly(acme.org.toString());
            assertThat(orgsIn(database.dataSource(), table)).as(table).hasSize(2);
        }
    }

    @Test
    void a_request_can_never_read_a_webhooks_secret() {
        DataSource tenant = database.forOrg(acme.org);

        assertThat(orgsIn(tenant, "webhooks")).hasSize(1);
        assertThatThrownBy(() -> orgsIn(tenant, "webhooks", "secret"))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("permission denied");
        assertThat(acme.fixtures.text("SELECT secret FROM webhooks WHERE org_id = '" + acme.org + "'"))
                .startsWith("whsec_");
    }

    @Test
    void the_tables_take_their_grants_from_the_tenancy_migration() {
        for (String table : List.of("webhooks", "webhook_deliveries", "webhook_attempts")) {
            assertThat(acme.fixtures.text("SELECT relrowsecurity FROM pg_class WHERE oid = '" + table + "'::regclass"))
                    .as(table)
                    .isEqualTo("t");
            for (String privilege : List.of("INSERT", "UPDATE", "DELETE")) {
                assertThat(acme.fixtures.text(
                                "SELECT has_table_privilege('agentry_tenant', '" + table + "', '" + privilege + "')"))
                        .as(table + " " + privilege)
                        .isEqualTo("t");
            }
        }
        assertThat(acme.fixtures.text("SELECT has_table_privilege('agentry_tenant', 'webhook_deliveries', 'SELECT')"))
                .isEqualTo("t");
        assertThat(acme.fixtures.text("SELECT has_column_privilege('agentry_tenant', 'webhooks', 'url', 'SELECT')"))
                .isEqualTo("t");
    }

    private static List<String> orgsIn(DataSource dataSource, String table) {
        return orgsIn(dataSource, table, "org_id");
    }

    private static List<String> orgsIn(DataSource dataSource, String table, String column) {
        return Sql.run(dataSource, connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT DISTINCT org_id, " + column + " FROM " + table + " ORDER BY 1")) {
                List<String> orgs = new java.util.ArrayList<>();
                while (rs.next()) {
                    orgs.add(rs.getString(1));
                }
                return orgs;
            }
        });
    }
}
