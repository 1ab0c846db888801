package io.agentry.scoring;

import io.agentry.db.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A stream's items with everything their scores need, read in one statement; their scores,
 * reasons, bands and ranks written back in another.
 */
final class ScoringRepository {

    /**
     * Every item of the stream, its company's facts and criteria match, and the org's live buying
     * signals for it. A signal is worth {@code strength × confidence × recency} (very strong 1,
     * strong 0.75, moderate 0.5, weak 0.25; confidence 0–100 %; recency 1 for a signal at most 30
     * days old, falling linearly to 0.25 at a year and staying there); a company's signals combine
     * as {@code 1 − Π(1 − worth)}: each adds to the others and together they never pass 1.
     */
    private static final String READ =
            """
            SELECT i.id AS item_id, i.company_id, i.status AS item_status, i.position AS item_position,
                   %s,
                   %s,
                   c.sic_codes <> '{}' AS has_industry,
                   c.incorporation_date IS NOT NULL AS has_incorporation,
                   c.postcode IS NOT NULL AS has_address,
                   c.accounts_last_made_up IS NOT NULL AS has_accounts,
                   (c.employee_count IS NOT NULL OR c.size_band IS NOT NULL) AS has_size,
                   (c.revenue_estimate_gbp IS NOT NULL OR c.turnover_max_gbp IS NOT NULL) AS has_turnover,
                   coalesce(c.website <> '', false) AS has_website,
                   coalesce(c.description <> '', false) AS has_description,
                   coalesce(c.social_links NOT IN ('{}'::jsonb, '[]'::jsonb, 'null'::jsonb), false) AS has_social_links,
                   coalesce(cardinality(c.tech_stack) > 0, false) AS has_tech_stack,
                   c.officers_count IS NOT NULL AS has_officers,
                   c.psc_count IS NOT NULL AS has_ownership,
                   (c.tech_stack IS NOT NULL OR c.social_links IS NOT NULL) AS website_analysed,
                   c.filing_count IS NOT NULL AS has_filing_history,
                   c.enriched_at,
                   (SELECT string_agg(e.key || ' ' || coalesce(e.value ->> 'status', 'unknown'), ', ' ORDER BY e.key)
                    FROM jsonb_each(CASE WHEN jsonb_typeof(c.enrichment) = 'object' THEN c.enrichment END) e
                    WHERE e.value ->> 'status' IS DISTINCT FROM 'ok') AS enrichment_gaps,
                   coalesce(g.live, 0) AS live_signals, coalesce(g.worth, 0) AS signals, g.described AS signal_list
            FROM %s
            CROSS JOIN stream_items i
            LEFT JOIN companies c ON c.id = i.company_id
            %s
            LEFT JOIN LATERAL (
                SELECT count(*) AS live,
                       round((1 - exp(sum(ln(1 - least(v.worth, 0.999999)))))::numeric, 4) AS worth,
                       string_agg(b.signal_type || ' (' || replace(b.signal_strength, '_', ' ') || ', '
                                  || b.confidence_score || '%%)', ', ' ORDER BY v.worth DESC, b.signal_type) AS described
                FROM buying_signals b
                CROSS JOIN LATERAL (
                    SELECT CASE b.signal_strength WHEN 'very_strong' THEN 1.0 WHEN 'strong' THEN 0.75
                                                  WHEN 'moderate' THEN 0.5 ELSE 0.25 END
                           * b.confidence_score / 100.0
                           * greatest(0.25, least(1.0,
                                 1 - (extract(epoch FROM ?::timestamptz - b.detected_at) / 86400 - 30) / 335 * 0.75))
                           AS worth
                ) v
                WHERE b.company_id = c.id AND b.org_id = ? AND b.status = 'active'
                  AND (b.expires_at IS NULL OR b.expires_at > ?::timestamptz)
            ) g ON true
            WHERE i.stream_id = ?
            """.formatted(CriteriaSql.FACTS, CriteriaSql.COLUMNS, CriteriaSql.CRITERIA, CriteriaSql.MATCH);

    /**
     * Every item's new rank, and for a company its band and score merged into its metadata. An item
     * whose rank, band and metadata would stay as they are is not written: scoring unchanged data
     * again (a retried attempt, a schedule with nothing new) leaves no dead rows behind.
     */
    private static final String UPDATE = """
            UPDATE stream_items i
            SET position = u.position,
                priority = coalesce(u.priority, i.priority),
                metadata = CASE WHEN u.metadata IS NULL THEN i.metadata ELSE i.metadata || u.metadata::jsonb END,
                updated_at = ?
            FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[]) AS u (id, position, priority, metadata)
            WHERE i.id = u.id AND i.stream_id = ?
              AND (i.position IS DISTINCT FROM u.position
                   OR i.priority IS DISTINCT FROM coalesce(u.priority, i.priority)
                   OR (u.metadata IS NOT NULL AND i.metadata IS DISTINCT FROM i.metadata || u.metadata::jsonb))
            """;

    /** One item as read: a company's with its facts; a note's or task's with none. */
    record Row(
            UUID itemId,
            Long companyId,
            boolean active,
            Integer position,
            CriteriaFit fit,
            Set<Completeness.Fact> facts,
            Enrichment enrichment,
            double signals,
            int liveSignals,
            String signalList) {

        boolean isCompany() {
            return companyId != null;
        }
    }

    /** An item's new rank; band and metadata (JSON) for a company, null for others. */
    record Change(UUID itemId, int position, String priority, String metadataJson) {}

    private final Connection connection;

    ScoringRepository(Connection connection) {
        this.connection = connection;
    }

    List<Row> read(Criteria criteria, UUID orgId, UUID streamId, Instant now) throws SQLException {
        // A stream's items are a few thousand index lookups, each with a little arithmetic: parallel
        // workers cost more to start and coordinate than they save (measured with 10,000 items:
        // 150 ms alone, 330 ms with two workers).
        try (PreparedStatement serial = connection.prepareStatement("SET LOCAL max_parallel_workers_per_gather = 0")) {
            serial.execute();
        }
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            int i = CriteriaSql.bind(statement, 1, criteria);
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setObject(i++, orgId);
            statement.setTimestamp(i++, Timestamp.from(now));
            statement.setObject(i, streamId);
            List<Row> rows = new ArrayList<>();
            CriteriaFit.Reader fits = CriteriaFit.reader(criteria);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row(row, fits));
                }
            }
            return rows;
        }
    }

    private static Row row(ResultSet row, CriteriaFit.Reader fits) throws SQLException {
        UUID itemId = row.getObject("item_id", UUID.class);
        Long companyId = row.getObject("company_id", Long.class);
        boolean active = "active".equals(row.getString("item_status"));
        Integer position = Sql.integer(row, "item_position");
        if (companyId == null) {
            return new Row(itemId, null, active, position, null, Set.of(), null, 0, 0, null);
        }
        Set<Completeness.Fact> facts = EnumSet.noneOf(Completeness.Fact.class);
        for (Completeness.Fact fact : Completeness.Fact.values()) {
            if (row.getBoolean(fact.column())) {
                facts.add(fact);
            }
        }
        Enrichment enrichment = new Enrichment(
                row.getBoolean("website_analysed"),
                row.getBoolean("has_officers"),
                row.getBoolean("has_filing_history"),
                row.getObject("employee_count") != null,
                row.getString("employee_count_source"),
                row.getObject("revenue_estimate_gbp") != null,
                row.getString("revenue_source"),
                Sql.instant(row, "enriched_at"),
                row.getString("enrichment_gaps"));
        return new Row(
                itemId,
                companyId,
                active,
                position,
                fits.read(row),
                facts,
                enrichment,
                row.getBigDecimal("signals").doubleValue(),
                row.getInt("live_signals"),
                row.getString("signal_list"));
    }

    /** Writes every change in one statement; returns the rows written (those that changed). */
    int update(UUID streamId, List<Change> changes, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setArray(
                    2,
                    Sql.uuids(connection, changes.stream().map(Change::itemId).toList()));
            statement.setArray(
                    3,
                    Sql.ints(connection, changes.stream().map(Change::position).toList()));
            statement.setArray(4, texts(changes.stream().map(Change::priority).toList()));
            statement.setArray(
                    5, texts(changes.stream().map(Change::metadataJson).toList()));
            statement.setObject(6, streamId);
            return statement.executeUpdate();
        }
    }

    private Array texts(List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
