package io.agentry.testing;

import io.agentry.db.Sql;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A catalogue company for tests, written straight into {@code companies}. By default it is what a
 * snapshot import leaves for a small London software company: active, SIC 62012, incorporated in
 * 2015, small-company accounts (so the estimate 0–50 employees, turnover up to £15m), filings on
 * time on 1 June 2025, and nothing from enrichment.
 */
public final class TestCompany {
    private static final AtomicInteger NUMBERS = new AtomicInteger(10_000_000);

    private final String name;
    private String number = String.format("%08d", NUMBERS.incrementAndGet());
    private String status = "Active";
    private List<String> sicCodes = List.of("62012");
    private String postcode = "EC1A 1BB";
    private String postcodeArea = "EC";
    private String region = "London";
    private LocalDate incorporated = LocalDate.of(2015, 3, 2);
    private String accountsCategory = "TOTAL EXEMPTION FULL";
    private LocalDate accountsLastMadeUp = LocalDate.of(2024, 3, 31);
    private LocalDate accountsDue = LocalDate.of(2025, 12, 31);
    private LocalDate statementDue = LocalDate.of(2026, 3, 16);
    private String sizeBand = "small";
    private Integer employeesMin = 0;
    private Integer employeesMax = 50;
    private Long turnoverMax = 15_000_000L;
    private Integer employeeCount;
    private String employeeCountSource;
    private Long revenue;
    private String revenueSource;
    private String website;
    private String description;
    private String socialLinks;
    private List<String> techStack;
    private Integer officers;
    private Integer filings;
    private Integer pscs;
    private Instant enrichedAt;
    private String enrichment;

    private TestCompany(String name) {
        this.name = name;
    }

    public static TestCompany aCompany(String name) {
        return new TestCompany(name);
    }

    /** A company the catalogue knows nothing about beyond its name and number. */
    public static TestCompany aCompanyWithNothing(String name) {
        return new TestCompany(name)
                .status(null)
                .sic()
                .place(null, null, null)
                .incorporated(null)
                .accounts(null, null)
                .accountsDue(null)
                .statementDue(null)
                .noEstimate();
    }

    public TestCompany number(String value) {
        this.number = value;
        return this;
    }

    public TestCompany status(String value) {
        this.status = value;
        return this;
    }

    public TestCompany sic(String... codes) {
        this.sicCodes = List.of(codes);
        return this;
    }

    public TestCompany place(String postcode, String area, String region) {
        this.postcode = postcode;
        this.postcodeArea = area;
        this.region = region;
        return this;
    }

    public TestCompany inManchester() {
        return place("M1 1AE", "M", "North West");
    }

    public TestCompany inCardiff() {
        return place("CF10 1AA", "CF", "Wales");
    }

    public TestCompany inBelfast() {
        return place("BT1 1AA", "BT", "Northern Ireland");
    }

    public TestCompany incorporated(LocalDate value) {
        this.incorporated = value;
        return this;
    }

    public TestCompany accounts(String category, LocalDate lastMadeUp) {
        this.accountsCategory = category;
        this.accountsLastMadeUp = lastMadeUp;
        return this;
    }

    public TestCompany accountsDue(LocalDate value) {
        this.accountsDue = value;
        return this;
    }

    public TestCompany statementDue(LocalDate value) {
        this.statementDue = value;
        return this;
    }

    /** The estimate of an accounts category: band, employees min and max, turnover ceiling. */
    public TestCompany estimate(String band, Integer min, Integer max, Long turnover) {
        this.sizeBand = band;
        this.employeesMin = min;
        this.employeesMax = max;
        this.turnoverMax = turnover;
        return this;
    }

    public TestCompany micro() {
        return accounts("MICRO ENTITY", accountsLastMadeUp).estimate("micro", 0, 10, 1_000_000L);
    }

    public TestCompany medium() {
        return accounts("MEDIUM", accountsLastMadeUp).estimate("medium", 0, 250, 54_000_000L);
    }

    public TestCompany dormant() {
        return accounts("DORMANT", accountsLastMadeUp).estimate("dormant", 0, 0, 0L);
    }

    public TestCompany noEstimate() {
        return estimate(null, null, null, null);
    }

    public TestCompany employees(int count, String source) {
        this.employeeCount = count;
        this.employeeCountSource = source;
        return this;
    }

    public TestCompany revenue(long pounds, String source) {
        this.revenue = pounds;
        this.revenueSource = source;
        return this;
    }

    /** Everything enrichment can find, found at {@code at}: website analysis, officers, filings, headcount, turnover. */
    public TestCompany fullyEnriched(Instant at) {
        this.website = "https://" + name.toLowerCase().replaceAll("[^a-z]+", "-") + ".example";
        this.description = name + " makes software for logistics firms.";
        this.socialLinks = "{\"linkedin\": \"https://www.linkedin.com/company/example\"}";
        this.techStack = List.of("React", "Stripe");
        this.officers = 3;
        this.filings = 42;
        this.pscs = 2;
        this.enrichedAt = at;
        if (employeeCount == null) {
            employees(120, "careers page");
        }
        if (revenue == null) {
            revenue(8_000_000L, "filed accounts");
        }
        return this;
    }

    /** The per-source record {@code companies.enrichment}, as JSON. */
    public TestCompany enrichmentRecord(String json) {
        this.enrichment = json;
        return this;
    }

    public long insert(DataSource dataSource) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement codes = connection.prepareStatement(
                    "INSERT INTO sic_codes (code, description) SELECT code, 'SIC ' || code FROM unnest(?::text[]) code"
                            + " ON CONFLICT DO NOTHING")) {
                codes.setArray(1, Sql.texts(connection, sicCodes));
                codes.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO companies (company_number, name, status, sic_codes, postcode, postcode_area, region,
                        incorporation_date, accounts_category, accounts_last_made_up, accounts_next_due,
                        confirmation_statement_next_due, size_band, employees_min, employees_max, turnover_max_gbp,
                        employee_count, employee_count_source, revenue_estimate_gbp, revenue_source, website,
                        description, social_links, tech_stack, officers_count, filing_count, psc_count, enriched_at, enrichment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb)
                    RETURNING id""")) {
                int i = 1;
                insert.setString(i++, number);
                insert.setString(i++, name);
                insert.setString(i++, status);
                insert.setArray(i++, Sql.texts(connection, sicCodes));
                insert.setString(i++, postcode);
                insert.setString(i++, postcodeArea);
                insert.setString(i++, region);
                insert.setDate(i++, date(incorporated));
                insert.setString(i++, accountsCategory);
                insert.setDate(i++, date(accountsLastMadeUp));
                insert.setDate(i++, date(accountsDue));
                insert.setDate(i++, date(statementDue));
                insert.setString(i++, sizeBand);
                insert.setObject(i++, employeesMin, Types.INTEGER);
                insert.setObject(i++, employeesMax, Types.INTEGER);
                insert.setObject(i++, turnoverMax, Types.BIGINT);
                insert.setObject(i++, employeeCount, Types.INTEGER);
                insert.setString(i++, employeeCountSource);
                insert.setObject(i++, revenue, Types.BIGINT);
                insert.setString(i++, revenueSource);
                insert.setString(i++, website);
                insert.setString(i++, description);
                insert.setString(i++, socialLinks);
                insert.setArray(i++, techStack == null ? null : Sql.texts(connection, techStack));
                insert.setObject(i++, officers, Types.INTEGER);
                insert.setObject(i++, filings, Types.INTEGER);
                insert.setObject(i++, pscs, Types.INTEGER);
                insert.setTimestamp(i++, enrichedAt == null ? null : Timestamp.from(enrichedAt));
                insert.setString(i, enrichment);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }
}
