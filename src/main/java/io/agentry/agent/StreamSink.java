package io.agentry.agent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an agent reports to the stream it works on: what it is doing, what it concluded, and how
 * far the stream's goal has come. Every write is keyed, so that a retried or rescued attempt that
 * reports the same thing again writes nothing twice.
 *
 * <p>Outside a stream (a task without {@code stream_id}) the context gives {@link #NONE}, which
 * drops everything.
 */
public interface StreamSink {

    /**
     * Appends an {@code agent-activity} event to the stream's feed, once per {@code key} within
     * this execution ("started", "discovered", "completed").
     */
    void activity(String key, String message, JsonNode details);

    /**
     * Records an insight unless the stream already holds one with its {@link Insight#dedupeKey},
     * and announces a new one as an {@code insight} event. Returns whether it was new.
     */
    boolean insight(Insight insight);

    /**
     * Computes the stream's progress by its one formula, stores it on the stream with the goal
     * status, appends a {@code progress-update} event and announces each milestone reached the
     * first time it is reached.
     */
    void publishProgress();

    StreamSink NONE = new StreamSink() {
        @Override
        public void activity(String key, String message, JsonNode details) {}

        @Override
        public boolean insight(Insight insight) {
            return false;
        }

        @Override
        public void publishProgress() {}
    };
}
