package io.agentry.org;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a user writes of an agent. On a create, null means the column's default; on an update,
 * null keeps what the agent has.
 *
 * @param description blank clears it
 * @param configuration replaces the whole configuration (an object)
 * @param scheduleCron a 5-field Unix cron expression; blank removes the schedule
 * @param scheduleTimezone the IANA zone the expression follows (default UTC)
 */
public record AgentFields(
        String agentType,
        String name,
        String description,
        JsonNode configuration,
        Boolean isActive,
        String scheduleCron,
        String scheduleTimezone) {

    public boolean isEmpty() {
        return agentType == null
                && name == null
                && description == null
                && configuration == null
                && isActive == null
                && scheduleCron == null
                && scheduleTimezone == null;
    }
}
