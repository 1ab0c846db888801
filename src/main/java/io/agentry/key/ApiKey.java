package io.agentry.key;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** An org's key as it is listed: never the key itself, which only its creator saw, once. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKey(
        UUID id, UUID orgId, String name, KeyRole role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
