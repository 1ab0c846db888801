package io.agentry.bench;

import io.agentry.support.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * One subscriber of the {@code sse} workload: the lines of its event stream, as the JDK's
 * HttpClient hands them over, and the moment each event was complete (its blank line), by id.
 */
final class SseSubscriber implements Flow.Subscriber<String> {
    private final int stream;
    private final Clock clock;
    private final CountDownLatch connected;
    private long[] ids = new long[1024];
    private long[] receivedAt = new long[1024];
    private int count;
    private long pendingId = -1;
    private Flow.Subscription subscription;
    private volatile Throwable failure;

    SseSubscriber(int stream, Clock clock, CountDownLatch connected) {
        this.stream = stream;
        this.clock = clock;
        this.connected = connected;
    }

    int stream() {
        return stream;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
        connected.countDown();
    }

    @Override
    public synchronized void onNext(String line) {
        if (line.startsWith("id: ")) {
            pendingId = Long.parseLong(line.substring(4));
        } else if (line.isEmpty() && pendingId >= 0) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                receivedAt = Arrays.copyOf(receivedAt, count * 2);
            }
            ids[count] = pendingId;
            receivedAt[count++] = clock.nanoTime();
            pendingId = -1;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
    }

    @Override
    public void onComplete() {}

    Throwable failure() {
        return failure;
    }

    synchronized int received() {
        return count;
    }

    /** The ids received, in the order they came. */
    synchronized long[] ids() {
        return Arrays.copyOf(ids, count);
    }

    /** When each of {@link #ids} came ({@link Clock#nanoTime}). */
    synchronized long[] receivedAt() {
        return Arrays.copyOf(receivedAt, count);
    }

    synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
