package io.agentry.notify;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered webhook, as its org sees it: never with its secret. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Webhook(UUID id, String url, List<EventType> events, String description, Instant createdAt) {}
