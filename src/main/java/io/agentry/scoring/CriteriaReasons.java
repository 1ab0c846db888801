package io.agentry.scoring;

import io.agentry.stream.Goal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The criteria match of one company in words, from the facts {@link CriteriaSql#FACTS} selects. */
final class CriteriaReasons {
    private final ResultSet row;
    private final Criteria criteria;

    CriteriaReasons(ResultSet row, Criteria criteria) {
        this.row = row;
        this.criteria = criteria;
    }

    List<String> explain(boolean industryMet, boolean locationMet, Double employees, Double revenue)
            throws SQLException {
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
            return "industry: SIC " + String.join(", ", codes) + " is not among "
                    + String.join(
                            ", ", new LinkedHashSet<>(criteria.industryTerms().values()));
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
        Set<String> terms = new LinkedHashSet<>(criteria.regionTerms().values());
        terms.addAll(criteria.areaTerms().values());
        String place = region != null ? region + (area == null ? "" : " (postcode area " + area + ")") : area;
        return "location: " + place + " is outside " + String.join(", ", terms);
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
                + range(range, "");
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
                + range(range, "£");
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

    private static String position(long value, Goal.Range range, String unit) {
        if (range.min() != null && value < range.min()) {
            return "below the minimum of " + unit + String.format(Locale.ROOT, "%,d", range.min());
        }
        if (range.max() != null && value > range.max()) {
            return "above the maximum of " + unit + String.format(Locale.ROOT, "%,d", range.max());
        }
        return "within " + range(range, unit);
    }

    private static String range(Goal.Range range, String unit) {
        if (range.min() != null && range.max() != null) {
            return String.format(Locale.ROOT, "%s%,d–%s%,d", unit, range.min(), unit, range.max());
        }
        if (range.min() != null) {
            return String.format(Locale.ROOT, "%s%,d or more", unit, range.min());
        }
        return String.format(Locale.ROOT, "up to %s%,d", unit, range.max());
    }

    private static String pounds(long value) {
        return String.format(Locale.ROOT, "£%,d", value);
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private Integer integer(String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private LocalDate date(String column) throws SQLException {
        Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
