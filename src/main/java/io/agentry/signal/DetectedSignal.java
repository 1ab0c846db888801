package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * A buying signal a detector found, before it is recorded.
 *
 * @param companyId the catalogue's {@code companies.id}
 * @param confidence 0 to 100: how likely the event means the company is about to buy, given how
 *     sure the source is (the rules are in docs/signals.md)
 * @param data what was found, for people and programs to read
 * @param sourceRef what identifies the event at its source (a filing's transaction id, a news
 *     entry's link): the same event found again has the same reference, so it is recorded once
 * @param expiresAt when the signal stops being worth acting on; null for never
 */
public record DetectedSignal(
        long companyId,
        SignalType type,
        SignalStrength strength,
        int confidence,
        ObjectNode data,
        String sourceRef,
        Instant expiresAt) {

    public DetectedSignal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strength, "strength");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be between 0 and 100, was " + confidence);
        }
        if (sourceRef == null || sourceRef.isBlank()) {
            throw new IllegalArgumentException("a signal needs a source reference");
        }
        data = data == null ? Json.object() : data;
    }

    /**
     * A signal whose strength follows from its confidence and which expires its type's {@link
     * SignalType#validity()} after the event.
     *
     * @param eventTime when the event happened, or when it was observed if the source gives no date
     */
    public static DetectedSignal of(
            long companyId, SignalType type, int confidence, ObjectNode data, String sourceRef, Instant eventTime) {
        return new DetectedSignal(
                companyId,
                type,
                SignalStrength.of(confidence),
                confidence,
                data,
                sourceRef,
                eventTime.plus(type.validity()));
    }

    /** What makes a signal the same signal: an org records each key once. */
    public Key key() {
        return new Key(companyId, type, sourceRef);
    }

    public record Key(long companyId, SignalType type, String sourceRef) {}
}
