package io.agentry.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** An {@code agent_executions} row, as a caller waiting for its result reads it. */
public record Execution(
        UUID id,
        String status,
        int attempts,
        Integer durationMs,
        JsonNode outputData,
        JsonNode metrics,
        String errorMessage) {}
