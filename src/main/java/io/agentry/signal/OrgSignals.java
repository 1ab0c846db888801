package io.agentry.signal;

import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** An org's buying signals as its users read them: a page at a time, newest first, with filters. */
public final class OrgSignals {
    public static final Set<String> STATUSES = Set.of("active", "acted_upon", "expired", "false_positive");

    private static final String LIST = """
            SELECT s.id, s.company_id, c.company_number, c.name AS company_name, s.signal_type, s.signal_strength,
                   s.confidence_score, s.signal_data, s.detected_at, s.detected_by, s.status, s.expires_at,
                   s.source_ref
            FROM buying_signals s
            JOIN companies c ON c.id = s.company_id
            WHERE s.org_id = ?
              AND (?::text IS NULL OR c.company_number = ?)
              AND (?::text IS NULL OR s.signal_type = ?)
              AND (?::text IS NULL OR s.status = ?)
              AND (?::timestamptz IS NULL OR (s.detected_at, s.id) < (?, ?))
            ORDER BY s.detected_at DESC, s.id DESC
            LIMIT ?""";

    /**
     * Which signals a page lists; null fields do not filter.
     *
     * @param companyNumber in its canonical form ({@link io.agentry.company.CompanyNumber})
     * @param status one of {@link #STATUSES}
     */
    public record Filter(String companyNumber, SignalType type, String status) {}

    private final DataSource dataSource;

    public OrgSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The org's signals that match, newest first, after the one detected at {@code
     * afterDetectedAt} with id {@code afterId} (both null for the first page).
     */
    public List<ListedSignal> list(UUID orgId, Filter filter, Instant afterDetectedAt, UUID afterId, int limit) {
        String type = filter.type() == null ? null : filter.type().value();
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LIST)) {
                int i = 1;
                statement.setObject(i++, orgId);
                statement.setString(i++, filter.companyNumber());
                statement.setString(i++, filter.companyNumber());
                statement.setString(i++, type);
                statement.setString(i++, type);
                statement.setString(i++, filter.status());
                statement.setString(i++, filter.status());
                statement.setTimestamp(i++, Sql.timestamp(afterDetectedAt));
                statement.setTimestamp(i++, Sql.timestamp(afterDetectedAt));
                statement.setObject(i++, afterId);
                statement.setInt(i, limit);
                List<ListedSignal> signals = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        signals.add(new ListedSignal(
                                Sql.uuid(rs, "id"),
                                rs.getLong("company_id"),
                                rs.getString("company_number"),
                                rs.getString("company_name"),
                                rs.getString("signal_type"),
                                rs.getString("signal_strength"),
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
        });
    }
}
