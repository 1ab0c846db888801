package io.agentry.web;

import static io.agentry.testing.TestCompany.aCompany;
import static io.agentry.web.AgentRoutesTest.field;
import static io.agentry.web.AgentRoutesTest.walk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Sql;
import io.agentry.testing.Fixtures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignalRoutesTest {
    static ApiTestServer api;
    static DataSource data;
    static ApiTestServer.Org acme;
    static ApiTestServer.Org globex;
    static long northwind;
    static long contoso;
    /** Acme's signals, newest first. */
    static List<String> newestFirst = new ArrayList<>();

    static String expired;
    static String theirs;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        data = api.database.dataSource();
        acme = api.newOrg("acme");
        globex = api.newOrg("globex");
        northwind = aCompany("NORTHWIND LTD").number("00000042").insert(data);
        contoso = aCompany("CONTOSO LTD").insert(data);
        String[] types = {"job_posting", "funding_round", "executive_change", "news_mention", "job_posting"};
        for (int i = 0; i < types.length; i++) {
            String id = signal(
                    acme.id(),
                    i % 2 == 0 ? northwind : contoso,
                    types[i],
                    i == 3 ? "expired" : "active",
                    i,
                    "ref-" + i);
            newestFirst.add(0, id);
            if (i == 3) {
                expired = id;
            }
        }
        // Two signals detected in the same instant: the id orders them.
        new Fixtures(api.database)
                .execute("UPDATE buying_signals SET detected_at = (SELECT detected_at FROM buying_signals WHERE id = '"
                        + newestFirst.get(0) + "') WHERE id = '" + newestFirst.get(1) + "'");
        if (newestFirst.get(0).compareTo(newestFirst.get(1)) < 0) {
            newestFirst.add(0, newestFirst.remove(1));
        }
        theirs = signal(globex.id(), northwind, "job_posting", "active", 0, "theirs");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void signals_are_listed_newest_first_with_their_company() {
        JsonNode first = acme.viewer().get("/api/signals").expect(200).json().at("/items/0");
        assertThat(first.path("id").asText()).isEqualTo(newestFirst.get(0));
        JsonNode any = acme.viewer()
                .get("/api/signals?signal_type=funding_round")
                .expect(200)
                .json()
                .at("/items/0");
        assertThat(any.path("company_number").asText()).isNotBlank();
        assertThat(any.path("company_name").asText()).isEqualTo("CONTOSO LTD");
        assertThat(any.path("signal_strength").asText()).isEqualTo("strong");
        assertThat(any.path("confidence_score").asInt()).isEqualTo(70);
        assertThat(any.at("/signal_data/headline").asText()).isEqualTo("ref-1");
        assertThat(any.path("source_ref").asText()).isEqualTo("ref-1");
        assertThat(any.path("detected_by").asText()).isEqualTo("scout_agent");
    }

    @Test
    void paging_walks_every_signal_once() {
        assertThat(walk(acme.viewer(), "/api/signals?limit=2")).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filters_narrow_the_list() {
        assertThat(walk(acme.viewer(), "/api/signals?company_number=42")).hasSize(3);
        assertThat(walk(acme.viewer(), "/api/signals?company_number=00000042&signal_type=job_posting"))
                .hasSize(2);
        assertThat(walk(acme.viewer(), "/api/signals?status=expired")).containsExactly(expired);
        assertThat(walk(acme.viewer(), "/api/signals?status=false_positive")).isEmpty();
        field(acme.viewer().get("/api/signals?signal_type=rumour"), "signal_type");
        field(acme.viewer().get("/api/signals?status=new"), "status");
        field(acme.viewer().get("/api/signals?company_number=not-a-number"), "company_number");
    }

    @Test
    void another_orgs_signals_are_not_listed() {
        assertThat(walk(acme.viewer(), "/api/signals")).doesNotContain(theirs).hasSize(5);
        assertThat(walk(globex.viewer(), "/api/signals")).containsExactly(theirs);
    }

    private static String signal(UUID org, long company, String type, String status, int nth, String ref) {
        return Sql.run(data, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO buying_signals (company_id, org_id, signal_type, signal_strength, confidence_score,
                                                signal_data, detected_at, detected_by, status, source_ref)
                    VALUES (?, ?, ?, 'strong', 70, jsonb_build_object('headline', ?::text),
                            now() - make_interval(mins => 10 - ?), 'scout_agent', ?, ?)
                    RETURNING id""")) {
                insert.setLong(1, company);
                insert.setObject(2, org);
                insert.setString(3, type);
                insert.setString(4, ref);
                insert.setInt(5, nth);
                insert.setString(6, status);
                insert.setString(7, ref);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
    }
}
