package io.agentry.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID version 7 identifiers (RFC 9562): time-ordered, so new rows land at the right edge of the
 * primary-key index instead of on random pages, and ids sort by creation time. Uniqueness rests on
 * the millisecond, a per-process sequence and 62 random bits; they are identifiers, not secrets,
 * so a fast non-cryptographic generator serves.
 */
public final class Ids {
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        // 12 bits of sequence within a millisecond keep ids from one process strictly increasing.
        long stamp = LAST.updateAndGet(previous -> Math.max(previous + 1, millis << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
