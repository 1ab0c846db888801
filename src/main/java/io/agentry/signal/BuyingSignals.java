package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code buying_signals} of the orgs. An org holds a signal once per (company, type, source
 * reference): recording what is already there adds nothing, so a second run, a retried attempt and
 * two detectors that see the same event write one row.
 */
public final class BuyingSignals {
    /**
     * One statement for the whole batch. The count of rows an earlier attempt of the same
     * execution wrote reads the snapshot the statement started with, so it never counts the rows
     * this statement inserts: the two numbers add up.
     */
    private static final String RECORD = """
            WITH batch AS (
                SELECT *
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::timestamptz[])
                     AS b (company_id, signal_type, signal_strength, confidence_score, signal_data, source_ref,
                           expires_at)
            ),
            inserted AS (
                INSERT INTO buying_signals (company_id, org_id, signal_type, signal_strength, confidence_score,
                                            signal_data, detected_at, detected_by, status, expires_at, source_ref)
                SELECT company_id, ?, signal_type, signal_strength, confidence_score, signal_data::jsonb, ?, ?,
                       CASE WHEN expires_at <= ? THEN 'expired' ELSE 'active' END, expires_at, source_ref
                FROM batch
                ON CONFLICT (org_id, company_id, signal_type, source_ref) DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted) AS inserted,
                   (SELECT count(*)
                    FROM buying_signals s
                    JOIN batch b USING (company_id, signal_type, source_ref)
                    WHERE s.org_id = ? AND s.signal_data ->> 'execution_id' = ?) AS earlier""";

    private static final String ACTIVE = """
            SELECT id, company_id, signal_type, signal_strength, confidence_score, signal_data, detected_at,
                   detected_by, status, expires_at, source_ref
            FROM buying_signals
            WHERE org_id = ? AND company_id = ANY (?::bigint[]) AND status = 'active'
              AND (expires_at IS NULL OR expires_at > ?)
            ORDER BY company_id, confidence_score DESC, detected_at DESC, id""";

    /**
     * What one {@link #record} did.
     *
     * @param inserted how many of the batch were new
     * @param ofExecution how many of the batch the execution has recorded: those new now and those
     *     an earlier attempt of the same execution recorded; equal to {@code inserted} without an
     *     execution
     */
    public record Recorded(int inserted, int ofExecution) {}

    private final DataSource dataSource;

    public BuyingSignals(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** As {@link #record(Connection, UUID, String, UUID, Instant, Collection)}, on a pooled connection. */
    public Recorded record(
            UUID orgId, String detectedBy, UUID executionId, Instant detectedAt, Collection<DetectedSignal> signals) {
        return Sql.run(dataSource, c -> record(c, orgId, detectedBy, executionId, detectedAt, signals));
    }

    /**
     * Records the signals the org does not hold yet, in one statement. A signal that has expired
     * by {@code detectedAt} is stored as {@code expired}.
     *
     * @param detectedBy what found them, such as {@code scout_agent}
     * @param executionId the execution recording them, kept in {@code signal_data.execution_id} so
     *     that a retried attempt can tell its execution's signals; null outside one
     */
    public static Recorded record(
            Connection connection,
            UUID orgId,
            String detectedBy,
            UUID executionId,
            Instant detectedAt,
            Collection<DetectedSignal> signals)
            throws SQLException {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Map<DetectedSignal.Key, DetectedSignal> unique = new LinkedHashMap<>();
        for (DetectedSignal signal : signals) {
            unique.putIfAbsent(signal.key(), signal);
        }
        if (unique.isEmpty()) {
            return new Recorded(0, 0);
        }
        List<Long> companies = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> strengths = new ArrayList<>();
        List<Integer> confidences = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<Instant> expiries = new ArrayList<>();
        for (DetectedSignal signal : unique.values()) {
            companies.add(signal.companyId());
            types.add(signal.type().value());
            strengths.add(signal.strength().value());
            confidences.add(signal.confidence());
            ObjectNode json = signal.data().deepCopy();
            if (executionId != null) {
                json.put("execution_id", executionId.toString());
            }
            data.add(Json.writeForDatabase(json));
            refs.add(Json.textForDatabase(signal.sourceRef()));
            expiries.add(signal.expiresAt());
        }
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setArray(1, Sql.longs(connection, companies));
            statement.setArray(2, Sql.texts(connection, types));
            statement.setArray(3, Sql.texts(connection, strengths));
            statement.setArray(4, Sql.ints(connection, confidences));
            statement.setArray(5, Sql.texts(connection, data));
            statement.setArray(6, Sql.texts(connection, refs));
            statement.setArray(7, Sql.timestamps(connection, expiries));
            statement.setObject(8, orgId);
            statement.setTimestamp(9, Timestamp.from(detectedAt));
            statement.setString(10, detectedBy);
            statement.setTimestamp(11, Timestamp.from(detectedAt));
            statement.setObject(12, orgId);
            statement.setString(13, executionId == null ? null : executionId.toString());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int inserted = rs.getInt("inserted");
                return new Recorded(inserted, inserted + (executionId == null ? 0 : rs.getInt("earlier")));
            }
        }
    }

    /**
     * The org's active signals on these companies that have not expired by {@code now}: by
     * company, the most confident first.
     */
    public List<StoredSignal> active(UUID orgId, Collection<Long> companyIds, Instant now) {
        return Sql.run(dataSource, c -> active(c, orgId, companyIds, now));
    }

    public static List<StoredSignal> active(Connection connection, UUID orgId, Collection<Long> companyIds, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ACTIVE)) {
            statement.setObject(1, orgId);
            statement.setArray(2, Sql.longs(connection, companyIds));
            statement.setTimestamp(3, Timestamp.from(now));
            List<StoredSignal> signals = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    signals.add(new StoredSignal(
                            Sql.uuid(rs, "id"),
                            rs.getLong("company_id"),
                            SignalType.of(rs.getString("signal_type")),
                            SignalStrength.ofValue(rs.getString("signal_strength")),
                            rs.getInt("confidence_score"),
                            Json.read(rs.getString("signal_data")),
                            Sql.instant(rs, "detected_at"),
                            rs.getString("detected_by"),
                            rs.getString("status"),
                            Sql.instant(rs, "expires_at"),
                            rs.getString("source_ref")));
                }
            }
            return signals;
        }
    }
}
