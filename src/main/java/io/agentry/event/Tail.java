package io.agentry.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The node's place in the feed: its watermark, below which every id is settled (delivered, or
 * known never to appear), and the gaps above it. One {@link #advance} reads the rows after the
 * watermark once and returns those that may go out now, in id order.
 *
 * <p>Ids come from a sequence when a row is inserted, not when it commits: id 8 can become visible
 * while the transaction that drew 7 is still running, and 7 may then commit, or roll back (or
 * never be used: an insert that met its dedupe key drew an id all the same). So a missing id
 * holds back every event above it until it is settled. When a read finds ids missing, the
 * transactions inserting into the table at that moment ({@link Inserters}) are the only ones
 * that can still fill them: the one that drew an id took its lock before drawing it, and held it
 * since, unless it has already ended, and then its row is in or out of the next read for good.
 * Once all of those have ended, the next read decides: the row is there, or it never will be.
 *
 * <p>Why not the snapshot's xmin? A transaction can draw its id before it has a transaction id of
 * its own (a single-statement insert gets one only when it writes the row), and a running
 * transaction whose id is at or above the snapshot's xmax is not in the snapshot's list of running
 * ones; so "xmin has passed the xmax of the read that found the gap" can hold while the
 * transaction that drew the id is still running, and its event would be lost. Waiting for the
 * inserters by name is exact, and waits only for them, not for every long transaction on the
 * server.
 *
 * <p>At start the watermark is the latest id; the transactions inserting then may still fill ids
 * below it, and until they end ({@link #settledBelow}) a subscriber's catch-up must not read up to
 * the watermark. Not thread-safe: the hub's listening thread alone advances it.
 */
final class Tail {
    /**
     * One read's outcome.
     *
     * @param events what may go out now, in id order
     * @param again read again at once: the read was full and moved on, or a gap just settled
     */
    record Step(List<Event> events, boolean again) {}

    private final int batch;
    private final Gaps gaps = new Gaps();
    private final Set<String> startup;
    private long watermark;

    private Tail(long watermark, Set<String> startup, int batch) {
        this.watermark = watermark;
        this.startup = startup;
        this.batch = batch;
    }

    /** The tail at the feed's latest id: what subscribers get from here on is new. */
    static Tail start(Connection connection, int batch) throws SQLException {
        long latest = EventLog.latestId(connection);
        return new Tail(latest, new HashSet<>(Inserters.now(connection)), batch);
    }

    long watermark() {
        return watermark;
    }

    /** Whether no id at or below the watermark can appear any more. */
    boolean settledBelow() {
        return startup.isEmpty();
    }

    /** Whether it waits for transactions to end: then it should look again soon, with or without a notification. */
    boolean waiting() {
        return !startup.isEmpty() || gaps.open();
    }

    int gaps() {
        return gaps.size();
    }

    Step advance(Connection connection) throws SQLException {
        Set<String> awaited = gaps.writers();
        awaited.addAll(startup);
        if (!awaited.isEmpty()) {
            Set<String> running = Inserters.running(connection, awaited);
            gaps.running(running);
            startup.retainAll(running);
        }
        List<Event> rows = EventLog.after(connection, watermark, batch);
        List<Event> ready = new ArrayList<>();
        long expected = watermark + 1;
        boolean blocked = false;
        for (Event row : rows) {
            if (row.id() > expected) {
                gaps.missing(expected, row.id() - 1);
                blocked |= !gaps.settled(expected, row.id() - 1);
            }
            if (!blocked) {
                ready.add(row);
                watermark = row.id();
            }
            expected = row.id() + 1;
        }
        gaps.forgetThrough(watermark);
        boolean settled = gaps.hasNew() && gaps.watch(Inserters.now(connection));
        return new Step(ready, settled || (rows.size() == batch && !blocked));
    }
}
