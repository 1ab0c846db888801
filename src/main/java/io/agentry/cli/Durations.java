package io.agentry.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 850 ms}, {@code 4.2 s}, {@code 3 min 05 s}, {@code 2 h 10 min}. */
final class Durations {
    private Durations() {}

    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    static String text(long seconds) {
        return text(Duration.ofSeconds(seconds));
    }
}
