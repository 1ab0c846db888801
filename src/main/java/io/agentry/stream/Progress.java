package io.agentry.stream;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;

/**
 * How far a stream's goal has come: {@code completed} qualified companies of the {@code total} it
 * wants. A company is qualified when its item is active and its {@code metadata.quality_score} is
 * at least the goal's {@code min_quality_score}.
 *
 * @param items the stream's active company items, qualified or not
 * @param percentage {@code completed / total}, in whole percent rounded down, at most 100
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Progress(int completed, int total, int percentage, int items, GoalStatus goalStatus) {

    /** The formula: the one place a stream's percentage is computed. */
    static int percentage(int completed, int total) {
        return total <= 0 ? 0 : (int) Math.min(100, (long) completed * 100 / total);
    }

    /** {@code {"completed", "total", "percentage"}}: the shape of {@code streams.current_progress}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("completed", completed);
        json.put("total", total);
        json.put("percentage", percentage);
        return json;
    }
}
