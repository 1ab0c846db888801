package io.agentry.event;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's live events: every stream's new {@code stream_events}, from whichever node wrote
 * them, handed to this node's subscribers in id order, with nothing lost or repeated.
 *
 * <p><b>Wake-ups.</b> A transaction that inserted events sends one notification when it commits
 * (migration V11). The node has one listening connection ({@link FeedListener}); on a
 * notification, and on a slow safety poll, it reads the new rows once ({@code WHERE id >
 * watermark ORDER BY id}) and fans them out in memory by stream ({@link Fanout}). The cost of a
 * commit is one query per node, however many subscribers there are.
 *
 * <p><b>Order without loss.</b> Ids are drawn when rows are inserted, not when they commit, so
 * the feed may show id 8 before id 7. {@link Tail} holds back everything above a missing id until
 * every transaction that could still fill it has ended, then the next read decides; while any
 * such gap is open it reads again every {@code gapRecheck} (a rollback sends no notification).
 *
 * <p><b>Subscribers.</b> A {@link Subscription} first catches up from the table (the events after
 * the subscriber's last id, or the stream's latest {@code replay} events), then takes live
 * events. Publishing only appends to the subscriptions' bounded buffers and wakes their
 * subscribers on the hub's delivery threads; a subscriber writes when its client can take it, so
 * a slow one never holds up the others, and one that falls more than {@code buffer} events behind
 * is closed (it resumes from its last id). Every subscriber gets a heartbeat each {@code
 * heartbeat}.
 */
public final class EventHub implements AutoCloseable {
    static final int READ_BATCH = 1_000;
    static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    /**
     * How the hub serves its subscribers.
     *
     * @param heartbeat how often every subscriber gets a heartbeat, so that idle connections stay
     *     open through proxies; 15 s by default, well under the 30 s idle timeout of the HTTP
     *     server and of most proxies
     * @param buffer how many live events may wait for one subscriber; one that falls further
     *     behind is closed, and resumes from its last id. 1,000 by default
     * @param replay how many of the stream's latest events a subscriber that gives no last id
     *     gets before the live ones; 50 by default, 0 for new events only
     * @param safetyPoll how long the hub waits for a notification before it reads the feed
     *     anyway; 2 s by default
     * @param gapRecheck how soon it looks again while an event may still appear below newer ones
     *     (a transaction that drew an id is still running); 20 ms by default
     */
    public record Options(Duration heartbeat, int buffer, int replay, Duration safetyPoll, Duration gapRecheck) {
        public Options {
            requirePositive("heartbeat", heartbeat);
            requirePositive("safetyPoll", safetyPoll);
            requirePositive("gapRecheck", gapRecheck);
            if (buffer < 1) {
                throw new IllegalArgumentException("buffer must be at least 1, was " + buffer);
            }
            if (replay < 0) {
                throw new IllegalArgumentException("replay must be 0 or more, was " + replay);
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(15), 1_000, 50, Duration.ofSeconds(2), Duration.ofMillis(20));
        }

        public Options withHeartbeat(Duration heartbeat) {
            return new Options(heartbeat, buffer, replay, safetyPoll, gapRecheck);
        }

        public Options withBuffer(int buffer) {
            return new Options(heartbeat, buffer, replay, safetyPoll, gapRecheck);
        }

        private static void requirePositive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }

    private final Database database;
    private final Options options;
    private final Fanout fanout = new Fanout();
    private final FeedListener listener;
    private final ScheduledExecutorService io =
            Executors.newScheduledThreadPool(2, Threads.factory("agentry-events-io"));
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, Threads.factory("agentry-events-send"));
    private volatile boolean ready; // the watermark is known, and no id at or below it can still appear
    private volatile boolean closed;
    private volatile long looks; // reads of the feed so far, and the gaps above the watermark after the last
    private volatile int gaps;
    private Tail tail; // the listening thread's alone

    private EventHub(Database database, Options options, Clock clock) {
        this.database = database;
        this.options = options;
        this.listener = new FeedListener(database, clock, this::look);
    }

    public static EventHub start(Database database, Options options, Clock clock) {
        EventHub hub = new EventHub(database, options, clock);
        hub.listener.start();
        long heartbeat = options.heartbeat().toMillis();
        hub.io.scheduleAtFixedRate(hub::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        return hub;
    }

    /** Whether the org has this stream: the only streams its subscribers may subscribe to. */
    public boolean hasStream(UUID orgId, UUID streamId) {
        return Sql.run(database.forOrg(orgId), connection -> EventLog.streamExists(connection, orgId, streamId));
    }

    /**
     * Where a subscriber that gives no last id starts: the id before the stream's latest {@code
     * replay} committed events (0 when it has fewer).
     */
    public long replayStart(UUID orgId, UUID streamId) {
        return Sql.run(
                database.forOrg(orgId),
                connection -> EventLog.replayStart(connection, orgId, streamId, options.replay()));
    }

    /**
     * Subscribes to a stream of the org ({@link #hasStream}): the events after {@code
     * lastEventId}, then the live ones.
     */
    public Subscription subscribe(UUID orgId, UUID streamId, long lastEventId, Subscriber subscriber) {
        if (closed) {
            throw new IllegalStateException("the event hub is closed");
        }
        Subscription subscription = new Subscription(this, orgId, streamId, lastEventId, subscriber, options.buffer());
        fanout.register(subscription);
        catchUp(subscription);
        return subscription;
    }

    /** Reads the subscription's next page of missed events, once the hub may. */
    void catchUp(Subscription subscription) {
        run(() -> readPage(subscription));
    }

    void forget(Subscription subscription) {
        fanout.remove(subscription);
    }

    /** How many times the hub has looked at the feed. */
    long looks() {
        return looks;
    }

    /** The gaps above the watermark after the last look: missing ids that hold back newer events. */
    int gaps() {
        return gaps;
    }

    private void readPage(Subscription subscription) {
        if (!ready) {
            if (!closed && !subscription.isClosed()) {
                io.schedule(() -> readPage(subscription), options.gapRecheck().toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        Subscription.Page page = subscription.nextPage();
        if (page == null) {
            return;
        }
        UUID org = subscription.orgId();
        UUID stream = subscription.streamId();
        try {
            Sql.run(database.forOrg(org), connection -> {
                List<Event> events = EventLog.history(connection, org, stream, page.after(), page.until(), PAGE);
                boolean last =
                        events.size() < PAGE || events.get(events.size() - 1).id() == page.until();
                subscription.caughtUp(page.after(), events, last);
                return null;
            });
            wake(subscription);
        } catch (RuntimeException e) {
            log.warn("Could not read the missed events of stream {}: {}", stream, e.getMessage());
            end(subscription, "its missed events could not be read");
        }
    }

    private Duration look(Connection connection) throws SQLException {
        if (tail == null) {
            tail = Tail.start(connection, READ_BATCH);
            fanout.start(tail.watermark());
        }
        Tail.Step step;
        do {
            step = tail.advance(connection);
            publish(step.events());
        } while (step.again() && !closed);
        ready = tail.settledBelow();
        gaps = tail.gaps();
        looks++; // this thread alone writes it
        return tail.waiting() ? options.gapRecheck() : options.safetyPoll();
    }

    private void publish(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        Fanout.Outcome outcome = fanout.publish(events);
        outcome.woken().forEach(this::wake);
        for (Subscription slow : outcome.overflowed()) {
            log.info(
                    "Closing a subscriber of stream {}: more than {} events waited for it",
                    slow.streamId(),
                    options.buffer());
            end(slow, "it fell more than " + options.buffer() + " events behind");
        }
    }

    private void heartbeat() {
        for (Subscription subscription : fanout.all()) {
            subscription.heartbeat();
            wake(subscription);
        }
    }

    private void wake(Subscription subscription) {
        deliver(() -> subscription.subscriber().ready());
    }

    private void end(Subscription subscription, String reason) {
        if (subscription.end()) {
            fanout.remove(subscription);
            deliver(() -> subscription.subscriber().closed(reason));
        }
    }

    private void deliver(Runnable action) {
        try {
            delivery.execute(action);
        } catch (RejectedExecutionException e) {
            // Closing: every subscriber is told so by close() itself.
        }
    }

    private void run(Runnable action) {
        try {
            io.execute(action);
        } catch (RejectedExecutionException e) {
            // Closing: the subscription ends with the hub.
        }
    }

    /** Stops listening and ends every subscription ("the server is stopping"). */
    @Override
    public void close() {
        closed = true;
        listener.close();
        io.shutdownNow();
        for (Subscription subscription : fanout.all()) {
            if (subscription.end()) {
                fanout.remove(subscription);
                subscription.subscriber().closed("the server is stopping");
            }
        }
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
