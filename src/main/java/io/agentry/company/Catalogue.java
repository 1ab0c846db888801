package io.agentry.company;

import io.agentry.company.reference.IndustryMatch;
import io.agentry.company.reference.LocationMatch;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.DatabaseException;
import io.agentry.db.Sql;
import io.agentry.support.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Looks companies up in the catalogue: searches by name, industry, place, size and status, and one in full. */
public final class Catalogue {
    private static final String LIST_COLUMNS = """
            company_number, name, status, company_type, incorporation_date, sic_codes, post_town, postcode,
            region, size_band, employees_min, employees_max, website""";

    private static final String FIND = "SELECT * FROM companies WHERE company_number = ?";

    private static final String SIC_DESCRIPTIONS = """
            SELECT s.code, d.description
            FROM unnest(?::text[]) WITH ORDINALITY AS s (code, position)
            LEFT JOIN sic_codes d ON d.code = s.code
            ORDER BY s.position""";

    private static final String ACTIVE_PSCS = """
            SELECT kind, name, natures_of_control, notified_on FROM company_pscs
            WHERE company_number = ? AND ceased_on IS NULL AND kind NOT LIKE '%statement%'
            ORDER BY notified_on, name""";

    private final DataSource dataSource;
    private final ReferenceData reference;

    public Catalogue(DataSource dataSource, ReferenceData reference) {
        this.dataSource = dataSource;
        this.reference = reference;
    }

    /**
     * The companies matching {@code query}, by name. An unknown industry, location or size label
     * is refused ({@link io.agentry.company.reference.UnknownReferenceException}) before any query.
     */
    public List<Company> search(CompanyQuery query) {
        return search(query, null, null);
    }

    /**
     * As {@link #search(CompanyQuery)}, the page that follows the company named {@code afterName}
     * with number {@code afterNumber} in the order of the results (both null for the first page).
     */
    public List<Company> search(CompanyQuery query, String afterName, String afterNumber) {
        StringBuilder sql = new StringBuilder("SELECT " + LIST_COLUMNS + " FROM companies WHERE true");
        List<Object> parameters = new ArrayList<>();
        if (query.name() != null && !query.name().isBlank()) {
            sql.append(" AND upper(name) LIKE ?");
            parameters.add(namePrefix(query.name()));
        }
        if (!query.industries().isEmpty()) {
            Set<String> codes = new LinkedHashSet<>();
            Set<String> prefixes = new LinkedHashSet<>();
            for (String industry : query.industries()) {
                IndustryMatch match = reference.industries().resolve(industry);
                codes.addAll(match.sicCodes());
                match.sicPrefixes().forEach(prefix -> prefixes.add(prefix + "%"));
            }
            // A division or class stands for every code of it the catalogue has seen.
            sql.append(
                    " AND sic_codes && (?::text[] || ARRAY(SELECT code FROM sic_codes WHERE code LIKE ANY (?::text[])))");
            parameters.add(codes.toArray(String[]::new));
            parameters.add(prefixes.toArray(String[]::new));
        }
        if (!query.locations().isEmpty()) {
            Set<String> regions = new LinkedHashSet<>();
            Set<String> areas = new LinkedHashSet<>();
            for (String location : query.locations()) {
                LocationMatch match = reference.locations().resolve(location);
                regions.addAll(match.regions());
                areas.addAll(match.postcodeAreas());
            }
            sql.append(" AND (region = ANY (?::text[]) OR postcode_area = ANY (?::text[]))");
            parameters.add(regions.toArray(String[]::new));
            parameters.add(areas.toArray(String[]::new));
        }
        if (!query.sizes().isEmpty()) {
            sql.append(" AND size_band = ANY (?::text[])");
            parameters.add(query.sizes().stream()
                    .map(size -> reference.sizeBands().resolveBand(size).name())
                    .toArray(String[]::new));
        }
        if (query.status() != null) {
            sql.append(" AND lower(status) = lower(?)");
            parameters.add(query.status().strip());
        }
        if (afterName != null) {
            sql.append(" AND (name, company_number) > (?, ?)");
            parameters.add(afterName);
            parameters.add(afterNumber);
        }
        sql.append(" ORDER BY name, company_number LIMIT ").append(query.limit());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                statement.setObject(
                        i + 1, value instanceof String[] array ? connection.createArrayOf("text", array) : value);
            }
            List<Company> companies = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    companies.add(new Company(
                            rows.getString("company_number"),
                            rows.getString("name"),
                            rows.getString("status"),
                            rows.getString("company_type"),
                            date(rows, "incorporation_date"),
                            texts(rows.getArray("sic_codes")),
                            rows.getString("post_town"),
                            rows.getString("postcode"),
                            rows.getString("region"),
                            rows.getString("size_band"),
                            integer(rows, "employees_min"),
                            integer(rows, "employees_max"),
                            rows.getString("website")));
                }
            }
            return companies;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The company with this number (normalised first: {@code 12345} finds {@code 00012345}). */
    /**
     * The day the catalogue's registry data describes: the latest "made up to" date of accounts or
     * a confirmation statement among the companies imported; empty before any import that had one.
     */
    public Optional<LocalDate> dataAsOf() {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement =
                            connection.prepareStatement("SELECT data_as_of FROM catalogue_snapshot");
                    ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        });
    }

    public Optional<CompanyDetails> find(String number) {
        Optional<String> normalised = CompanyNumber.normalise(number);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("\"" + number + "\" is not a company number (8 letters or digits)");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, normalised.get());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(details(connection, rows));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static CompanyDetails details(Connection connection, ResultSet row) throws SQLException {
        String number = row.getString("company_number");
        return new CompanyDetails(
                number,
                row.getString("name"),
                row.getString("status"),
                row.getString("company_type"),
                date(row, "incorporation_date"),
                date(row, "dissolution_date"),
                sic(connection, row.getArray("sic_codes")),
                new CompanyDetails.Address(
                        row.getString("address_line_1"),
                        row.getString("address_line_2"),
                        row.getString("post_town"),
                        row.getString("county"),
                        row.getString("country"),
                        row.getString("postcode")),
                row.getString("postcode_area"),
                row.getString("region"),
                new CompanyDetails.Accounts(
                        row.getString("accounts_category"),
                        date(row, "accounts_next_due"),
                        date(row, "accounts_last_made_up"),
                        date(row, "confirmation_statement_next_due"),
                        date(row, "confirmation_statement_last_made_up")),
                row.getString("size_band") == null
                        ? null
                        : new CompanyDetails.SizeEstimate(
                                row.getString("size_band"),
                                integer(row, "employees_min"),
                                integer(row, "employees_max"),
                                row.getObject("turnover_max_gbp", Long.class),
                                row.getString("size_source")),
                row.getString("website"),
                row.getString("description"),
                integer(row, "employee_count"),
                row.getString("employee_count_source"),
                row.getObject("revenue_estimate_gbp", Long.class),
                row.getString("revenue_source"),
                json(row.getString("social_links")),
                texts(row.getArray("tech_stack")),
                integer(row, "officers_count"),
                integer(row, "filing_count"),
                integer(row, "psc_count"),
                activePscs(connection, number),
                json(row.getString("enrichment")),
                instant(row.getTimestamp("enriched_at")),
                instant(row.getTimestamp("updated_at")));
    }

    private static List<CompanyDetails.Sic> sic(Connection connection, Array codes) throws SQLException {
        List<CompanyDetails.Sic> sic = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SIC_DESCRIPTIONS)) {
            statement.setArray(1, codes);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sic.add(new CompanyDetails.Sic(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return sic;
    }

    private static List<CompanyDetails.Psc> activePscs(Connection connection, String number) throws SQLException {
        List<CompanyDetails.Psc> pscs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ACTIVE_PSCS)) {
            statement.setString(1, number);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pscs.add(new CompanyDetails.Psc(
                            rows.getString(1), rows.getString(2), texts(rows.getArray(3)), date(rows, "notified_on")));
                }
            }
        }
        return pscs;
    }

    /** The LIKE pattern of names starting with {@code name}, any case: "northwind an" finds NORTHWIND ANALYTICS. */
    static String namePrefix(String name) {
        String escaped =
                name.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("([\\\\%_])", "\\\\$1");
        return escaped + "%";
    }

    private static LocalDate date(ResultSet rows, String column) throws SQLException {
        Date date = rows.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Integer integer(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, Integer.class);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return text == null ? null : Json.read(text);
    }
}
