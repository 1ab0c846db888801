package io.agentry.scoring;

import java.util.Locale;

/** An item's band ({@code stream_items.priority}) by its quality score: ≥ 4.5, ≥ 4.0, ≥ 3.0, else low. */
public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The score from which an item counts as high quality: the high band and above. */
    public static final double HIGH_QUALITY = 4.0;

    public static Priority of(double score) {
        if (score >= 4.5) {
            return CRITICAL;
        }
        if (score >= HIGH_QUALITY) {
            return HIGH;
        }
        return score >= 3.0 ? MEDIUM : LOW;
    }

    /** The column's value: {@code critical}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
