package io.agentry.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One event of a stream's feed ({@code stream_events}) as subscribers receive it. Not a record:
 * it carries its server-sent-events message, encoded once here rather than once per subscriber
 * (with a thousand subscribers on a stream, that is the difference between one encoding of each
 * event and a thousand).
 */
public final class Event {
    private final long id;
    private final UUID streamId;
    private final String type;
    private final String data;
    private final byte[] frame;

    /**
     * @param id the row's id: events of a stream arrive in increasing id order, and a subscriber
     *     resumes after the last id it saw
     * @param type {@code progress-update}, {@code agent-activity}, {@code milestone} or {@code insight}
     * @param data the payload, JSON text as the database returns it (on one line)
     */
    public Event(long id, UUID streamId, String type, String data) {
        this.id = id;
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data");
        this.frame = encode(id, type, data);
    }

    public long id() {
        return id;
    }

    public UUID streamId() {
        return streamId;
    }

    public String type() {
        return type;
    }

    public String data() {
        return data;
    }

    /**
     * The event as one server-sent-events message: its {@code id:}, {@code event:} and {@code
     * data:} lines, then a blank line. Shared by every subscriber: never to be changed.
     */
    public byte[] frame() {
        return frame;
    }

    private static byte[] encode(long id, String type, String data) {
        StringBuilder text = new StringBuilder(data.length() + type.length() + 40);
        text.append("id: ").append(id).append('\n');
        text.append("event: ").append(type).append('\n');
        for (String line : data.split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Event[" + id + " " + type + " on " + streamId + "]";
    }
}
