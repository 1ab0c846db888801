package io.agentry.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding of scores for storage and display, half up as PostgreSQL's {@code round} does. */
final class Scores {
    private Scores() {}

    static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
