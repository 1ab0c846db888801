package io.agentry.enrichment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The rows and answers enrichment tests need: catalogue companies, a stream with items, and
 * Companies House answers in the API's real JSON (the files under {@code companieshouse/} of the
 * test resources, with the company number of the company asked for).
 */
public final class EnrichmentFixtures {
    private static final String FIXTURE_NUMBER = "04567891";

    private final DataSource dataSource;

    public EnrichmentFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A catalogue company, as the snapshot import leaves it, to build on. */
    public static CompanyRow aCompany(String number) {
        return new CompanyRow(number, "COMPANY " + number + " LIMITED", null, "TOTAL EXEMPTION FULL", null, null);
    }

    public record CompanyRow(
            String number,
            String name,
            String website,
            String accountsCategory,
            Integer employeeCount,
            String employeeCountSource) {

        public CompanyRow withWebsite(String value) {
            return new CompanyRow(number, name, value, accountsCategory, employeeCount, employeeCountSource);
        }

        public CompanyRow withAccountsCategory(String value) {
            return new CompanyRow(number, name, website, value, employeeCount, employeeCountSource);
        }

        public CompanyRow withEmployees(int count, String source) {
            return new CompanyRow(number, name, website, accountsCategory, count, source);
        }
    }

    public long insert(CompanyRow company) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO companies (company_number, name, status, accounts_category, website,
                                           employee_count, employee_count_source)
                    VALUES (?, ?, 'Active', ?, ?, ?, ?) RETURNING id""")) {
                statement.setString(1, company.number());
                statement.setString(2, company.name());
                statement.setString(3, company.accountsCategory());
                statement.setString(4, company.website());
                statement.setObject(5, company.employeeCount());
                statement.setString(6, company.employeeCountSource());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A stream of {@code orgId} holding the companies as items. */
    public UUID stream(UUID orgId, long... companyIds) {
        UUID streamId = Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO streams (org_id, name) VALUES (?, 'Sheffield engineering') RETURNING id")) {
                statement.setObject(1, orgId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, UUID.class);
                }
            }
        });
        for (long companyId : companyIds) {
            Sql.run(dataSource, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO stream_items (stream_id, company_id, title) VALUES (?, ?, 'a company')")) {
                    statement.setObject(1, streamId);
                    statement.setLong(2, companyId);
                    return statement.executeUpdate();
                }
            });
        }
        return streamId;
    }

    /** One column of a company, as text; jsonb and arrays as PostgreSQL prints them. */
    public String column(String number, String column) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + column + "::text FROM companies WHERE company_number = ?")) {
                statement.setString(1, number);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** The company's {@code enrichment}. */
    public JsonNode enrichment(String number) {
        return Json.read(column(number, "enrichment"));
    }

    /** Answers every Companies House request about {@code number} as the API does for a small engineering company. */
    public static void companiesHouseKnows(WireMockExtension api, String number) {
        String base = "/company/" + number;
        api.stubFor(get(urlPathEqualTo(base)).willReturn(okJson(answer("profile", number))));
        api.stubFor(get(urlPathEqualTo(base + "/officers"))
                .withQueryParam("start_index", equalTo("0"))
                .willReturn(okJson(answer("officers-%s-page-1", number))));
        api.stubFor(get(urlPathEqualTo(base + "/officers"))
                .withQueryParam("start_index", equalTo("2"))
                .willReturn(okJson(answer("officers-%s-page-2", number))));
        api.stubFor(get(urlPathEqualTo(base + "/filing-history")).willReturn(okJson(answer("filing-history", number))));
        api.stubFor(get(urlPathEqualTo(base + "/persons-with-significant-control"))
                .willReturn(okJson(answer("pscs", number))));
    }

    /** Requests {@link #companiesHouseKnows} answers take for one company: officers come in two pages. */
    public static final int REQUESTS_PER_KNOWN_COMPANY = 5;

    /**
     * A Companies House answer of the test resources about {@code number}: {@code profile}, {@code
     * filing-history}, {@code pscs}, {@code officers-%s-page-1}, …
     */
    public static String answer(String name, String number) {
        String file = (name.contains("%s") ? name.formatted(FIXTURE_NUMBER) : name + "-" + FIXTURE_NUMBER) + ".json";
        try (InputStream in = EnrichmentFixtures.class.getResourceAsStream("/companieshouse/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture companieshouse/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(FIXTURE_NUMBER, number);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
