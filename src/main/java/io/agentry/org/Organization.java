package io.agentry.org;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** An {@code organizations} row. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Organization(UUID id, String name, Instant createdAt) {}
