package io.agentry.signal;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/** Catalogue rows for tests: {@code aCompany("90000151", "ARBOUR ROWAN NETWORKS LIMITED").website(…).insert(db)}. */
public final class CompanyRows {
    private final String number;
    private final String name;
    private String website;
    private LocalDate accountsMadeUp;
    private LocalDate confirmationMadeUp;
    private String enrichmentJson;
    private Instant enrichedAt;

    private CompanyRows(String number, String name) {
        this.number = number;
        this.name = name;
    }

    public static CompanyRows aCompany(String number, String name) {
        return new CompanyRows(number, name);
    }

    public CompanyRows website(String value) {
        this.website = value;
        return this;
    }

    public CompanyRows accountsMadeUp(LocalDate value) {
        this.accountsMadeUp = value;
        return this;
    }

    public CompanyRows confirmationStatementMadeUp(LocalDate value) {
        this.confirmationMadeUp = value;
        return this;
    }

    public CompanyRows enriched(String json, Instant at) {
        this.enrichmentJson = json;
        this.enrichedAt = at;
        return this;
    }

    /** Inserts the company and returns its id. */
    public long insert(DataSource dataSource) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO companies (company_number, name, status, website, accounts_last_made_up,
                                           confirmation_statement_last_made_up, enrichment, enriched_at)
                    VALUES (?, ?, 'Active', ?, ?, ?, ?::jsonb, ?) RETURNING id""")) {
                statement.setString(1, number);
                statement.setString(2, name);
                statement.setString(3, website);
                statement.setObject(4, accountsMadeUp);
                statement.setObject(5, confirmationMadeUp);
                statement.setString(6, enrichmentJson);
                statement.setTimestamp(7, enrichedAt == null ? null : Timestamp.from(enrichedAt));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
