package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSink;
import io.agentry.agent.StreamSinks;
import io.agentry.db.Sql;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link StreamSink} of one attempt: writes its events, insights and progress to the stream.
 *
 * <p>Every write carries a key that names the fact it reports, unique on the stream: an activity
 * or a progress state of this execution, an insight's own key, a milestone. A retried or rescued
 * attempt of the same execution reporting the same fact again therefore adds nothing, and a
 * milestone is announced once however many executions reach it.
 */
final class StreamFeed implements StreamSink {
    /** Percentages of the goal announced as milestones. */
    static final List<Integer> MILESTONES = List.of(25, 50, 75, 100);

    private static final String STORE_PROGRESS = """
            UPDATE streams SET current_progress = ?::jsonb, goal_status = ?, updated_at = now()
            WHERE id = ? AND (current_progress, goal_status) IS DISTINCT FROM (?::jsonb, ?)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final StreamSinks.Reporter reporter;

    StreamFeed(DataSource dataSource, Clock clock, StreamSinks.Reporter reporter) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.reporter = reporter;
    }

    @Override
    public void activity(String key, String message, JsonNode details) {
        ObjectNode payload = attemptPayload();
        payload.put("activity", key);
        payload.put("message", message);
        payload.set("details", details == null ? Json.object() : details);
        Sql.run(dataSource, connection -> append(connection, StreamEvent.AGENT_ACTIVITY, payload, executionKey(key)));
    }

    @Override
    public boolean insight(Insight insight) {
        return Sql.transaction(dataSource, connection -> record(connection, insight, StreamEvent.INSIGHT));
    }

    @Override
    public void publishProgress() {
        Sql.transaction(dataSource, connection -> {
            Progress progress = StreamProgress.read(connection, reporter.streamId(), clock.now())
                    .orElseThrow(() -> new IllegalStateException("stream " + reporter.streamId() + " does not exist"));
            store(connection, progress);
            ObjectNode payload = attemptPayload();
            payload.set("progress", progress.toJson());
            payload.put("items", progress.items());
            payload.put("goal_status", progress.goalStatus().value());
            String state = progress.completed() + "/" + progress.total() + ":"
                    + progress.goalStatus().value();
            append(connection, StreamEvent.PROGRESS_UPDATE, payload, executionKey("progress:" + state));
            for (int milestone : MILESTONES) {
                if (progress.percentage() >= milestone) {
                    record(connection, milestone(milestone, progress), StreamEvent.MILESTONE);
                }
            }
            return null;
        });
    }

    private static Insight milestone(int percent, Progress progress) {
        ObjectNode data = Json.object();
        data.put("milestone", percent);
        data.set("progress", progress.toJson());
        // The milestone's own count, not the current one: one run may pass several milestones.
        long reached = ((long) progress.total() * percent + 99) / 100;
        String title = percent == 100
                ? "Goal reached: " + progress.total() + " qualified companies"
                : percent + "% of the goal: " + reached + " of " + progress.total() + " qualified companies";
        return new Insight(
                Insight.Type.MILESTONE_ACHIEVED,
                title,
                null,
                percent == 100 ? Insight.Severity.SUCCESS : Insight.Severity.INFO,
                data,
                false,
                "milestone:" + percent);
    }

    /** Records the insight and, when it is new, announces it as an event of {@code eventType}. */
    private boolean record(Connection connection, Insight insight, String eventType) throws SQLException {
        var id = StreamInsights.record(
                connection, reporter.streamId(), reporter.executionId(), reporter.agentType(), insight);
        if (id.isEmpty()) {
            return false;
        }
        ObjectNode payload = Json.object();
        payload.put("insight_id", id.get().toString());
        payload.put("insight_type", insight.type().value());
        payload.put("title", insight.title());
        payload.put("description", insight.description());
        payload.put("severity", insight.severity().value());
        payload.put("is_actionable", insight.actionable());
        payload.put("generated_by", reporter.agentType());
        if (eventType.equals(StreamEvent.MILESTONE)) {
            payload.put("milestone", insight.data().path("milestone").asInt());
            payload.set("progress", insight.data().path("progress"));
        }
        append(connection, eventType, payload, "insight:" + insight.dedupeKey());
        return true;
    }

    private void store(Connection connection, Progress progress) throws SQLException {
        String json = Json.writeForDatabase(progress.toJson());
        try (PreparedStatement statement = connection.prepareStatement(STORE_PROGRESS)) {
            statement.setString(1, json);
            statement.setString(2, progress.goalStatus().value());
            statement.setObject(3, reporter.streamId());
            statement.setString(4, json);
            statement.setString(5, progress.goalStatus().value());
            statement.executeUpdate();
        }
    }

    private boolean append(Connection connection, String type, JsonNode payload, String key) throws SQLException {
        return StreamEvents.append(connection, reporter.streamId(), reporter.orgId(), type, payload, key);
    }

    private String executionKey(String key) {
        return "execution:" + reporter.executionId() + ":" + key;
    }

    private ObjectNode attemptPayload() {
        ObjectNode payload = Json.object();
        payload.put("execution_id", String.valueOf(reporter.executionId()));
        payload.put("agent_id", reporter.agentId().toString());
        payload.put("agent_type", reporter.agentType());
        payload.put("attempt", reporter.attempt());
        return payload;
    }
}
