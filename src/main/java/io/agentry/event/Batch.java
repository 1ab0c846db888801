package io.agentry.event;

import java.util.List;

/**
 * What one {@link Subscription#poll} hands over.
 *
 * @param events the next events, in id order
 * @param heartbeat whether a heartbeat is due: the subscriber should write something that keeps
 *     idle connections open through proxies
 */
public record Batch(List<Event> events, boolean heartbeat) {
    static final Batch EMPTY = new Batch(List.of(), false);

    public boolean isEmpty() {
        return events.isEmpty() && !heartbeat;
    }
}
