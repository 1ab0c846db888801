package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What to change in a stream: a null field keeps its value. The optional fields tell keeping
 * (null) from clearing ({@code Optional.empty()}).
 *
 * @param goalCriteria replaces the whole criteria object ({@code {}} for none)
 * @param targetMetrics replaces the whole targets object ({@code {}} for the defaults)
 * @param status one of {@link Streams#STATUSES}
 */
public record StreamChange(
        String name,
        Optional<String> description,
        JsonNode goalCriteria,
        JsonNode targetMetrics,
        Optional<Instant> goalDeadline,
        String status) {}
