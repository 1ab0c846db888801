package io.agentry.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A company's criteria match as {@link CriteriaSql} computed it, with the reasons in words.
 *
 * @param employees null when the goal does not ask about headcount
 * @param revenue null when the goal does not ask about turnover
 * @param criteriaMatch in [0, 1], rounded to 4 places
 */
public record CriteriaFit(
        boolean industryMet,
        boolean locationMet,
        boolean active,
        Double employees,
        Double revenue,
        double filings,
        double age,
        double criteriaMatch,
        List<String> reasons) {

    public CriteriaFit {
        reasons = List.copyOf(reasons);
    }

    /** Reads {@link CriteriaSql#COLUMNS} and {@link CriteriaSql#FACTS} from the current row. */
    public static CriteriaFit read(ResultSet row, Criteria criteria) throws SQLException {
        return reader(criteria).read(row);
    }

    /** A reader of many rows under one goal's criteria: what their reasons share is put in words once. */
    public static Reader reader(Criteria criteria) {
        return new Reader(new CriteriaReasons(criteria));
    }

    /** Reads the criteria match of row after row of one statement. */
    public static final class Reader {
        private final CriteriaReasons reasons;

        private Reader(CriteriaReasons reasons) {
            this.reasons = reasons;
        }

        /** Reads {@link CriteriaSql#COLUMNS} and {@link CriteriaSql#FACTS} from the current row. */
        public CriteriaFit read(ResultSet row) throws SQLException {
            boolean industryMet = row.getBoolean("industry_met");
            boolean locationMet = row.getBoolean("location_met");
            boolean active = row.getBoolean("active");
            Double employees = fraction(row, "employees");
            Double revenue = fraction(row, "revenue");
            double filings = row.getDouble("filings");
            double age = row.getDouble("age");
            double criteriaMatch = row.getBigDecimal("criteria_match").doubleValue();
            return new CriteriaFit(
                    industryMet,
                    locationMet,
                    active,
                    employees,
                    revenue,
                    filings,
                    age,
                    criteriaMatch,
                    reasons.explain(row, industryMet, locationMet, employees, revenue));
        }
    }

    /** The components as stored in an item's {@code metadata.criteria_match}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("score", criteriaMatch);
        json.put("industry", industryMet);
        json.put("location", locationMet);
        json.put("active", active);
        json.put("employees", employees == null ? null : Scores.round(employees, 4));
        json.put("revenue", revenue == null ? null : Scores.round(revenue, 4));
        json.put("filings", Scores.round(filings, 4));
        json.put("age", Scores.round(age, 4));
        return json;
    }

    private static Double fraction(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
