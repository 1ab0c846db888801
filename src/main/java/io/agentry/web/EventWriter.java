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

    private final SseClient client;
    private final AtomicBoolean draining = new AtomicBoolean(true); // until the output is non-blocking
    private volatile Subscription subscription;
    private volatile boolean open; // the request is held open: closing the client now ends it
    private volatile boolean ended;
    private ServletOutputStream out;
    private boolean unflushed;

    EventWriter(SseClient client) {
        this.client = client;
    }

    /** Starts writing {@code subscription}, made with this writer; the client's leaving cancels it. */
    void open(Subscription subscription) throws IOException {
        this.subscription = subscription;
        client.onClose(subscription::cancel);
        client.keepAlive();
        open = true;
        if (ended) {
            client.close();
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
        ended = true;
        if (open) {
            client.close();
        }
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

    /** The batch as event-stream text: id, event and data lines per event; a comment for a heartbeat. */
    static byte[] frames(Batch batch) {
        StringBuilder text = new StringBuilder();
        for (Event event : batch.events()) {
            text.append("id: ").append(event.id()).append('\n');
            text.append("event: ").append(event.type()).append('\n');
            for (String line : event.data().split("\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
            text.append('\n');
        }
        if (batch.heartbeat()) {
            text.append(": heartbeat\n\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
