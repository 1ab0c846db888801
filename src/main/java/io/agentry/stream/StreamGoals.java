package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.AgentContext;
import io.agentry.company.reference.ReferenceData;
import java.util.UUID;

/** The goal an agent works towards: the one its task was given, else its stream's. */
public final class StreamGoals {
    private StreamGoals() {}

    /**
     * The attempt's goal: the task's {@code goal_context} when it carries one, else the goal of the
     * stream it works on, else no criteria and the default targets.
     *
     * @throws InvalidGoalException when the goal names what the reference data does not know
     */
    public static Goal forAttempt(AgentContext context, ReferenceData reference) {
        JsonNode given = context.goalContext();
        if (given.isObject()) {
            return Goal.of(given.get("goal_criteria"), given.get("target_metrics"), reference);
        }
        UUID streamId = context.streamId();
        if (streamId == null || context.database() == null) {
            return Goal.of(null, null, reference);
        }
        Stream stream = new Streams(context.database(), reference)
                .find(streamId)
                .orElseThrow(() -> new IllegalArgumentException("stream " + streamId + " does not exist"));
        return Goal.of(stream.goalCriteria(), stream.targetMetrics(), reference);
    }
}
