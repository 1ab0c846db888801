package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task to enqueue. Built with {@link #of} and the {@code with…} methods; each checks its value
 * and names the field when it is wrong.
 *
 * @param priority 1..10, 10 runs first (default 5)
 * @param payload a JSON object, given to the agent as its input (default {@code {}}); a
 *     {@code stream_id} in it must be a UUID and {@code goal_context} is copied to the execution
 * @param maxRetries how many failed attempts are retried, with backoff (default 3)
 * @param scheduledFor not claimed before this instant ({@code null}: now)
 * @param timeoutSeconds the limit of one attempt ({@code null}: the agent's configuration, else
 *     15 minutes)
 * @param dedupeKey while a task with this key is pending or processing, enqueuing another returns
 *     that task instead ({@code null}: no deduplication)
 */
public record NewTask(
        UUID agentId,
        UUID orgId,
        TaskType taskType,
        int priority,
        JsonNode payload,
        int maxRetries,
        Instant scheduledFor,
        Integer timeoutSeconds,
        String dedupeKey,
        UUID workflowRunId) {

    public NewTask {
        Objects.requireNonNull(agentId, "agent_id is required");
        Objects.requireNonNull(orgId, "org_id is required");
        Objects.requireNonNull(taskType, "task_type is required");
        Objects.requireNonNull(payload, "payload is required");
        require(priority >= 1 && priority <= 10, "priority must be between 1 and 10, was " + priority);
        require(payload.isObject(), "payload must be a JSON object");
        require(maxRetries >= 0, "max_retries must be 0 or more, was " + maxRetries);
        require(
                timeoutSeconds == null || timeoutSeconds > 0,
                "timeout_seconds must be positive, was " + timeoutSeconds);
        require(dedupeKey == null || !dedupeKey.isBlank(), "dedupe_key must not be blank");
        streamId(payload);
    }

    public static NewTask of(UUID agentId, UUID orgId) {
        return new NewTask(agentId, orgId, TaskType.MANUAL_TRIGGER, 5, Json.object(), 3, null, null, null, null);
    }

    public NewTask withType(TaskType type) {
        return new NewTask(
                agentId,
                orgId,
                type,
                priority,
                payload,
                maxRetries,
                scheduledFor,
                timeoutSeconds,
                dedupeKey,
                workflowRunId);
    }

    public NewTask withPriority(int value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                value,
                payload,
                maxRetries,
                scheduledFor,
                timeoutSeconds,
                dedupeKey,
                workflowRunId);
    }

    public NewTask withPayload(JsonNode value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                priority,
                value,
                maxRetries,
                scheduledFor,
                timeoutSeconds,
                dedupeKey,
                workflowRunId);
    }

    public NewTask withMaxRetries(int value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                priority,
                payload,
                value,
                scheduledFor,
                timeoutSeconds,
                dedupeKey,
                workflowRunId);
    }

    public NewTask withScheduledFor(Instant value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                priority,
                payload,
                maxRetries,
                value,
                timeoutSeconds,
                dedupeKey,
                workflowRunId);
    }

    public NewTask withTimeoutSeconds(Integer value) {
        return new NewTask(
                agentId, orgId, taskType, priority, payload, maxRetries, scheduledFor, value, dedupeKey, workflowRunId);
    }

    public NewTask withDedupeKey(String value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                priority,
                payload,
                maxRetries,
                scheduledFor,
                timeoutSeconds,
                value,
                workflowRunId);
    }

    public NewTask withWorkflowRunId(UUID value) {
        return new NewTask(
                agentId,
                orgId,
                taskType,
                priority,
                payload,
                maxRetries,
                scheduledFor,
                timeoutSeconds,
                dedupeKey,
                value);
    }

    /** The stream the payload names, if any. */
    public UUID streamId() {
        return streamId(payload);
    }

    /** The stream a payload names, checked to be a canonical UUID; null when it names none. */
    static UUID streamId(JsonNode payload) {
        JsonNode value = payload.get("stream_id");
        if (value == null || value.isNull()) {
            return null;
        }
        // Canonical form only: the database reads it again, and UUID.fromString also takes
        // shortened groups ("1-2-3-4-5") that PostgreSQL refuses.
        String text = value.asText();
        try {
            UUID id = UUID.fromString(text);
            if (value.isTextual() && id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("payload.stream_id must be a UUID, was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
