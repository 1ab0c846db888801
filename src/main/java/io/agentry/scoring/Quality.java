package io.agentry.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;

/**
 * An item's quality: {@code 2.0 × criteria match + 1.0 × completeness + 1.0 × enrichment + 1.0 ×
 * signals}, each component in [0, 1], so the score spans 0 to 5 (docs/scoring.md).
 */
public record Quality(double criteriaMatch, double completeness, double enrichment, double signals) {
    public static final double CRITERIA_WEIGHT = 2.0;
    public static final double COMPLETENESS_WEIGHT = 1.0;
    public static final double ENRICHMENT_WEIGHT = 1.0;
    public static final double SIGNALS_WEIGHT = 1.0;

    public Quality {
        check("criteria match", criteriaMatch);
        check("completeness", completeness);
        check("enrichment", enrichment);
        check("signals", signals);
    }

    /** The score, 0 to 5, rounded to 2 places. */
    public double score() {
        return Scores.round(
                CRITERIA_WEIGHT * criteriaMatch
                        + COMPLETENESS_WEIGHT * completeness
                        + ENRICHMENT_WEIGHT * enrichment
                        + SIGNALS_WEIGHT * signals,
                2);
    }

    public Priority priority() {
        return Priority.of(score());
    }

    /** The components as stored in an item's {@code metadata.components}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("criteria_match", Scores.round(criteriaMatch, 4));
        json.put("completeness", Scores.round(completeness, 4));
        json.put("enrichment", Scores.round(enrichment, 4));
        json.put("signals", Scores.round(signals, 4));
        return json;
    }

    private static void check(String component, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(component + " must be between 0 and 1, was " + value);
        }
    }
}
