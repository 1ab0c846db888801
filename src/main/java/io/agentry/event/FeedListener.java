package io.agentry.event;

import io.agentry.db.Database;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one connection that LISTENs for new events, and on which the hub reads them. It
 * looks at the feed after connecting, on every notification (several that arrived meanwhile count
 * once), and when the time {@code look} asked for has passed without one. When the connection
 * breaks it reconnects with backoff, and looks again at once: what was committed meanwhile is
 * read then, as notifications sent while it was away are lost.
 */
final class FeedListener {
    static final String CHANNEL = "agentry_stream_events";

    private static final Logger log = LoggerFactory.getLogger(FeedListener.class);
    private static final long SLICE_MS = 250; // how soon a close is noticed

    /** One look at the feed on the listening connection; returns how long to wait for the next without a notification. */
    @FunctionalInterface
    interface Look {
        Duration look(Connection connection) throws SQLException;
    }

    private final Database database;
    private final Clock clock;
    private final Look look;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread thread;

    FeedListener(Database database, Clock clock, Look look) {
        this.database = database;
        this.clock = clock;
        this.look = look;
    }

    void start() {
        thread = Threads.start("agentry-events-listener", this::loop);
    }

    void close() {
        closed.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long backoffMs = 100;
        while (closed.getCount() > 0) {
            long asked = database.availability().asking();
            try (Connection connection = database.openDedicated()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                database.availability().answered(asked);
                backoffMs = 100;
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                if (!database.availability().unreachable("listening for stream events", e)) {
                    log.warn("Event feed connection lost ({}); reconnecting in {} ms", e.getMessage(), backoffMs);
                }
            }
            if (await(backoffMs)) {
                return;
            }
            backoffMs = Math.min(backoffMs * 2, 5_000);
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long next = clock.nanoTime() + look.look(connection).toNanos();
        while (closed.getCount() > 0) {
            long waitMs = TimeUnit.NANOSECONDS.toMillis(next - clock.nanoTime());
            boolean notified = false;
            if (waitMs > 0) {
                var notifications = pg.getNotifications((int) Math.min(waitMs, SLICE_MS));
                notified = notifications != null && notifications.length > 0;
            }
            if (notified || waitMs <= 0) {
                next = clock.nanoTime() + look.look(connection).toNanos();
            }
        }
    }

    private boolean await(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
