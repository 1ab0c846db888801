package io.agentry.runner;

import io.agentry.db.Database;
import io.agentry.support.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on a dedicated connection: {@code agentry_tasks} wakes the dispatcher, {@code
 * agentry_cancel} carries the id of a task to cancel.
 *
 * <p>Notifications are hints. A notification sent while the connection was down is lost, so after
 * every (re)connect {@code onConnect} runs: the runner looks at the queue and renews its leases
 * (which also reports cancellations) at once. Polling and heartbeats remain the safety net. When the connection breaks (the database restarted, a proxy dropped it), the listener
 * reconnects with backoff until it is closed.
 */
final class NotificationListener {
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    static final String TASKS_CHANNEL = "agentry_tasks";
    static final String CANCEL_CHANNEL = "agentry_cancel";
    private static final int RECEIVE_TIMEOUT_MS = 500;

    private final Database database;
    private final Runnable onConnect;
    private final Runnable onTasks;
    private final Consumer<UUID> onCancel;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Connection connection;
    private volatile boolean connected;
    private Thread thread;

    NotificationListener(Database database, Runnable onConnect, Runnable onTasks, Consumer<UUID> onCancel) {
        this.database = database;
        this.onConnect = onConnect;
        this.onTasks = onTasks;
        this.onCancel = onCancel;
    }

    void start() {
        thread = Threads.start("agentry-listener", this::loop);
    }

    /** True while LISTEN is in place on a live connection. */
    boolean isConnected() {
        return connected;
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
            try (Connection c = database.openDedicated()) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + TASKS_CHANNEL + "; LISTEN " + CANCEL_CHANNEL);
                }
                connected = true;
                backoffMs = 100;
                database.availability().answered(asked);
                onConnect.run();
                receive(c.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                if (!database.availability().unreachable("listening for notifications", e)) {
                    log.warn("Notification connection lost ({}); reconnecting in {} ms", e.getMessage(), backoffMs);
                }
            } finally {
                connected = false;
            }
            if (await(backoffMs)) {
                return;
            }
            backoffMs = Math.min(backoffMs * 2, 5_000);
        }
    }

    private void receive(PGConnection pg) throws SQLException {
        while (closed.getCount() > 0) {
            PGNotification[] notifications = pg.getNotifications(RECEIVE_TIMEOUT_MS);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                if (CANCEL_CHANNEL.equals(notification.getName())) {
                    onCancel.accept(UUID.fromString(notification.getParameter()));
                } else {
                    onTasks.run();
                }
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
