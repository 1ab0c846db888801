package io.agentry.company;

import io.agentry.db.BinaryCopy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads PSC records as {@link SnapshotStore} loads companies: copied into a temporary table, then
 * upserted by record id. Within a chunk a record given twice keeps its first line (the later ones
 * are reported as skipped). Then the {@code psc_count} of the companies the chunk touched is
 * recounted: persons and entities, not statements, whose control has not ceased.
 */
final class PscStore implements AutoCloseable {
    private static final String COLUMNS =
            "psc_id, company_number, kind, name, natures_of_control, notified_on, ceased_on, etag";

    private static final String CREATE_STAGING = """
            CREATE TEMPORARY TABLE company_pscs_snapshot ON COMMIT DELETE ROWS AS
            SELECT 0::bigint AS line, %s FROM company_pscs WITH NO DATA""".formatted(COLUMNS);

    private static final String COPY =
            "COPY company_pscs_snapshot (line, %s) FROM STDIN (FORMAT binary)".formatted(COLUMNS);

    private static final String SUPERSEDED = """
            SELECT s.line, s.psc_id FROM company_pscs_snapshot s
            WHERE EXISTS (SELECT 1 FROM company_pscs_snapshot t WHERE t.psc_id = s.psc_id AND t.line < s.line)
            ORDER BY s.line""";

    private static final String UPSERT = """
            WITH written AS (
                INSERT INTO company_pscs AS p (%1$s)
                SELECT DISTINCT ON (psc_id) %1$s FROM company_pscs_snapshot ORDER BY psc_id, line
                ON CONFLICT (psc_id) DO UPDATE SET
                    company_number = excluded.company_number, kind = excluded.kind, name = excluded.name,
                    natures_of_control = excluded.natures_of_control, notified_on = excluded.notified_on,
                    ceased_on = excluded.ceased_on, etag = excluded.etag, updated_at = now()
                WHERE (p.company_number, p.kind, p.name, p.natures_of_control, p.notified_on, p.ceased_on, p.etag)
                    IS DISTINCT FROM (excluded.company_number, excluded.kind, excluded.name,
                        excluded.natures_of_control, excluded.notified_on, excluded.ceased_on, excluded.etag)
                RETURNING xmax = 0 AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written""".formatted(COLUMNS);

    private static final String RECOUNT = """
            UPDATE companies c SET psc_count = n.active, updated_at = now()
            FROM (
                SELECT company_number,
                       count(*) FILTER (WHERE ceased_on IS NULL AND kind NOT LIKE '%statement%') AS active
                FROM company_pscs
                WHERE company_number IN (SELECT company_number FROM company_pscs_snapshot)
                GROUP BY company_number
            ) n
            WHERE c.company_number = n.company_number AND c.psc_count IS DISTINCT FROM n.active""";

    private final Connection connection;
    private final ImportListener listener;
    private BinaryCopy copy;
    private int staged;
    private long inserted;
    private long updated;
    private long superseded;

    PscStore(Connection connection, ImportListener listener) throws SQLException {
        this.connection = connection;
        this.listener = listener;
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_STAGING);
        }
        connection.commit();
    }

    long inserted() {
        return inserted;
    }

    long updated() {
        return updated;
    }

    /** Records skipped because their id was already on an earlier line of their chunk. */
    long superseded() {
        return superseded;
    }

    /** Stages a record of {@code file}; every {@value SnapshotStore#CHUNK} records are written and committed. */
    void add(String file, long line, PscImport.Psc psc) throws SQLException {
        if (copy == null) {
            copy = BinaryCopy.start(connection, COPY);
        }
        copy.row(9)
                .int8(line)
                .text(psc.pscId())
                .text(psc.companyNumber())
                .text(psc.kind())
                .text(psc.name())
                .textArray(psc.naturesOfControl())
                .date(psc.notifiedOn())
                .date(psc.ceasedOn())
                .text(psc.etag());
        if (++staged == SnapshotStore.CHUNK) {
            flush(file);
        }
    }

    /** Upserts the staged records of {@code file}, recounts their companies and commits. */
    void flush(String file) throws SQLException {
        if (copy == null) {
            return;
        }
        copy.finish();
        copy = null;
        staged = 0;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(SUPERSEDED)) {
                while (rows.next()) {
                    superseded++;
                    listener.problem(new ImportProblem(
                            file,
                            rows.getLong(1),
                            ImportProblem.Kind.ROW_SKIPPED,
                            "record " + rows.getString(2) + " is already on an earlier line"));
                }
            }
            try (ResultSet counts = statement.executeQuery(UPSERT)) {
                counts.next();
                inserted += counts.getLong(1);
                updated += counts.getLong(2);
            }
            statement.executeUpdate(RECOUNT);
            connection.commit();
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            copy.close();
        }
    }
}
