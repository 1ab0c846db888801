package io.agentry.company;

import io.agentry.db.BinaryCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads snapshot rows in bulk, in one of two ways.
 *
 * <p>Into a catalogue that holds companies, rows are copied into a temporary table, then one
 * statement upserts them into {@code companies} by company number, and each chunk is committed.
 * A company whose registry fields are all as before is not written at all, so importing the same
 * snapshot twice changes nothing, and the enrichment columns are never touched.
 *
 * <p>Into an empty catalogue (the first import), rows are copied straight into {@code companies}
 * with its secondary indexes dropped, and the indexes are built again at the end: building an
 * index from all rows at once is several times faster than adding each row to it. This is one
 * transaction: if it is interrupted, the catalogue is left empty, with its indexes, as before. It
 * holds the table's lock until it commits, which is harmless while the catalogue is empty.
 */
final class SnapshotStore implements AutoCloseable {
    /** Rows upserted at a time, each chunk committed, into a catalogue that holds companies. */
    static final int CHUNK = 50_000;

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private static final String RECORD_DATA_AS_OF = """
            INSERT INTO catalogue_snapshot (data_as_of) VALUES (?)
            ON CONFLICT (singleton) DO UPDATE
                SET data_as_of = greatest(catalogue_snapshot.data_as_of, excluded.data_as_of), updated_at = now()""";

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

    /** The indexes of {@code companies} that no constraint needs, with their definitions. */
    private static final String SECONDARY_INDEXES = """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = 'companies'::regclass
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1""";

    private static final String COPY_DIRECT = "COPY companies (%s) FROM STDIN (FORMAT binary)".formatted(COLUMNS);

    private final Connection connection;
    private final List<String> indexesToBuild;
    private final Map<String, String> sicDescriptions;
    private BinaryCopy copy;
    private int staged;
    private long inserted;
    private LocalDate dataAsOf;
    private long updated;

    private SnapshotStore(Connection connection, List<String> indexesToBuild, Map<String, String> sicDescriptions) {
        this.connection = connection;
        this.indexesToBuild = indexesToBuild;
        this.sicDescriptions = sicDescriptions;
    }

    /**
     * A store on {@code connection}, a connection of its own (it may hold a temporary table), that
     * loads in bulk if the catalogue is empty. {@code sicDescriptions} is where the import collects
     * the SIC codes it sees; they are stored with the companies.
     */
    static SnapshotStore open(Connection connection, Map<String, String> sicDescriptions) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Excludes other writers, and so another import, while the catalogue is found empty.
            statement.execute("LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE");
            boolean empty;
            try (ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM companies)")) {
                rows.next();
                empty = rows.getBoolean(1);
            }
            if (empty) {
                List<String> definitions = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(SECONDARY_INDEXES)) {
                    while (rows.next()) {
                        statement.addBatch("DROP INDEX " + rows.getString(1));
                        definitions.add(rows.getString(2));
                    }
                }
                statement.executeBatch();
                return new SnapshotStore(connection, definitions, sicDescriptions);
            }
            connection.commit();
            statement.execute(CREATE_STAGING);
            connection.commit();
            return new SnapshotStore(connection, null, sicDescriptions);
        }
    }

    private boolean bulk() {
        return indexesToBuild != null;
    }

    /** Companies inserted so far. */
    long inserted() {
        return inserted;
    }

    /** Companies whose snapshot columns changed, so far; the others were as stored. */
    long updated() {
        return updated;
    }

    void add(SnapshotRow row) throws SQLException {
        dataAsOf = latest(dataAsOf, latest(row.accountsLastMadeUp(), row.confirmationStatementLastMadeUp()));
        if (copy == null) {
            copy = BinaryCopy.start(connection, bulk() ? COPY_DIRECT : COPY);
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
        if (!bulk() && ++staged == CHUNK) {
            upsertStaged();
            connection.commit();
        }
    }

    /**
     * Ends the import: writes what is still staged and the SIC descriptions, and commits. A bulk
     * load builds its indexes first and gathers statistics.
     */
    void finish() throws SQLException {
        if (bulk()) {
            if (copy != null) {
                inserted += copy.finish();
                copy = null;
            }
            learnSicDescriptions();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
                for (String definition : indexesToBuild) {
                    timed(statement, definition);
                }
                timed(statement, "ANALYZE companies");
            }
        } else {
            upsertStaged();
            learnSicDescriptions();
        }
        recordDataAsOf();
        connection.commit();
    }

    /** A later snapshot moves the catalogue's day forward; an older file imported again does not move it back. */
    private void recordDataAsOf() throws SQLException {
        if (dataAsOf == null) {
            return;
        }
        try (PreparedStatement record = connection.prepareStatement(RECORD_DATA_AS_OF)) {
            record.setObject(1, dataAsOf);
            record.executeUpdate();
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Runs a step of the bulk load, logging how long it took (debug): where a first import's time goes. */
    private static void timed(Statement statement, String sql) throws SQLException {
        long started = System.nanoTime();
        statement.execute(sql);
        log.debug("{}: {} ms", sql, (System.nanoTime() - started) / 1_000_000);
    }

    private void upsertStaged() throws SQLException {
        staged = 0;
        if (copy == null) {
            return;
        }
        copy.finish();
        copy = null;
        try (Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery(UPSERT)) {
            counts.next();
            inserted += counts.getLong(1);
            updated += counts.getLong(2);
        }
    }

    private void learnSicDescriptions() throws SQLException {
        if (sicDescriptions.isEmpty()) {
            return;
        }
        try (PreparedStatement learn = connection.prepareStatement(LEARN_SIC)) {
            learn.setArray(1, textArray(sicDescriptions.keySet().toArray(String[]::new)));
            learn.setArray(2, textArray(sicDescriptions.values().toArray(String[]::new)));
            learn.executeUpdate();
        }
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
}
