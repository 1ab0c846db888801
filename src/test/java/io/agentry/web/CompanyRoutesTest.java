package io.agentry.web;

import static io.agentry.testing.TestCompany.aCompany;
import static io.agentry.web.AgentRoutesTest.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompanyRoutesTest {
    static ApiTestServer api;
    static ApiTestServer.Org acme;

    @BeforeAll
    static void start() {
        api = new ApiTestServer();
        acme = api.newOrg("acme");
        DataSource data = api.database.dataSource();
        aCompany("NORTHWIND ANALYTICS LTD").number("01234567").insert(data);
        aCompany("NORTHWIND BAKERY LTD").sic("10710").inManchester().insert(data);
        aCompany("ACME WIDGETS LTD").sic("25990").insert(data);
        aCompany("PAGING CO LTD").number("SC000003").insert(data);
        aCompany("PAGING CO LTD").number("SC000001").insert(data);
        aCompany("PAGING CO LTD").number("SC000002").insert(data);
        aCompany("PAGING ALPHA LTD").insert(data);
        aCompany("PAGING ZULU LTD").insert(data);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void a_search_by_name_industry_and_location_finds_the_companies_that_match_all() {
        assertThat(names("/api/companies?q=northwind"))
                .containsExactly("NORTHWIND ANALYTICS LTD", "NORTHWIND BAKERY LTD");
        assertThat(names("/api/companies?q=northwind&industry=SaaS")).containsExactly("NORTHWIND ANALYTICS LTD");
        assertThat(names("/api/companies?q=northwind&location=Manchester")).containsExactly("NORTHWIND BAKERY LTD");
        assertThat(names("/api/companies?industry=SaaS,25990&location=London&q=acme"))
                .containsExactly("ACME WIDGETS LTD");
        assertThat(names("/api/companies?q=northwind&location=London&location=Manchester"))
                .hasSize(2);
        JsonNode first = acme.viewer().get("/api/companies?q=northwind").json().at("/items/0");
        assertThat(first.path("company_number").asText()).isEqualTo("01234567");
        assertThat(first.path("region").asText()).isEqualTo("London");
    }

    @Test
    void paging_walks_every_company_once_in_name_order() {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = acme.viewer()
                    .get("/api/companies?q=paging&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200)
                    .json();
            page.path("items")
                    .forEach(company ->
                            numbers.add(company.path("company_number").asText()));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(numbers).hasSize(5).doesNotHaveDuplicates();
        assertThat(numbers.subList(1, 4)).containsExactly("SC000001", "SC000002", "SC000003");
    }

    @Test
    void a_company_is_read_in_full_by_its_number_leading_zeros_or_not() {
        JsonNode company =
                acme.viewer().get("/api/companies/1234567").expect(200).json().path("company");
        assertThat(company.path("company_number").asText()).isEqualTo("01234567");
        assertThat(company.path("name").asText()).isEqualTo("NORTHWIND ANALYTICS LTD");
        assertThat(company.at("/sic/0/code").asText()).isEqualTo("62012");
        assertThat(company.at("/registered_address/postcode").asText()).isEqualTo("EC1A 1BB");
    }

    @Test
    void a_bad_number_or_term_is_refused_naming_it_and_an_unknown_company_is_not_found() {
        field(acme.viewer().get("/api/companies/not-a-number"), "number");
        acme.viewer().get("/api/companies/99999999").expectError(404, "not_found");
        JsonNode industry = acme.viewer()
                .get("/api/companies?industry=Underwater%20Basketry")
                .expectError(400, "invalid_field")
                .json();
        assertThat(industry.at("/details/field").asText()).isEqualTo("industry");
        assertThat(industry.path("error").asText()).contains("Underwater Basketry");
        field(acme.viewer().get("/api/companies?location=Atlantis"), "location");
        field(acme.viewer().get("/api/companies?limit=0"), "limit");
        api.anonymous().get("/api/companies").expectError(401, "unauthorized");
    }

    private static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        acme.viewer()
                .get(path)
                .expect(200)
                .json()
                .path("items")
                .forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
