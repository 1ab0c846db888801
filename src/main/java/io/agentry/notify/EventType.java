package io.agentry.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The critical events an org's webhooks are told of. */
public enum EventType {
    /** A task ended {@code failed}: its retries spent, or its agent unusable. */
    AGENT_FAILED("agent.failed"),
    /** A workflow run ended {@code failed}. */
    WORKFLOW_RUN_FAILED("workflow_run.failed"),
    /** An insight of type {@code risk_alert}, or of severity {@code critical}. */
    INSIGHT_CRITICAL("insight.critical");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    /** The name receivers see: {@code agent.failed}. */
    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
