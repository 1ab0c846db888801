package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The SQL of enrichment: which companies are due, and storing what was learnt, a batch at a time. */
final class EnrichmentRepository {

    /**
     * The stream's companies that are due, at most {@code limit}, with how many are due in all.
     * Deferred Companies House steps first, since they were cut short; then never enriched; then
     * the longest ago; the id breaks ties. A company enriched in this run moves to the back, so
     * however small the batch, every company's turn comes.
     */
    static final String DUE = """
            WITH items AS (
                SELECT c.id, c.company_number, c.website, c.accounts_category, c.enriched_at,
                       coalesce(c.enrichment #>> '{companies_house,status}' = 'deferred', false) AS deferred
                FROM stream_items i
                JOIN companies c ON c.id = i.company_id
                WHERE i.stream_id = ? AND i.status = 'active'
            )
            SELECT id, company_number, website, accounts_category,
                   enriched_at IS NOT NULL AND enriched_at >= ? AS companies_house_only,
                   count(*) OVER () AS due
            FROM items
            WHERE enriched_at IS NULL OR enriched_at < ? OR deferred
            ORDER BY deferred DESC, enriched_at NULLS FIRST, id
            LIMIT ?""";

    /**
     * Stores a batch in one statement. Each source's columns change only when the source answered
     * this time: a failure keeps what an earlier run learnt, and says so in {@code enrichment}.
     * Estimated counts replace only estimates (a source beginning {@code estimate: }) or nothing.
     */
    static final String SAVE = """
            UPDATE companies c SET
                enrichment = coalesce(c.enrichment, '{}'::jsonb) || u.enrichment,
                officers_count = CASE WHEN u.companies_house_ok THEN u.officers_count ELSE c.officers_count END,
                filing_count = CASE WHEN u.companies_house_ok THEN u.filing_count ELSE c.filing_count END,
                psc_count = CASE WHEN u.companies_house_ok THEN u.psc_count ELSE c.psc_count END,
                tech_stack = CASE WHEN u.website_ok THEN u.tech_stack ELSE c.tech_stack END,
                social_links = CASE WHEN u.website_ok THEN u.social_links ELSE c.social_links END,
                description = CASE WHEN u.website_ok AND u.description IS NOT NULL
                                   THEN u.description ELSE c.description END,
                employee_count = CASE WHEN c.employee_count_source IS NULL OR c.employee_count_source LIKE 'estimate: %'
                                      THEN u.employee_count ELSE c.employee_count END,
                employee_count_source = CASE WHEN c.employee_count_source IS NULL
                                                  OR c.employee_count_source LIKE 'estimate: %'
                                             THEN u.employee_count_source ELSE c.employee_count_source END,
                revenue_estimate_gbp = CASE WHEN c.revenue_source IS NULL OR c.revenue_source LIKE 'estimate: %'
                                            THEN u.revenue_estimate_gbp ELSE c.revenue_estimate_gbp END,
                revenue_source = CASE WHEN c.revenue_source IS NULL OR c.revenue_source LIKE 'estimate: %'
                                      THEN u.revenue_source ELSE c.revenue_source END,
                enriched_at = CASE WHEN u.full_run THEN u.enriched_at ELSE c.enriched_at END,
                updated_at = now()
            FROM jsonb_to_recordset(?::jsonb) AS u (
                id bigint, enrichment jsonb,
                companies_house_ok boolean, officers_count integer, filing_count integer, psc_count integer,
                website_ok boolean, tech_stack text[], social_links jsonb, description text,
                employee_count integer, employee_count_source text, revenue_estimate_gbp bigint, revenue_source text,
                full_run boolean, enriched_at timestamptz)
            WHERE c.id = u.id""";

    /**
     * Brings the stream's items up to date with their companies: the company's {@code enriched_at}
     * in {@code metadata.enriched_at}, and an item not yet past discovery moves to the stage
     * {@code enriched}. An item already up to date is not written, so a retried run updates none
     * twice; a company enriched for another stream counts too.
     */
    static final String SYNC_ITEMS = """
            UPDATE stream_items i SET
                stage_id = CASE WHEN i.stage_id IS NULL OR i.stage_id = 'discovered' THEN 'enriched' ELSE i.stage_id END,
                metadata = i.metadata || jsonb_build_object('enriched_at', c.enriched_at),
                updated_at = now()
            FROM companies c
            WHERE i.stream_id = ? AND i.status = 'active' AND c.id = i.company_id AND c.enriched_at IS NOT NULL
              AND (i.stage_id IS NULL OR i.stage_id = 'discovered'
                   OR (i.metadata ->> 'enriched_at')::timestamptz IS DISTINCT FROM c.enriched_at)""";

    /** The stream's companies, and how many of them are enriched and not yet stale. */
    static final String COVERAGE = """
            SELECT count(*), count(*) FILTER (WHERE c.enriched_at >= ?)
            FROM stream_items i
            JOIN companies c ON c.id = i.company_id
            WHERE i.stream_id = ? AND i.status = 'active'""";

    private final DataSource dataSource;

    EnrichmentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The companies due and how many are due in all (the batch may hold fewer). */
    record Due(List<DueCompany> companies, long total) {}

    Due due(UUID streamId, Instant staleBefore, int limit) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DUE)) {
                OffsetDateTime cutoff = staleBefore.atOffset(ZoneOffset.UTC);
                statement.setObject(1, streamId);
                statement.setObject(2, cutoff);
                statement.setObject(3, cutoff);
                statement.setInt(4, limit);
                List<DueCompany> companies = new ArrayList<>();
                long total = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        companies.add(new DueCompany(
                                rs.getLong("id"),
                                rs.getString("company_number"),
                                rs.getString("website"),
                                rs.getString("accounts_category"),
                                rs.getBoolean("companies_house_only")));
                        total = rs.getLong("due");
                    }
                }
                return new Due(companies, total);
            }
        });
    }

    void save(List<CompanyEnrichment> batch) {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        batch.forEach(enrichment -> rows.add(enrichment.row()));
        Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SAVE)) {
                statement.setString(1, Json.writeForDatabase(rows));
                return statement.executeUpdate();
            }
        });
    }

    /** Returns how many items changed. */
    int syncItems(UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SYNC_ITEMS)) {
                statement.setObject(1, streamId);
                return statement.executeUpdate();
            }
        });
    }

    /** How many companies the stream has, and how many of them are enriched since {@code staleBefore}. */
    record Coverage(long companies, long enriched) {}

    Coverage coverage(UUID streamId, Instant staleBefore) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(COVERAGE)) {
                statement.setObject(1, staleBefore.atOffset(ZoneOffset.UTC));
                statement.setObject(2, streamId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new Coverage(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }
}
