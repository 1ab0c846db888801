package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.company.reference.UnknownReferenceException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A stream's goal, read from its {@code goal_criteria} and {@code target_metrics} and checked
 * before anything is written: unknown keys, values of the wrong type, a minimum above its maximum,
 * and industry or location labels the reference data does not know are all refused, each with its
 * field and what is allowed.
 *
 * @param industries industry labels, SIC codes, divisions or sections ("SaaS", "62012"); any may match
 * @param locations countries, regions, postcode areas or towns ("UK", "London", "M"); any may match
 * @param employeeCount the company's size in employees; {@link Range#ANY} when not given
 * @param revenueGbp the company's turnover in pounds; {@link Range#ANY} when not given
 * @param companiesToFind how many qualified companies the stream wants (default {@value #DEFAULT_COMPANIES})
 * @param minQualityScore the score, 0 to 5, from which a company counts as qualified (default 3.0)
 */
public record Goal(
        List<String> industries,
        List<String> locations,
        Range employeeCount,
        Range revenueGbp,
        int companiesToFind,
        double minQualityScore) {

    public static final int DEFAULT_COMPANIES = 50;
    public static final double DEFAULT_MIN_QUALITY = 3.0;
    static final int MAX_COMPANIES = 10_000;

    private static final Set<String> CRITERIA = Set.of("industry", "location", "employee_count", "revenue");
    private static final Set<String> METRICS = Set.of("companies_to_find", "min_quality_score");
    private static final Set<String> RANGE = Set.of("min", "max");

    /** A closed range of whole numbers; a null end is open. */
    public record Range(Long min, Long max) {
        public static final Range ANY = new Range(null, null);

        public boolean contains(long value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    public Goal {
        industries = List.copyOf(industries);
        locations = List.copyOf(locations);
    }

    /** Reads and checks a goal; null or missing objects stand for no criteria and the default targets. */
    public static Goal of(JsonNode goalCriteria, JsonNode targetMetrics, ReferenceData reference) {
        Reader reader = new Reader(reference);
        Goal goal = reader.read(goalCriteria, targetMetrics);
        if (!reader.errors.isEmpty()) {
            throw new InvalidGoalException(reader.errors);
        }
        return goal;
    }

    private static final class Reader {
        private final ReferenceData reference;
        private final List<InvalidGoalException.FieldError> errors = new ArrayList<>();

        Reader(ReferenceData reference) {
            this.reference = reference;
        }

        Goal read(JsonNode criteria, JsonNode metrics) {
            JsonNode c = object(criteria, "goal_criteria", CRITERIA);
            JsonNode m = object(metrics, "target_metrics", METRICS);
            List<String> industries = labels(c.path("industry"), "goal_criteria.industry", this::industry);
            List<String> locations = labels(c.path("location"), "goal_criteria.location", this::location);
            Range employees = range(c.path("employee_count"), "goal_criteria.employee_count");
            Range revenue = range(c.path("revenue"), "goal_criteria.revenue");
            int companies = companies(m.path("companies_to_find"));
            double minQuality = minQuality(m.path("min_quality_score"));
            return new Goal(industries, locations, employees, revenue, companies, minQuality);
        }

        private JsonNode object(JsonNode node, String field, Set<String> allowed) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return MissingNode.getInstance();
            }
            if (!node.isObject()) {
                error(field, "must be an object with the keys " + sorted(allowed) + ", was " + kind(node));
                return MissingNode.getInstance();
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    error(field + "." + name, "unknown key; the keys are " + sorted(allowed));
                }
            }
            return node;
        }

        private interface LabelCheck {
            void check(String label);
        }

        private List<String> labels(JsonNode node, String field, LabelCheck check) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            List<JsonNode> values = new ArrayList<>();
            if (node.isTextual()) {
                values.add(node);
            } else if (node.isArray()) {
                node.forEach(values::add);
            } else {
                error(field, "must be a list of labels, was " + kind(node));
                return List.of();
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String at = node.isArray() ? field + "[" + i + "]" : field;
                JsonNode value = values.get(i);
                if (!value.isTextual() || value.asText().isBlank()) {
                    error(at, "must be a label, was " + kind(value));
                    continue;
                }
                try {
                    check.check(value.asText());
                    labels.add(value.asText().strip());
                } catch (UnknownReferenceException e) {
                    error(at, e.getMessage());
                }
            }
            return labels;
        }

        private void industry(String label) {
            reference.industries().resolve(label);
        }

        private void location(String label) {
            reference.locations().resolve(label);
        }

        private Range range(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return Range.ANY;
            }
            if (!node.isObject()) {
                error(field, "must be an object with min and/or max, was " + kind(node));
                return Range.ANY;
            }
            object(node, field, RANGE);
            Long min = bound(node.path("min"), field + ".min");
            Long max = bound(node.path("max"), field + ".max");
            if (min != null && max != null && min > max) {
                error(field, "min (" + min + ") is greater than max (" + max + ")");
            }
            return new Range(min, max);
        }

        private Long bound(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.canConvertToExactIntegral() || node.asLong() < 0) {
                error(field, "must be a whole number, 0 or more, was " + node);
                return null;
            }
            return node.asLong();
        }

        private int companies(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return DEFAULT_COMPANIES;
            }
            if (!node.canConvertToExactIntegral() || node.asLong() < 1 || node.asLong() > MAX_COMPANIES) {
                error(
                        "target_metrics.companies_to_find",
                        "must be a whole number between 1 and " + MAX_COMPANIES + ", was " + node);
                return DEFAULT_COMPANIES;
            }
            return node.asInt();
        }

        private double minQuality(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return DEFAULT_MIN_QUALITY;
            }
            if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 5) {
                error("target_metrics.min_quality_score", "must be a number between 0 and 5, was " + node);
                return DEFAULT_MIN_QUALITY;
            }
            return node.asDouble();
        }

        private void error(String field, String message) {
            errors.add(new InvalidGoalException.FieldError(field, message));
        }

        private static String sorted(Set<String> keys) {
            return String.join(", ", keys.stream().sorted().toList());
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "a list";
                case OBJECT -> "an object";
                case STRING -> "text " + node;
                case NUMBER -> "the number " + node;
                case BOOLEAN -> node.asText();
                default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
