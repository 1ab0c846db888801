package io.agentry.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Agent;
import io.agentry.agent.AgentContext;
import io.agentry.agent.AgentRegistry;
import io.agentry.agent.AgentResult;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import io.agentry.support.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The agent behind {@value #TYPE} tasks: POSTs one delivery to its webhook, signed, and records
 * the attempt. A 2xx answer completes the task; anything else, or no answer within the timeout,
 * fails the attempt, and the queue retries it with its backoff until the task's retries are spent
 * (then the delivery is failed).
 *
 * <p>It runs on a runner of its own on every node ({@link #registry()}), never in the slots the
 * org's agents run in: an endpoint that hangs costs a delivery slot for at most the timeout, and
 * no agent waits for it. Delivery is at least once: an attempt whose 2xx answer was lost with
 * its node is sent again, so receivers deduplicate by the event's {@code id}.
 */
public final class WebhookNotifier implements Agent, AutoCloseable {
    public static final String TYPE = "webhook_notifier";

    /** How long one POST may take, connecting included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How many deliveries a node sends at once. */
    public static final int SLOTS = 2;

    private final Duration timeout;
    private final ExecutorService threads;
    private final HttpClient http;

    public WebhookNotifier(Duration timeout) {
        this.timeout = timeout;
        this.threads = Executors.newCachedThreadPool(Threads.factory("webhook-http"));
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(threads)
                .build();
    }

    /** A registry of this agent alone: what a node's delivery runner runs. */
    public AgentRegistry registry() {
        return new AgentRegistry().register(TYPE, this);
    }

    @Override
    public AgentResult run(AgentContext context) throws InterruptedException {
        UUID deliveryId =
                UUID.fromString(context.input().path("webhook_delivery_id").asText());
        Outbox outbox = new Outbox(context.database());
        Optional<Outbox.Outgoing> found = outbox.find(context.orgId(), deliveryId);
        if (found.isEmpty()) {
            return AgentResult.success(notSent("the webhook was deleted"));
        }
        Outbox.Outgoing outgoing = found.get();
        if (outgoing.delivered()) {
            return AgentResult.success(notSent("an earlier attempt delivered it"));
        }
        Exchange exchange = post(deliveryId, outgoing, context.clock());
        outbox.record(context.orgId(), deliveryId, context.attempt(), exchange);
        if (!exchange.delivered()) {
            return AgentResult.failure(exchange.describe());
        }
        ObjectNode output = Json.object();
        output.put("sent", true);
        output.put("http_status", exchange.httpStatus());
        output.put("duration_ms", exchange.durationMs());
        return AgentResult.success(output);
    }

    private Exchange post(UUID deliveryId, Outbox.Outgoing outgoing, Clock clock) throws InterruptedException {
        byte[] body = outgoing.body().getBytes(StandardCharsets.UTF_8);
        Instant at = clock.now();
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(outgoing.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Agentry-Webhooks")
                .header("X-Agentry-Event", outgoing.eventType())
                .header("X-Agentry-Delivery", deliveryId.toString())
                .header("X-Agentry-Timestamp", Long.toString(timestamp))
                .header("X-Agentry-Signature", Signature.of(outgoing.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long started = clock.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            // The status is the answer; closing the body unread keeps an endpoint that streams a
            // slow body from holding the slot.
            response.body().close();
        } catch (HttpConnectTimeoutException e) {
            error = "could not connect within " + seconds(timeout);
        } catch (HttpTimeoutException e) {
            error = "no answer within " + seconds(timeout);
        } catch (ConnectException e) {
            error = "could not connect" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (IOException e) {
            error = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        int durationMs = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started));
        return new Exchange(at, durationMs, status, error);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    private static ObjectNode notSent(String reason) {
        ObjectNode output = Json.object();
        output.put("sent", false);
        output.put("reason", reason);
        return output;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
