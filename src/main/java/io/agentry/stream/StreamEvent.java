package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One entry of a stream's feed ({@code stream_events}); {@code id} orders and resumes the feed. */
public record StreamEvent(long id, UUID streamId, String type, JsonNode payload, Instant createdAt) {

    public static final String PROGRESS_UPDATE = "progress-update";
    public static final String AGENT_ACTIVITY = "agent-activity";
    public static final String MILESTONE = "milestone";
    public static final String INSIGHT = "insight";
}
