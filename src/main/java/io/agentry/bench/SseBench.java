package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.support.Threads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Live events: {@code --sse-subscribers} event streams over HTTP (the JDK's HttpClient, one
 * connection each) spread over {@code --sse-streams} streams, on an {@code agentry serve} of its
 * own ({@link ServeProcess}); then events committed at {@code --sse-rate} per second, round robin
 * over the streams, by {@value #WRITERS} concurrent writers (single-row inserts, auto-commit), for
 * a {@value #WARMUP_S} s warm-up and {@code --sse-duration-s} measured. Each delivery's latency
 * runs from just before its insert was sent to the moment its subscriber had the whole event.
 * Every subscriber must then hold every event of its stream, once, in id order. The server's
 * memory is read idle, before any subscriber, and again with all of them connected.
 */
final class SseBench {
    static final int WRITERS = 4;
    static final int WARMUP_S = 5;
    static final Duration CONNECT = Duration.ofSeconds(120);
    static final Duration SETTLE = Duration.ofSeconds(30);

    private static final String STREAM = "INSERT INTO streams (org_id, name) VALUES (?, ?) RETURNING id";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({
        "subscribers",
        "streams",
        "rate_per_s",
        "duration_s",
        "connect_ms",
        "events",
        "deliveries",
        "latency_ms",
        "missing",
        "duplicates",
        "out_of_order",
        "broken_streams",
        "server_idle",
        "server_with_subscribers"
    })
    record Result(
            int subscribers,
            int streams,
            int ratePerS,
            double durationS,
            long connectMs,
            int events,
            long deliveries,
            Stats latencyMs,
            long missing,
            long duplicates,
            long outOfOrder,
            long brokenStreams,
            ServeProcess.Memory serverIdle,
            ServeProcess.Memory serverWithSubscribers,
            String serverLog,
            @JsonIgnore boolean timedOut)
            implements WorkloadResult {

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "sse: %,d subscribers (all connected in %,d ms) on %d streams, %d events/s for %.0f s: %,d events,"
                            + " %,d deliveries measured; after commit p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                            + " (goal p99 <= 250 ms); missing %d, duplicates %d, out of order %d, broken streams %d%n"
                            + "server: RSS %,d -> %,d MiB, live heap %,d -> %,d MiB, threads %d -> %d (idle -> with"
                            + " the subscribers)",
                    subscribers,
                    connectMs,
                    streams,
                    ratePerS,
                    durationS,
                    events,
                    deliveries,
                    latencyMs.p50(),
                    latencyMs.p95(),
                    latencyMs.p99(),
                    latencyMs.max(),
                    missing,
                    duplicates,
                    outOfOrder,
                    brokenStreams,
                    serverIdle.rssMib(),
                    serverWithSubscribers.rssMib(),
                    serverIdle.heapLiveMib(),
                    serverWithSubscribers.heapLiveMib(),
                    serverIdle.threads(),
                    serverWithSubscribers.threads());
        }
    }

    Result run(BenchContext context) throws Exception {
        BenchSettings settings = context.settings();
        UUID org = context.database().fixture().orgId();
        Path log = Path.of(settings.out() + ".server.log");
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, Threads.factory("sse-client"));
        try (Database database = context.database().connect(WRITERS + 2);
                ServeProcess server = ServeProcess.start(database, log, Duration.ofSeconds(60))) {
            List<UUID> streams = streams(database, org, settings.sseStreams());
            String key = new ApiKeys(database.dataSource())
                    .create(org, "sse benchmark", KeyRole.VIEWER)
                    .key();
            ServeProcess.Memory idle = server.memory();
            context.progress().printf("Server pid %d on port %d; idle: %s%n", server.pid(), server.port(), idle);

            HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
            CountDownLatch connected = new CountDownLatch(settings.sseSubscribers());
            List<SseSubscriber> subscribers = new ArrayList<>();
            long connectStart = context.clock().nanoTime();
            for (int i = 0; i < settings.sseSubscribers(); i++) {
                SseSubscriber subscriber = new SseSubscriber(i % streams.size(), context.clock(), connected);
                subscribers.add(subscriber);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                + "/api/streams/" + streams.get(subscriber.stream()) + "/events"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + key)
                        .build();
                http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
            }
            boolean all = connected.await(CONNECT.toMillis(), TimeUnit.MILLISECONDS);
            long connectMs = (context.clock().nanoTime() - connectStart) / 1_000_000;
            int open = (int) (settings.sseSubscribers() - connected.getCount());
            context.progress()
                    .printf("%,d of %,d subscribers connected in %,d ms%n", open, subscribers.size(), connectMs);
            if (!all) {
                throw new IllegalStateException("only " + open + " of " + subscribers.size()
                        + " subscribers connected within " + CONNECT + "; see " + log);
            }

            SseProducer producer = new SseProducer(database, org, streams, context.clock(), WRITERS);
            int warmup = WARMUP_S * settings.sseRate();
            int total = warmup + (int) Math.round(settings.sseDuration().toMillis() / 1000.0 * settings.sseRate());
            boolean timedOut = !producer.produce(total, settings.sseRate(), context.deadline());
            context.progress()
                    .printf(
                            "%,d events committed; waiting for their delivery%n",
                            producer.sent().size());
            List<List<Long>> byStream = producer.idsByStream(streams.size());
            long expected = subscribers.stream()
                    .mapToLong(subscriber -> byStream.get(subscriber.stream()).size())
                    .sum();
            long settleBy = context.clock().nanoTime() + SETTLE.toNanos();
            while (received(subscribers) < expected && context.clock().nanoTime() < settleBy) {
                Pause.forMillis(context.clock(), 50);
            }
            ServeProcess.Memory loaded = server.memory();
            context.progress().printf("With the subscribers: %s%n", loaded);
            subscribers.forEach(SseSubscriber::cancel);
            Deliveries deliveries = Deliveries.of(subscribers, byStream, producer.sent(), warmup);
            return new Result(
                    subscribers.size(),
                    streams.size(),
                    settings.sseRate(),
                    settings.sseDuration().toMillis() / 1000.0,
                    connectMs,
                    Math.max(producer.sent().size() - warmup, 0),
                    deliveries.latenciesMicros().length,
                    Stats.ofMicros(deliveries.latenciesMicros()),
                    deliveries.missing(),
                    deliveries.duplicates(),
                    deliveries.outOfOrder(),
                    subscribers.stream()
                            .filter(subscriber -> subscriber.failure() != null)
                            .count(),
                    idle,
                    loaded,
                    log.toString(),
                    timedOut);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /** What the subscribers received, against what was sent: latencies of the measured events, and every fault. */
    private record Deliveries(long[] latenciesMicros, long missing, long duplicates, long outOfOrder) {
        static Deliveries of(
                List<SseSubscriber> subscribers,
                List<List<Long>> byStream,
                Map<Long, SseProducer.Sent> sent,
                int warmup) {
            List<Long> latencies = new ArrayList<>();
            long missing = 0;
            long duplicates = 0;
            long outOfOrder = 0;
            for (SseSubscriber subscriber : subscribers) {
                long[] ids = subscriber.ids();
                long[] at = subscriber.receivedAt();
                Set<Long> seen = new HashSet<>();
                for (int i = 0; i < ids.length; i++) {
                    if (!seen.add(ids[i])) {
                        duplicates++;
                    } else if (i > 0 && ids[i] < ids[i - 1]) {
                        outOfOrder++;
                    }
                    SseProducer.Sent event = sent.get(ids[i]);
                    if (event != null && event.seq() >= warmup) {
                        latencies.add((at[i] - event.sentAt()) / 1_000);
                    }
                }
                missing += byStream.get(subscriber.stream()).stream()
                        .filter(id -> !seen.contains(id))
                        .count();
            }
            return new Deliveries(
                    latencies.stream().mapToLong(Long::longValue).toArray(), missing, duplicates, outOfOrder);
        }
    }

    private static long received(List<SseSubscriber> subscribers) {
        return subscribers.stream().mapToLong(SseSubscriber::received).sum();
    }

    private static List<UUID> streams(Database database, UUID org, int count) {
        return Sql.run(database.dataSource(), connection -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(STREAM)) {
                for (int i = 0; i < count; i++) {
                    statement.setObject(1, org);
                    statement.setString(2, "live events " + (i + 1));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        });
    }
}
