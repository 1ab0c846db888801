package io.agentry.scoring;

import io.agentry.company.reference.IndustryMatch;
import io.agentry.company.reference.LocationMatch;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.stream.Goal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A goal's criteria as the catalogue's SQL reads them: industry labels turned into the exact SIC
 * codes they stand for, places into regions and postcode areas, and the day against which filings
 * are judged.
 *
 * <p>A division, group, class or section ("62", "6201", "J") stands for every code of it the
 * catalogue has seen ({@code sic_codes} table, learned on import), so that a company's codes are
 * compared with a list of exact codes and the GIN index on {@code companies.sic_codes} serves the
 * filter.
 *
 * @param industryTerms each matching SIC code, with the goal's term it came from ("62012" → "SaaS");
 *     empty when the goal names no industry
 * @param regionTerms each matching region, with the goal's term it came from ("London" → "UK")
 * @param areaTerms each matching postcode area, with its term ("M" → "Manchester")
 * @param today the day on which a filing date counts as overdue or not, and ages are measured:
 *     the day the catalogue's data describes when that is earlier than the real today (a snapshot
 *     imported months ago must not make every company late; docs/catalogue.md)
 */
public record Criteria(
        boolean anyIndustry,
        Map<String, String> industryTerms,
        boolean anyLocation,
        Map<String, String> regionTerms,
        Map<String, String> areaTerms,
        Goal.Range employees,
        Goal.Range revenueGbp,
        LocalDate today) {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String DATA_AS_OF = "SELECT data_as_of FROM catalogue_snapshot";
    private static final String CODES_WITH_PREFIX = "SELECT code FROM sic_codes WHERE code LIKE ANY (?) ORDER BY code";

    public Criteria {
        industryTerms = Collections.unmodifiableMap(new LinkedHashMap<>(industryTerms));
        regionTerms = Collections.unmodifiableMap(new LinkedHashMap<>(regionTerms));
        areaTerms = Collections.unmodifiableMap(new LinkedHashMap<>(areaTerms));
        Objects.requireNonNull(employees, "employees");
        Objects.requireNonNull(revenueGbp, "revenueGbp");
        Objects.requireNonNull(today, "today");
    }

    /**
     * Resolves a checked goal against the reference data and the codes the catalogue holds, as of
     * {@code today} or the catalogue's day, whichever is earlier.
     *
     * @throws io.agentry.company.reference.UnknownReferenceException for a label the reference
     *     data does not know (a goal checked by {@link Goal#of} has none)
     */
    public static Criteria resolve(Goal goal, ReferenceData reference, Connection connection, LocalDate today)
            throws SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String term : goal.industries()) {
            IndustryMatch match = reference.industries().resolve(term);
            match.sicCodes().forEach(code -> codes.putIfAbsent(code, term));
            if (!match.sicPrefixes().isEmpty()) {
                for (String code : codesStartingWith(
                        connection, match.sicPrefixes().stream().toList())) {
                    codes.putIfAbsent(code, term);
                }
            }
        }
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, String> areas = new LinkedHashMap<>();
        for (String term : goal.locations()) {
            LocationMatch match = reference.locations().resolve(term);
            match.regions().forEach(region -> regions.putIfAbsent(region, term));
            match.postcodeAreas().forEach(area -> areas.putIfAbsent(area, term));
        }
        return new Criteria(
                goal.industries().isEmpty(),
                codes,
                goal.locations().isEmpty(),
                regions,
                areas,
                goal.employeeCount(),
                goal.revenueGbp(),
                catalogueDay(connection, today));
    }

    private static LocalDate catalogueDay(Connection connection, LocalDate today) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DATA_AS_OF);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getObject(1, LocalDate.class).isBefore(today)
                    ? rows.getObject(1, LocalDate.class)
                    : today;
        }
    }

    private static List<String> codesStartingWith(Connection connection, List<String> prefixes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CODES_WITH_PREFIX)) {
            statement.setArray(
                    1, Sql.texts(connection, prefixes.stream().map(p -> p + "%").toList()));
            try (ResultSet rows = statement.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
                return codes;
            }
        }
    }

    /**
     * The day in the UK at {@code instant}: Companies House dates are UK dates, so a filing due
     * "today" is judged by the UK's today.
     */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, UK);
    }

    public boolean employeesGiven() {
        return employees.min() != null || employees.max() != null;
    }

    public boolean revenueGiven() {
        return revenueGbp.min() != null || revenueGbp.max() != null;
    }
}
