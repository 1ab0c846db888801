package io.agentry.scoring;

import io.agentry.stream.Goal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The criteria match of a company in words, from the facts {@link CriteriaSql#FACTS} selects. Made
 * once for a statement's criteria (the goal's terms and ranges in words are the same for every
 * row), then {@link #explain} for each row.
 */
final class CriteriaReasons {
    private final Criteria criteria;
    private final String industryTerms;
    private final String placeTerms;
    private final String employeesRange;
    private final String revenueRange;
    private ResultSet row;

    CriteriaReasons(Criteria criteria) {
        this.criteria = criteria;
        this.industryTerms =
                String.join(", ", new LinkedHashSet<>(criteria.industryTerms().values()));
        Set<String> places = new LinkedHashSet<>(criteria.regionTerms().values());
        places.addAll(criteria.areaTerms().values());
        this.placeTerms = String.join(", ", places);
        this.employeesRange = range(criteria.employees(), "");
        this.revenueRange = range(criteria.revenueGbp(), "£");
    }

    /** The reasons for the current row of {@code current}. */
    List<String> explain(ResultSet current, boolean industryMet, boolean locationMet, Double employees, Double revenue)
            throws SQLException {
        this.row = current;
        List<String> reasons = new ArrayList<>();
        if (!criteria.anyIndustry()) {
            reasons.add(industry(industryMet));
        }
        if (!criteria.anyLocation()) {
            reasons.add(location(locationMet));
        }
        reasons.add(status());
        if (employees != null) {
            reasons.add(employees(employees));
        }
        if (revenue != null) {
            reasons.add(revenue(revenue));
        }
        reasons.addAll(filings());
        reasons.add(age());
        return reasons;
    }

    private String industry(boolean met) throws SQLException {
        List<String> codes = texts(row.getArray("sic_codes"));
        if (codes.isEmpty()) {
            return "industry: no SIC code on record";
        }
        if (!met) {
            return "industry: SIC " + String.join(", ", codes) + " is not among " + industryTerms;
        }
        List<String> matched = new ArrayList<>();
        for (String code : codes) {
            String term = criteria.industryTerms().get(code);
            if (term != null) {
                matched.add(code + " (" + term + ")");
            }
        }
        return "industry: SIC " + String.join(", ", matched);
    }

    private String location(boolean met) throws SQLException {
        String region = row.getString("region");
        String area = row.getString("postcode_area");
        if (met) {
            String term = region == null ? null : criteria.regionTerms().get(region);
            if (term != null) {
                return "location: " + region + (term.equalsIgnoreCase(region) ? "" : " (" + term + ")");
            }
            return "location: postcode area " + area + " ("
                    + criteria.areaTerms().get(area) + ")";
        }
        if (region == null && area == null) {
            return "location: no UK postcode on record";
        }
        String place = region != null ? region + (area == null ? "" : " (postcode area " + area + ")") : area;
        return "location: " + place + " is outside " + placeTerms;
    }

    private String status() throws SQLException {
        String status = row.getString("status");
        if (status == null) {
            return "status: unknown";
        }
        return "Active".equals(status) ? "status: Active" : "status: " + status + ", not active";
    }

    private String employees(double fit) throws SQLException {
        Goal.Range range = criteria.employees();
        Integer count = integer("employee_count");
        if (count != null) {
            String source = row.getString("employee_count_source");
            return "employees: " + count + (source == null ? "" : " (" + source + ")") + ", "
                    + position(count, range, "");
        }
        Integer min = integer("employees_min");
        Integer max = integer("employees_max");
        if (min == null) {
            return "employees: unknown";
        }
        String estimate = max == null ? min + " or more" : min + "–" + max;
        return "employees: " + estimate + " estimated from the accounts category ("
                + row.getString("accounts_category") + "), " + percent(fit) + " of that range within "
                + employeesRange;
    }

    private String revenue(double fit) throws SQLException {
        Goal.Range range = criteria.revenueGbp();
        long estimate = row.getLong("revenue_estimate_gbp");
        if (!row.wasNull()) {
            String source = row.getString("revenue_source");
            return "turnover: " + pounds(estimate) + (source == null ? "" : " (" + source + ")") + ", "
                    + position(estimate, range, "£");
        }
        long ceiling = row.getLong("turnover_max_gbp");
        if (row.wasNull()) {
            return "turnover: unknown";
        }
        return "turnover: at most " + pounds(ceiling) + " by the accounts category ("
                + row.getString("accounts_category") + "), " + percent(fit) + " of that range within "
                + revenueRange;
    }

    private List<String> filings() throws SQLException {
        List<String> reasons = new ArrayList<>();
        reasons.add(due("accounts", date("accounts_next_due")));
        reasons.add(due("confirmation statement", date("confirmation_statement_next_due")));
        Integer employeesMax = integer("employees_max");
        long turnoverMax = row.getLong("turnover_max_gbp");
        if (employeesMax != null && employeesMax == 0 && !row.wasNull() && turnoverMax == 0) {
            reasons.add("dormant: the accounts show no employees and no turnover");
        }
        return reasons;
    }

    private String due(String what, LocalDate due) {
        if (due == null) {
            return what + ": no due date on record";
        }
        return due.isBefore(criteria.today()) ? what + " overdue since " + due : what + " due " + due;
    }

    private String age() throws SQLException {
        LocalDate incorporated = date("incorporation_date");
        if (incorporated == null) {
            return "incorporation date unknown";
        }
        int years = incorporated.isAfter(criteria.today())
                ? 0
                : Period.between(incorporated, criteria.today()).getYears();
        return "incorporated " + incorporated + ", "
                + (years == 0 ? "under a year ago" : years == 1 ? "1 year ago" : years + " years ago");
    }

    private String position(long value, Goal.Range range, String unit) {
        if (range.min() != null && value < range.min()) {
            return "below the minimum of " + unit + grouped(range.min());
        }
        if (range.max() != null && value > range.max()) {
            return "above the maximum of " + unit + grouped(range.max());
        }
        return "within " + (unit.isEmpty() ? employeesRange : revenueRange);
    }

    private static String range(Goal.Range range, String unit) {
        if (range.min() != null && range.max() != null) {
            return unit + grouped(range.min()) + "–" + unit + grouped(range.max());
        }
        if (range.min() != null) {
            return unit + grouped(range.min()) + " or more";
        }
        return range.max() == null ? "any" : "up to " + unit + grouped(range.max());
    }

    private static String pounds(long value) {
        return "£" + grouped(value);
    }

    /** 15000000 as "15,000,000"; many times per run, so not by a Formatter. */
    static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            text.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private Integer integer(String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private LocalDate date(String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
