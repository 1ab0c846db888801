package io.agentry.event;

import java.util.ArrayList;
import java.util.List;

/** A subscriber that polls everything at once and remembers it; or, stalled, never polls. */
final class RecordingSubscriber implements Subscriber {
    private final boolean stalled;
    private final List<Event> events = new ArrayList<>();
    private Subscription subscription;
    private int heartbeats;
    private String closedBecause;

    private RecordingSubscriber(boolean stalled) {
        this.stalled = stalled;
    }

    static RecordingSubscriber polling() {
        return new RecordingSubscriber(false);
    }

    /** Never takes anything: its client stopped reading. */
    static RecordingSubscriber stalled() {
        return new RecordingSubscriber(true);
    }

    synchronized RecordingSubscriber of(Subscription subscription) {
        this.subscription = subscription;
        ready();
        return this;
    }

    @Override
    public synchronized void ready() {
        if (stalled || subscription == null) {
            return;
        }
        Batch batch;
        while (!(batch = subscription.poll(7)).isEmpty()) {
            events.addAll(batch.events());
            heartbeats += batch.heartbeat() ? 1 : 0;
        }
    }

    @Override
    public synchronized void closed(String reason) {
        closedBecause = reason;
    }

    synchronized List<Long> ids() {
        return events.stream().map(Event::id).toList();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized int heartbeats() {
        return heartbeats;
    }

    synchronized String closedBecause() {
        return closedBecause;
    }
}
