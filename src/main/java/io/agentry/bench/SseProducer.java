package io.agentry.bench;

import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The {@code sse} workload's writers: events on a fixed schedule ({@code rate} per second, no
 * catch-up burst after a late slot), round robin over the streams, each a single-row insert in
 * auto-commit by one of several concurrent writers, so that commits may come out of id order as
 * they do between the runner's slots. The payload has the shape and size of an agent's activity.
 */
final class SseProducer {
    /** One event as its writer sent it: its place in the schedule, its stream, and when the insert went. */
    record Sent(int seq, int stream, long sentAt) {}

    private static final String EVENT = """
            INSERT INTO stream_events (stream_id, org_id, event_type, payload, dedupe_key)
            VALUES (?, ?, 'agent-activity', ?::jsonb, ?)
            RETURNING id""";

    private final Database database;
    private final UUID org;
    private final List<UUID> streams;
    private final Clock clock;
    private final int writers;
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();

    SseProducer(Database database, UUID org, List<UUID> streams, Clock clock, int writers) {
        this.database = database;
        this.org = org;
        this.streams = streams;
        this.clock = clock;
        this.writers = writers;
    }

    /** Sends {@code total} events at {@code rate} per second; false if the deadline passed first. */
    boolean produce(int total, int rate, Deadline deadline) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers, Threads.factory("sse-writer"));
        try {
            List<Future<?>> inserts = new ArrayList<>();
            long period = 1_000_000_000L / rate;
            long base = clock.nanoTime();
            for (int seq = 0; seq < total; seq++) {
                if (deadline.passed()) {
                    return false;
                }
                Pause.until(clock, base + seq * period);
                int event = seq;
                inserts.add(pool.submit(() -> insert(event)));
            }
            for (Future<?> insert : inserts) {
                insert.get();
            }
            return true;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private void insert(int seq) {
        int stream = seq % streams.size();
        Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(EVENT)) {
                statement.setObject(1, streams.get(stream));
                statement.setObject(2, org);
                statement.setString(3, payload(seq));
                statement.setString(4, "bench:" + seq);
                long sentAt = clock.nanoTime();
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    sent.put(rs.getLong(1), new Sent(seq, stream, sentAt));
                }
                return null;
            }
        });
    }

    private static String payload(int seq) {
        return "{\"execution_id\": \"" + UUID.randomUUID() + "\", \"agent_id\": \"" + UUID.randomUUID()
                + "\", \"agent_type\": \"enrichment_agent\", \"attempt\": 1, \"activity\": \"enriched\","
                + " \"message\": \"Enriched company " + seq + " of the stream\","
                + " \"details\": {\"company_number\": \"0" + (1_000_000 + seq)
                + "\", \"sources\": [\"companies_house\","
                + " \"website\"], \"seq\": " + seq + "}}";
    }

    /** Every event sent, by id. */
    Map<Long, Sent> sent() {
        return sent;
    }

    /** The ids of each stream's events, in id order. */
    List<List<Long>> idsByStream(int streamCount) {
        List<List<Long>> byStream = new ArrayList<>();
        for (int i = 0; i < streamCount; i++) {
            byStream.add(new ArrayList<>());
        }
        sent.forEach((id, event) -> byStream.get(event.stream()).add(id));
        byStream.forEach(ids -> ids.sort(null));
        return byStream;
    }
}
