package io.agentry.discovery;

import io.agentry.db.Sql;
import io.agentry.scoring.Criteria;
import io.agentry.scoring.CriteriaFit;
import io.agentry.scoring.CriteriaSql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The statements of one discovery run, on one connection in one transaction. */
final class DiscoveryRepository {

    /** A company's score at discovery: its criteria match on the 0–5 scale. */
    static final String SCORE = "round(5 * s.criteria_match, 2)";

    private static final String STREAM = """
            SELECT s.org_id,
                   (SELECT count(*) FROM stream_items i
                    WHERE i.stream_id = s.id AND i.item_type = 'company' AND i.status = 'active'
                      AND CASE WHEN jsonb_typeof(i.metadata -> 'quality_score') = 'number'
                               THEN (i.metadata ->> 'quality_score')::numeric END >= ?) AS qualified
            FROM streams s WHERE s.id = ?
            """;

    // The size bands of the active companies, by a walk down the discovery index (one probe per
    // band, not a scan), each with the lowest and the highest estimate its rows hold: equal, the
    // band is uniform. Each probe orders by the index's columns from the band on, so that it reads
    // one index entry (see INDEX_ORDER).
    private static final String ESTIMATE_COLUMNS = "employees_min, employees_max, turnover_max_gbp";
    private static final String FIRST_ESTIMATE = "SELECT " + ESTIMATE_COLUMNS
            + " FROM companies WHERE status = 'Active' AND %s"
            + " ORDER BY size_band, employees_min, employees_max, turnover_max_gbp LIMIT 1";
    private static final String LAST_ESTIMATE = "SELECT " + ESTIMATE_COLUMNS
            + " FROM companies WHERE status = 'Active' AND %s"
            + " ORDER BY size_band DESC, employees_min DESC, employees_max DESC, turnover_max_gbp DESC LIMIT 1";
    private static final String BANDS = """
            WITH RECURSIVE bands (band) AS (
                SELECT min(size_band) FROM companies WHERE status = 'Active'
                UNION ALL
                SELECT (SELECT min(size_band) FROM companies WHERE status = 'Active' AND size_band > b.band)
                FROM bands b WHERE b.band IS NOT NULL
            )
            SELECT b.band, lo.*, hi.*
            FROM bands b
            CROSS JOIN LATERAL (%s) lo
            CROSS JOIN LATERAL (%s) hi
            WHERE b.band IS NOT NULL
            UNION ALL
            SELECT NULL, lo.*, hi.* FROM (%s) lo CROSS JOIN (%s) hi
            """.formatted(
                    FIRST_ESTIMATE.formatted("size_band = b.band"),
                    LAST_ESTIMATE.formatted("size_band = b.band"),
                    FIRST_ESTIMATE.formatted("size_band IS NULL"),
                    LAST_ESTIMATE.formatted("size_band IS NULL"));

    // The bound of a uniform band is the score of the best company it could hold, computed by the
    // one definition of the criteria match on a made-up row: the band's estimate, in the goal's
    // industry and place, active, every filing on time, two years old.
    private static final String BOUNDS = """
            SELECT e.ord, %s AS bound
            FROM %s
            CROSS JOIN unnest(?::int[], ?::int[], ?::bigint[]) WITH ORDINALITY
                AS e (employees_min, employees_max, turnover_max_gbp, ord)
            CROSS JOIN LATERAL (
                SELECT k.sic_codes, k.regions[1] AS region, k.postcode_areas[1] AS postcode_area,
                       'Active'::text AS status, NULL::integer AS employee_count,
                       e.employees_min, e.employees_max, NULL::bigint AS revenue_estimate_gbp, e.turnover_max_gbp,
                       k.today AS accounts_next_due, k.today AS confirmation_statement_next_due,
                       k.today - 730 AS incorporation_date
            ) c
            %s
            """.formatted(SCORE, CriteriaSql.CRITERIA, CriteriaSql.MATCH);

    private static final String CANDIDATES = """
            SELECT c.id, %s, %s, %s AS score
            FROM %s
            CROSS JOIN companies c
            %s
            WHERE c.status = 'Active' AND %%s
              AND NOT EXISTS (SELECT 1 FROM stream_items i WHERE i.stream_id = ? AND i.company_id = c.id)
              AND %s >= ? %%s
            ORDER BY %%s
            LIMIT ?
            """.formatted(
                    CriteriaSql.FACTS, CriteriaSql.COLUMNS, SCORE, CriteriaSql.CRITERIA, CriteriaSql.MATCH, SCORE);

    private static final String MEASURED = "(c.employee_count IS NOT NULL OR c.revenue_estimate_gbp IS NOT NULL)";
    private static final String ESTIMATED = "c.employee_count IS NULL AND c.revenue_estimate_gbp IS NULL";
    // With the band pinned, this is the discovery index's order: in a uniform band, oldest first.
    // The band leads although it is pinned: the planner takes "size_band IS NULL" for a filter, not
    // an equality, and would otherwise sort the whole band instead of walking the index.
    private static final String INDEX_ORDER =
            "c.size_band, c.employees_min, c.employees_max, c.turnover_max_gbp, c.incorporation_date, c.id";

    // No position: a stream is ranked when it is scored (scoring), and until then by score.
    private static final String INSERT = """
            INSERT INTO stream_items (stream_id, item_type, company_id, title, description, priority, status,
                                      metadata, added_by_agent_id, created_at, updated_at)
            SELECT ?, 'company', u.company_id, c.name,
                   c.company_number || coalesce(' · ' || c.post_town, ''),
                   u.priority, 'active', u.metadata::jsonb, ?, ?, ?
            FROM unnest(?::bigint[], ?::text[], ?::text[]) AS u (company_id, priority, metadata)
            JOIN companies c ON c.id = u.company_id
            ON CONFLICT (stream_id, company_id) WHERE company_id IS NOT NULL DO NOTHING
            RETURNING company_id
            """;

    private static final String EXECUTION_ITEMS = """
            SELECT count(*), round(avg(q), 2), count(*) FILTER (WHERE q >= 4.0),
                   coalesce(array_agg(company_id ORDER BY q DESC, company_id), '{}')
            FROM (SELECT company_id,
                         CASE WHEN jsonb_typeof(metadata -> 'quality_score') = 'number'
                              THEN (metadata ->> 'quality_score')::numeric END AS q
                  FROM stream_items
                  WHERE stream_id = ? AND metadata -> 'discovered_by' ->> 'execution_id' = ?) x
            """;

    /** The stream as the run finds it. */
    record StreamState(UUID orgId, int qualified) {}

    /** The items one execution added, over its attempts: how many, their mean score, the high ones, their companies. */
    record ExecutionItems(int count, Double avgScore, int highQuality, List<Long> companyIds) {}

    private final Connection connection;
    private final Criteria criteria;
    private final UUID streamId;
    private final Plans plans;

    DiscoveryRepository(Connection connection, Criteria criteria, UUID streamId, Plans plans) {
        this.connection = connection;
        this.criteria = criteria;
        this.streamId = streamId;
        this.plans = plans;
    }

    Optional<StreamState> stream(double minScore) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STREAM)) {
            statement.setBigDecimal(1, BigDecimal.valueOf(minScore));
            statement.setObject(2, streamId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StreamState(row.getObject(1, UUID.class), row.getInt("qualified")));
            }
        }
    }

    /** The size bands of the active companies, each with its bound (5 for a band that is not uniform). */
    List<Tier> tiers() throws SQLException {
        List<Tier> tiers = new ArrayList<>();
        plans.explain(connection, "size bands and their estimates", BANDS, statement -> {});
        try (PreparedStatement statement = connection.prepareStatement(BANDS);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Tier.Estimate first = new Tier.Estimate(
                        row.getObject(2, Integer.class), row.getObject(3, Integer.class), row.getObject(4, Long.class));
                Tier.Estimate last = new Tier.Estimate(
                        row.getObject(5, Integer.class), row.getObject(6, Integer.class), row.getObject(7, Long.class));
                tiers.add(new Tier(row.getString(1), first.equals(last) ? first : null, 5.0));
            }
        }
        return withBounds(tiers);
    }

    private List<Tier> withBounds(List<Tier> tiers) throws SQLException {
        List<Tier> uniform = tiers.stream().filter(Tier::uniform).toList();
        if (uniform.isEmpty()) {
            return tiers;
        }
        Plans.Binder binder = statement -> {
            int i = CriteriaSql.bind(statement, 1, criteria);
            statement.setArray(
                    i++,
                    Sql.ints(
                            connection,
                            uniform.stream()
                                    .map(t -> t.estimate().employeesMin())
                                    .toList()));
            statement.setArray(
                    i++,
                    Sql.ints(
                            connection,
                            uniform.stream()
                                    .map(t -> t.estimate().employeesMax())
                                    .toList()));
            statement.setArray(
                    i,
                    Sql.longs(
                            connection,
                            uniform.stream()
                                    .map(t -> t.estimate().turnoverMaxGbp())
                                    .toList()));
        };
        double[] bounds = new double[uniform.size()];
        try (PreparedStatement statement = connection.prepareStatement(BOUNDS)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    bounds[row.getInt(1) - 1] = row.getDouble(2);
                }
            }
        }
        List<Tier> bounded = new ArrayList<>();
        for (Tier tier : tiers) {
            int at = uniform.indexOf(tier);
            bounded.add(at < 0 ? tier : tier.withBound(bounds[at]));
        }
        return bounded;
    }

    /** Companies whose headcount or turnover is known, scoring at least {@code minScore}, best first. */
    List<Candidate> measured(double minScore, int limit) throws SQLException {
        String sql = candidates(MEASURED, "", SCORE + " DESC, c.incorporation_date, c.id");
        return candidates("companies with a known headcount or turnover", sql, statement -> {
            int i = CriteriaSql.bind(statement, 1, criteria);
            statement.setObject(i++, streamId);
            statement.setBigDecimal(i++, BigDecimal.valueOf(minScore));
            statement.setInt(i, limit);
        });
    }

    /**
     * Companies of {@code tier} with only an estimate, scoring at least {@code from} and, when
     * {@code below} is given, less than it. With {@code byScore} false they come in the index's
     * order (for companies that all share one score); else best first, then in that order.
     */
    List<Candidate> inTier(Tier tier, double from, Double below, boolean byScore, int limit) throws SQLException {
        String band = tier.band() == null ? "c.size_band IS NULL" : "c.size_band = ?";
        String sql = candidates(
                band + " AND " + ESTIMATED,
                below == null ? "" : "AND " + SCORE + " < ?",
                byScore ? SCORE + " DESC, " + INDEX_ORDER : INDEX_ORDER);
        String purpose = "size band " + Objects.requireNonNullElse(tier.band(), "(none)") + ", score "
                + (below == null ? "≥ " + from : "in [" + from + ", " + below + ")");
        return candidates(purpose, sql, statement -> {
            int i = CriteriaSql.bind(statement, 1, criteria);
            if (tier.band() != null) {
                statement.setString(i++, tier.band());
            }
            statement.setObject(i++, streamId);
            statement.setBigDecimal(i++, BigDecimal.valueOf(from));
            if (below != null) {
                statement.setBigDecimal(i++, BigDecimal.valueOf(below));
            }
            statement.setInt(i, limit);
        });
    }

    /** The candidate statement with the goal's filters; the filters the goal does not ask for are left out. */
    private String candidates(String rows, String scoreBelow, String order) {
        StringBuilder where = new StringBuilder(rows);
        if (!criteria.anyIndustry()) {
            where.append(" AND ").append(CriteriaSql.INDUSTRY_FILTER);
        }
        if (!criteria.anyLocation()) {
            where.append(" AND ").append(CriteriaSql.LOCATION_FILTER);
        }
        return CANDIDATES.formatted(where, scoreBelow, order);
    }

    private List<Candidate> candidates(String purpose, String sql, Plans.Binder binder) throws SQLException {
        plans.explain(connection, purpose, sql, binder);
        List<Candidate> found = new ArrayList<>();
        CriteriaFit.Reader fits = CriteriaFit.reader(criteria);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(new Candidate(
                            row.getLong("id"), row.getBigDecimal("score").doubleValue(), fits.read(row)));
                }
            }
        }
        return found;
    }

    /** Adds the companies as items; a company already on the stream is skipped. Returns the companies added. */
    List<Long> insert(UUID agentId, List<Long> companyIds, List<String> priorities, List<String> metadata, Instant now)
            throws SQLException {
        Plans.Binder binder = statement -> {
            statement.setObject(1, streamId);
            statement.setObject(2, agentId);
            statement.setTimestamp(3, Timestamp.from(now));
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setArray(5, Sql.longs(connection, companyIds));
            statement.setArray(6, connection.createArrayOf("text", priorities.toArray()));
            statement.setArray(7, connection.createArrayOf("text", metadata.toArray()));
        };
        plans.explain(connection, "the new items", INSERT, binder);
        List<Long> added = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    added.add(row.getLong(1));
                }
            }
        }
        return added;
    }

    ExecutionItems executionItems(UUID executionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(EXECUTION_ITEMS)) {
            statement.setObject(1, streamId);
            statement.setString(2, executionId.toString());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                BigDecimal avg = row.getBigDecimal(2);
                return new ExecutionItems(
                        row.getInt(1), avg == null ? null : avg.doubleValue(), row.getInt(3), List.of((Long[])
                                row.getArray(4).getArray()));
            }
        }
    }

    /** Plans the session's statements with their parameters' values, never a generic plan. */
    void customPlans() throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SET LOCAL plan_cache_mode = force_custom_plan")) {
            statement.execute();
        }
    }
}
