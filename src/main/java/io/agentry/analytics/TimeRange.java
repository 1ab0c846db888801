package io.agentry.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How far back a report looks: the last 24 hours, 7 days or 30 days. A time series over it has one
 * bucket per hour (24h) or per day (7d, 30d), whole UTC hours or days, the last one holding now.
 */
public enum TimeRange {
    LAST_24_HOURS("24h", ChronoUnit.HOURS, 24),
    LAST_7_DAYS("7d", ChronoUnit.DAYS, 7),
    LAST_30_DAYS("30d", ChronoUnit.DAYS, 30);

    private final String label;
    private final ChronoUnit bucket;
    private final int buckets;

    TimeRange(String label, ChronoUnit bucket, int buckets) {
        this.label = label;
        this.bucket = bucket;
        this.buckets = buckets;
    }

    /** {@code 24h}, {@code 7d} or {@code 30d}. */
    @JsonValue
    public String label() {
        return label;
    }

    public static Optional<TimeRange> of(String label) {
        return Arrays.stream(values())
                .filter(range -> range.label.equals(label))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(TimeRange::label).toList();
    }

    /** Where the range ending at {@code now} starts. */
    public Instant from(Instant now) {
        return now.minus(length());
    }

    public Duration length() {
        return bucket.getDuration().multipliedBy(buckets);
    }

    /** The width of one bucket of a time series. */
    Duration bucket() {
        return bucket.getDuration();
    }

    /** The start of the time series' first bucket: the bucket holding {@code now}, less the others. */
    public Instant firstBucket(Instant now) {
        return now.truncatedTo(bucket).minus(bucket.getDuration().multipliedBy(buckets - 1L));
    }

    int buckets() {
        return buckets;
    }
}
