package io.agentry.company;

import io.agentry.db.BinaryCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Loads snapshot rows in bulk: rows are copied into a temporary table, then one statement upserts
 * them into {@code companies} by company number. A company whose registry fields are all as
 * before is not written at all, so importing the same snapshot twice changes nothing, and the
 * enrichment columns are never touched.
 */
final class SnapshotStore implements AutoCloseable {
    /** The registry columns: the snapshot's, in {@link SnapshotRow}'s order. */
    private static final String COLUMNS = """
            company_number, name, status, company_type, incorporation_date, dissolution_date, sic_codes,
            address_line_1, address_line_2, post_town, county, country, postcode, postcode_area, region,
            accounts_category, accounts_next_due, accounts_last_made_up,
            confirmation_statement_next_due, confirmation_statement_last_made_up,
            size_band, employees_min, employees_max, turnover_max_gbp, size_source""";

    private static final int WIDTH = 25;

    private static final String CREATE_STAGING = """
            CREATE TEMPORARY TABLE companies_snapshot ON COMMIT DELETE ROWS AS
            SELECT %s FROM companies WITH NO DATA""".formatted(COLUMNS);

    private static final String COPY = "COPY companies_snapshot (%s) FROM STDIN (FORMAT binary)".formatted(COLUMNS);

    private static final String UPSERT = """
            WITH written AS (
                INSERT INTO companies AS c (%1$s)
                SELECT %1$s FROM companies_snapshot
                ON CONFLICT (company_number) DO UPDATE SET
                    name = excluded.name, status = excluded.status, company_type = excluded.company_type,
                    incorporation_date = excluded.incorporation_date, dissolution_date = excluded.dissolution_date,
                    sic_codes = excluded.sic_codes, address_line_1 = excluded.address_line_1,
                    address_line_2 = excluded.address_line_2, post_town = excluded.post_town,
                    county = excluded.county, country = excluded.country, postcode = excluded.postcode,
                    postcode_area = excluded.postcode_area, region = excluded.region,
                    accounts_category = excluded.accounts_category, accounts_next_due = excluded.accounts_next_due,
                    accounts_last_made_up = excluded.accounts_last_made_up,
                    confirmation_statement_next_due = excluded.confirmation_statement_next_due,
                    confirmation_statement_last_made_up = excluded.confirmation_statement_last_made_up,
                    size_band = excluded.size_band, employees_min = excluded.employees_min,
                    employees_max = excluded.employees_max, turnover_max_gbp = excluded.turnover_max_gbp,
                    size_source = excluded.size_source, updated_at = now()
                WHERE (c.%2$s) IS DISTINCT FROM (excluded.%3$s)
                RETURNING xmax = 0 AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written""".formatted(
                    COLUMNS,
                    COLUMNS.replace("\n", " ").replace(", ", ", c."),
                    COLUMNS.replace("\n", " ").replace(", ", ", excluded."));

    private static final String LEARN_SIC = """
            INSERT INTO sic_codes (code, description)
            SELECT * FROM unnest(?::text[], ?::text[])
            ON CONFLICT (code) DO UPDATE SET description = excluded.description
            WHERE sic_codes.description IS DISTINCT FROM excluded.description""";

    private final Connection connection;
    private BinaryCopy copy;
    private int staged;

    /** A store on {@code connection}, a connection of its own: it holds a temporary table. */
    SnapshotStore(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_STAGING);
        }
        connection.commit();
    }

    /** Rows added since the last {@link #flush}. */
    int staged() {
        return staged;
    }

    void add(SnapshotRow row) throws SQLException {
        if (copy == null) {
            copy = BinaryCopy.start(connection, COPY);
        }
        copy.row(WIDTH)
                .text(row.companyNumber())
                .text(row.name())
                .text(row.status())
                .text(row.companyType())
                .date(row.incorporationDate())
                .date(row.dissolutionDate())
                .textArray(row.sicCodes())
                .text(row.addressLine1())
                .text(row.addressLine2())
                .text(row.postTown())
                .text(row.county())
                .text(row.country())
                .text(row.postcode())
                .text(row.postcodeArea())
                .text(row.region())
                .text(row.accountsCategory())
                .date(row.accountsNextDue())
                .date(row.accountsLastMadeUp())
                .date(row.confirmationStatementNextDue())
                .date(row.confirmationStatementLastMadeUp())
                .text(row.sizeBand())
                .int4(row.employeesMin())
                .int4(row.employeesMax())
                .int8(row.turnoverMaxGbp())
                .text(row.sizeSource());
        staged++;
    }

    /**
     * Upserts the staged rows and the SIC descriptions learned so far, and commits. Returns the
     * companies inserted and updated; the other staged rows were unchanged.
     */
    Written flush(Map<String, String> sicDescriptions) throws SQLException {
        Written written = new Written(0, 0);
        if (copy != null) {
            copy.finish();
            copy = null;
            try (Statement statement = connection.createStatement();
                    ResultSet counts = statement.executeQuery(UPSERT)) {
                counts.next();
                written = new Written(counts.getLong(1), counts.getLong(2));
            }
        }
        if (!sicDescriptions.isEmpty()) {
            try (PreparedStatement learn = connection.prepareStatement(LEARN_SIC)) {
                learn.setArray(1, textArray(sicDescriptions.keySet().toArray(String[]::new)));
                learn.setArray(2, textArray(sicDescriptions.values().toArray(String[]::new)));
                learn.executeUpdate();
            }
        }
        connection.commit();
        staged = 0;
        return written;
    }

    private Array textArray(String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            copy.close();
        }
    }

    record Written(long inserted, long updated) {}
}
