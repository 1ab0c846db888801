package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.db.Sql;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Signals in what the catalogue already holds about companies, found without asking any outside
 * source: for discovery, which looks at many companies at once. One query reads the companies, one
 * statement records what the rules find.
 *
 * <ul>
 *   <li>Accounts made up to a date in the last {@value #ACCOUNTS_DAYS} days: a {@code
 *       companies_house_filing}, confidence {@value #ACCOUNTS}. Fresh accounts are filed, and the
 *       year they close is when budgets are set. The source reference is {@code
 *       accounts-made-up:<date>}.
 *   <li>A confirmation statement made up in the last {@value #CONFIRMATION_DAYS} days: a {@code
 *       companies_house_filing}, confidence {@value #CONFIRMATION}. A routine yearly filing: the
 *       company is alive and current, little more. Reference {@code
 *       confirmation-statement-made-up:<date>}.
 *   <li>An enrichment that counted open jobs on the careers page ({@code
 *       enrichment.website.careers_url} and {@code enrichment.website.job_count} at least 1): a
 *       {@code job_posting}, as confident as {@link CareersSignals} says, with the same reference,
 *       so the scout reading the same page later finds the same signal.
 * </ul>
 *
 * <p>The made-up dates say when a period ended, not when the filing was registered, so these
 * signals expire their type's validity after they are found rather than after the date.
 */
public final class CatalogueSignals {
    static final int ACCOUNTS_DAYS = 180;
    static final int ACCOUNTS = 45;
    static final int CONFIRMATION_DAYS = 60;
    static final int CONFIRMATION = 35;

    private static final String COMPANIES = """
            SELECT id, company_number, accounts_last_made_up, confirmation_statement_last_made_up,
                   enrichment -> 'website' ->> 'careers_url' AS careers_url,
                   CASE WHEN jsonb_typeof(enrichment -> 'website' -> 'job_count') = 'number'
                         AND (enrichment -> 'website' ->> 'job_count')::numeric BETWEEN 1 AND 1000000
                         AND (enrichment -> 'website' ->> 'job_count')::numeric
                             = trunc((enrichment -> 'website' ->> 'job_count')::numeric)
                        THEN (enrichment -> 'website' ->> 'job_count')::int END AS job_count,
                   enriched_at
            FROM companies
            WHERE id = ANY (?::bigint[])
              AND (accounts_last_made_up >= ? OR confirmation_statement_last_made_up >= ?
                   OR enrichment -> 'website' -> 'job_count' IS NOT NULL)""";

    private CatalogueSignals() {}

    /** As {@link #detect(Connection, UUID, Collection, Clock, String, UUID)}, outside an execution. */
    public static BuyingSignals.Recorded detect(
            DataSource dataSource, UUID orgId, Collection<Long> companyIds, Clock clock, String detectedBy) {
        return Sql.run(dataSource, c -> detect(c, orgId, companyIds, clock, detectedBy, null));
    }

    /**
     * Finds the signals of these companies and records those the org does not hold yet.
     *
     * @param detectedBy what is asking, such as {@code opportunity_bot}
     * @param executionId the execution asking; null outside one (see {@link BuyingSignals#record})
     */
    public static BuyingSignals.Recorded detect(
            Connection connection,
            UUID orgId,
            Collection<Long> companyIds,
            Clock clock,
            String detectedBy,
            UUID executionId)
            throws SQLException {
        Instant now = clock.now();
        List<DetectedSignal> signals = find(connection, companyIds, now);
        return BuyingSignals.record(connection, orgId, detectedBy, executionId, now, signals);
    }

    static List<DetectedSignal> find(Connection connection, Collection<Long> companyIds, Instant now)
            throws SQLException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<DetectedSignal> signals = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COMPANIES)) {
            statement.setArray(1, Sql.longs(connection, companyIds));
            statement.setObject(2, today.minusDays(ACCOUNTS_DAYS));
            statement.setObject(3, today.minusDays(CONFIRMATION_DAYS));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    String number = rs.getString("company_number");
                    LocalDate accounts = date(rs, "accounts_last_made_up");
                    if (accounts != null && !accounts.isBefore(today.minusDays(ACCOUNTS_DAYS))) {
                        signals.add(madeUp(id, number, "accounts", accounts, ACCOUNTS, now));
                    }
                    LocalDate confirmation = date(rs, "confirmation_statement_last_made_up");
                    if (confirmation != null && !confirmation.isBefore(today.minusDays(CONFIRMATION_DAYS))) {
                        signals.add(madeUp(id, number, "confirmation-statement", confirmation, CONFIRMATION, now));
                    }
                    Instant enrichedAt = Sql.instant(rs, "enriched_at");
                    CareersSignals.of(
                                    id,
                                    rs.getString("careers_url"),
                                    Sql.integer(rs, "job_count"),
                                    "enrichment",
                                    enrichedAt == null ? now : enrichedAt)
                            .ifPresent(signals::add);
                }
            }
        }
        return signals;
    }

    private static DetectedSignal madeUp(
            long companyId, String number, String what, LocalDate date, int confidence, Instant now) {
        ObjectNode data = Json.object();
        data.put("source", "catalogue");
        data.put("company_number", number);
        data.put("filing", what);
        data.put("made_up_date", date.toString());
        return DetectedSignal.of(
                companyId, SignalType.COMPANIES_HOUSE_FILING, confidence, data, what + "-made-up:" + date, now);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
