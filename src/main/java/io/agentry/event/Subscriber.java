package io.agentry.event;

/**
 * Who receives a {@link Subscription}'s events: the HTTP API's event stream, say. The hub calls
 * it on its own threads, never while holding a lock the subscriber could need.
 */
public interface Subscriber {

    /**
     * Something waits in the subscription (events, or a heartbeat): {@link Subscription#poll} it
     * until it is empty. Must not block: a subscriber whose client is slow leaves the rest in the
     * subscription and polls again when it can write.
     */
    void ready();

    /**
     * The hub ended the subscription: the subscriber fell too far behind, its catch-up could not
     * be read, or the hub is stopping. Nothing more will arrive; the client should reconnect
     * with the last id it received.
     */
    void closed(String reason);
}
