package io.agentry.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One subscriber's place in a stream's feed: its catch-up first (the events it missed, read from
 * the table a page at a time as it writes them out), then the live events the hub hands it, which
 * wait here until the subscriber polls them. A subscriber that lets more than the buffer's worth of
 * live events wait is closed; it resumes from its last id and loses nothing.
 *
 * <p>The catch-up covers the ids after the subscriber's last one up to {@code liveFrom}, the hub's
 * watermark when it registered; the hub hands over every event above it. Live events at or below
 * the last id (a client that saw them on a node further ahead) are dropped.
 */
public final class Subscription {
    private static final long UNKNOWN = -1;

    private final EventHub hub;
    private final UUID orgId;
    private final UUID streamId;
    private final Subscriber subscriber;
    private final int buffer;
    // Guarded by this.
    private final ArrayDeque<Event> history = new ArrayDeque<>();
    private final ArrayDeque<Event> live = new ArrayDeque<>();
    private long cursor; // the last id caught up to
    private long liveFrom = UNKNOWN;
    private boolean caughtUp;
    private boolean loading = true; // the hub reads the first page as soon as it may
    private boolean heartbeat;
    private boolean closed;

    Subscription(EventHub hub, UUID orgId, UUID streamId, long lastEventId, Subscriber subscriber, int buffer) {
        this.hub = hub;
        this.orgId = orgId;
        this.streamId = streamId;
        this.cursor = lastEventId;
        this.subscriber = subscriber;
        this.buffer = buffer;
    }

    UUID streamId() {
        return streamId;
    }

    UUID orgId() {
        return orgId;
    }

    Subscriber subscriber() {
        return subscriber;
    }

    /** The next events, at most {@code max}, in id order, and whether a heartbeat is due. */
    public Batch poll(int max) {
        boolean more = false;
        Batch batch;
        synchronized (this) {
            if (closed) {
                return Batch.EMPTY;
            }
            List<Event> events = new ArrayList<>();
            while (events.size() < max && !history.isEmpty()) {
                events.add(history.poll());
            }
            if (history.isEmpty() && caughtUp) {
                while (events.size() < max && !live.isEmpty()) {
                    events.add(live.poll());
                }
            } else if (history.isEmpty() && !loading) {
                loading = true;
                more = true;
            }
            batch = new Batch(events, heartbeat);
            heartbeat = false;
        }
        if (more) {
            hub.catchUp(this);
        }
        return batch;
    }

    /** Whether a {@link #poll} now would return something. */
    public synchronized boolean hasPending() {
        return !closed && (heartbeat || !history.isEmpty() || (caughtUp && !live.isEmpty()));
    }

    /** The subscriber is leaving (its client went away): the hub forgets it. */
    public void cancel() {
        if (end()) {
            hub.forget(this);
        }
    }

    /** Ends it, keeping nothing; returns false when it had already ended. */
    synchronized boolean end() {
        if (closed) {
            return false;
        }
        closed = true;
        history.clear();
        live.clear();
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Called once the hub's watermark is known, under the hub's lock: live events start above it. */
    synchronized void liveFrom(long watermark) {
        liveFrom = watermark;
        if (cursor >= watermark) {
            caughtUp = true;
            loading = false;
        }
    }

    /**
     * Appends live events (of this stream, in id order); returns false when they overflow the
     * buffer, and the subscription must be closed.
     */
    synchronized boolean offer(List<Event> events) {
        if (closed) {
            return true;
        }
        for (Event event : events) {
            if (event.id() > cursor) {
                live.add(event);
            }
        }
        return live.size() <= buffer;
    }

    synchronized void heartbeat() {
        heartbeat = true;
    }

    /** What the next catch-up read covers, or null when there is none to make. The hub's watermark is known. */
    synchronized Page nextPage() {
        if (closed || caughtUp) {
            return null;
        }
        return new Page(cursor, liveFrom);
    }

    /** The ids after {@code after} up to {@code until}. */
    record Page(long after, long until) {}

    /** The page read from {@code after}; {@code last}: it was the final one. */
    synchronized void caughtUp(long after, List<Event> events, boolean last) {
        if (closed) {
            return;
        }
        history.addAll(events);
        cursor = events.isEmpty() ? after : events.get(events.size() - 1).id();
        caughtUp = last;
        loading = false;
    }
}
