package io.agentry.signal;

import java.util.Locale;

/**
 * A signal's band, read off its confidence so that the two never disagree: 85 and above is very
 * strong, 70 strong, 50 moderate, below that weak.
 */
public enum SignalStrength {
    VERY_STRONG(85),
    STRONG(70),
    MODERATE(50),
    WEAK(0);

    private final int minConfidence;

    SignalStrength(int minConfidence) {
        this.minConfidence = minConfidence;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lowest confidence of this band. */
    public int minConfidence() {
        return minConfidence;
    }

    public static SignalStrength of(int confidence) {
        for (SignalStrength strength : values()) {
            if (confidence >= strength.minConfidence) {
                return strength;
            }
        }
        return WEAK;
    }

    /** The strength of a column value ({@code very_strong}). */
    public static SignalStrength ofValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
