package io.agentry.web;

import io.agentry.event.Batch;
import io.agentry.event.Event;
import io.agentry.event.Subscriber;
import io.agentry.event.Subscription;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a subscription to its client as server-sent events, without ever blocking a thread on
 * a slow client: it writes through the servlet's non-blocking output, only while the output is
 * ready, and leaves the rest in the subscription until the container says the client can take
 * more ({@link #onWritePossible}). Javalin's own {@code SseClient.sendEvent} writes with blocking
 * I/O, so it serves here only to hold the request open and end it.
 *
 * <p>One drain runs at a time: {@code draining} is taken by whoever starts one (the hub's wake-up
 * or the container's callback) and let go only when the subscription is empty and the output
 * ready, then checked again, so that a wake-up in between is never lost.
 */
final class EventWriter implements Subscriber, WriteListener {
    private static final int BATCH = 100;
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final SseClient client;
    private final AtomicBoolean draining = new AtomicBoolean(true); // until the output is non-blocking
    private volatile Subscription subscription;
    private ServletOutputStream out;
    private boolean unflushed;

    /** A writer to {@code client}, which {@link EventStreams} holds open. */
    EventWriter(SseClient client) {
        this.client = client;
    }

    /** Starts writing {@code subscription}, made with this writer; the client's leaving cancels it. */
    void open(Subscription subscription) throws IOException {
        this.subscription = subscription;
        client.onClose(subscription::cancel);
        if (client.terminated()) { // closed meanwhile: the server is stopping, or the hub ended it
            subscription.cancel();
            return;
        }
        out = client.ctx().res().getOutputStream();
        out.setWriteListener(this); // the container calls onWritePossible once it is set
    }

    @Override
    public void ready() {
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    @Override
    public void closed(String reason) {
        client.close();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        client.close();
    }

    private void drain() {
        try {
            while (out.isReady()) {
                Batch batch = subscription.poll(BATCH);
                if (!batch.isEmpty()) {
                    out.write(frames(batch));
                    unflushed = true;
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    draining.set(false);
                    if (!subscription.hasPending() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                }
            }
        } catch (IOException | IllegalStateException e) {
            client.close();
        }
    }

    /** The batch as event-stream text: each event's message, then a comment for a heartbeat. */
    static byte[] frames(Batch batch) {
        List<Event> events = batch.events();
        if (events.size() == 1 && !batch.heartbeat()) {
            return events.get(0).frame();
        }
        int length = batch.heartbeat() ? HEARTBEAT.length : 0;
        for (Event event : events) {
            length += event.frame().length;
        }
        byte[] frames = new byte[length];
        int at = 0;
        for (Event event : events) {
            System.arraycopy(event.frame(), 0, frames, at, event.frame().length);
            at += event.frame().length;
        }
        if (batch.heartbeat()) {
            System.arraycopy(HEARTBEAT, 0, frames, at, HEARTBEAT.length);
        }
        return frames;
    }
}
