package io.agentry.event;

import java.util.Objects;
import java.util.UUID;

/**
 * One event of a stream's feed ({@code stream_events}) as subscribers receive it.
 *
 * @param id the row's id: events of a stream arrive in increasing id order, and a subscriber
 *     resumes after the last id it saw
 * @param type {@code progress-update}, {@code agent-activity}, {@code milestone} or {@code insight}
 * @param data the payload, JSON text as the database returns it (on one line)
 */
public record Event(long id, UUID streamId, String type, String data) {
    public Event {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
