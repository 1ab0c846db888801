package io.agentry.org;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** An {@code ai_agents} row, with the seed's column names. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AiAgent(
        UUID id,
        UUID orgId,
        String agentType,
        String name,
        String description,
        JsonNode configuration,
        @JsonProperty("is_active") boolean isActive,
        String scheduleCron,
        String scheduleTimezone,
        Instant lastRunAt,
        Instant nextRunAt,
        Instant createdAt,
        Instant updatedAt) {}
