package io.agentry.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The node's subscriptions by stream, and the watermark they registered at. Registering and
 * publishing hold one lock, so a subscription gets every event above the watermark it was given,
 * and its catch-up reads the rest: nothing falls between the two, and nothing is in both.
 * Publishing only appends to the subscriptions' buffers; writing to clients happens elsewhere.
 */
final class Fanout {
    private static final long UNKNOWN = -1;

    /** What one publish did: the subscriptions with something new, and those it overflowed (now removed). */
    record Outcome(List<Subscription> woken, List<Subscription> overflowed) {}

    private final Map<UUID, List<Subscription>> byStream = new HashMap<>();
    private final List<Subscription> unplaced = new ArrayList<>();
    private long watermark = UNKNOWN;

    synchronized void register(Subscription subscription) {
        byStream.computeIfAbsent(subscription.streamId(), stream -> new ArrayList<>())
                .add(subscription);
        if (watermark == UNKNOWN) {
            unplaced.add(subscription);
        } else {
            subscription.liveFrom(watermark);
        }
    }

    /** The hub's watermark is known: subscriptions made before it start there. */
    synchronized void start(long watermark) {
        this.watermark = watermark;
        unplaced.forEach(subscription -> subscription.liveFrom(watermark));
        unplaced.clear();
    }

    synchronized void remove(Subscription subscription) {
        List<Subscription> subscriptions = byStream.get(subscription.streamId());
        if (subscriptions != null && subscriptions.remove(subscription) && subscriptions.isEmpty()) {
            byStream.remove(subscription.streamId());
        }
        unplaced.remove(subscription);
    }

    /** Hands {@code events} (in id order) to their streams' subscriptions; the watermark moves to the last. */
    synchronized Outcome publish(List<Event> events) {
        Map<UUID, List<Event>> byStreamEvents = new LinkedHashMap<>();
        for (Event event : events) {
            byStreamEvents
                    .computeIfAbsent(event.streamId(), stream -> new ArrayList<>())
                    .add(event);
        }
        List<Subscription> woken = new ArrayList<>();
        List<Subscription> overflowed = new ArrayList<>();
        byStreamEvents.forEach((stream, streamEvents) -> {
            for (Subscription subscription : byStream.getOrDefault(stream, List.of())) {
                (subscription.offer(streamEvents) ? woken : overflowed).add(subscription);
            }
        });
        overflowed.forEach(this::remove);
        if (!events.isEmpty()) {
            watermark = events.get(events.size() - 1).id();
        }
        return new Outcome(woken, overflowed);
    }

    synchronized List<Subscription> all() {
        List<Subscription> all = new ArrayList<>();
        byStream.values().forEach(all::addAll);
        return all;
    }
}
