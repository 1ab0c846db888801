package io.agentry.website;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body up to a limit and cancels the rest. The body arrives a buffer at a time
 * and is never held beyond the limit, so a page of a gigabyte, or one that never ends, costs at
 * most {@code limit} bytes of memory: at the limit the subscription is cancelled, which closes the
 * connection, and the body completes as {@link Body#truncated()}.
 *
 * <p>The body also has a deadline ({@link #expireAfter}): when it passes before the body is
 * complete, the subscription is cancelled and the body fails with an {@link
 * HttpTimeoutException}. This, rather than {@code BodyHandlers.ofInputStream()}, because a
 * blocked {@code read()} on that stream could not be timed out.
 */
final class BoundedBody implements BodySubscriber<Body> {
    private static final byte[] NOTHING = new byte[0];

    private final int limit;
    private final ByteArrayOutputStream kept;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private int length;

    /** Keeps up to {@code limit} bytes. */
    static BoundedBody keeping(int limit) {
        return new BoundedBody(limit, true);
    }

    /** Reads and drops up to {@code limit} bytes, which lets a short body leave the connection reusable. */
    static BoundedBody draining(int limit) {
        return new BoundedBody(limit, false);
    }

    private BoundedBody(int limit, boolean keep) {
        this.limit = limit;
        this.kept = keep ? new ByteArrayOutputStream(Math.min(limit, 16 * 1024)) : null;
    }

    /**
     * Fails the body with an {@link HttpTimeoutException} if it is not complete within {@code
     * nanos}, and cuts the connection. {@code window} is the whole exchange's, for the message.
     */
    BoundedBody expireAfter(long nanos, ScheduledExecutorService timer, Duration window) {
        ScheduledFuture<?> expiry = timer.schedule(
                () -> {
                    if (result.completeExceptionally(
                            new HttpTimeoutException("body not complete within " + window.toMillis() + " ms"))) {
                        cancel();
                    }
                },
                Math.max(0, nanos),
                TimeUnit.NANOSECONDS);
        result.whenComplete((body, failure) -> expiry.cancel(false));
        return this;
    }

    private void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int available = buffer.remaining();
            int taken = Math.min(available, limit - length);
            if (kept != null && taken > 0) {
                byte[] chunk = new byte[taken];
                buffer.get(chunk);
                kept.write(chunk, 0, taken);
            }
            length += taken;
            if (taken < available) {
                subscription.cancel();
                result.complete(body(true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(body(false));
    }

    private Body body(boolean truncated) {
        return new Body(kept == null ? NOTHING : kept.toByteArray(), length, truncated);
    }
}
