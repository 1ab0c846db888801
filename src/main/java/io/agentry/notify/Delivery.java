package io.agentry.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One event sent to one webhook, with every attempt so far.
 *
 * @param nextAttemptAt when the next attempt is due, while one is; null otherwise
 * @param taskId the queue task that carries it ({@code POST /api/tasks/{id}/retry} sends a failed
 *     one again)
 * @param payload the JSON body POSTed, the same on every attempt
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Delivery(
        UUID id,
        UUID webhookId,
        UUID eventId,
        String event,
        Status status,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt,
        UUID taskId,
        List<Attempt> attempts,
        JsonNode payload) {

    public enum Status {
        /** Not delivered yet; attempts remain. */
        PENDING,
        /** An attempt got a 2xx answer. */
        DELIVERED,
        /** Every attempt failed (or its task was cancelled). */
        FAILED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One POST.
     *
     * @param attempt the task's attempt number (1 for the first)
     * @param httpStatus the answer's status; null when none came
     * @param error why the attempt failed when no answer came (timeout, refused connection); null otherwise
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attempt(int attempt, Instant attemptedAt, int durationMs, Integer httpStatus, String error) {}
}
