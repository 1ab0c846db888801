package io.agentry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream sink that keeps what an agent reported, keyed as the real one keys it: one activity per
 * key, one insight per dedupe key.
 */
public final class RecordingStreamSink implements StreamSink {
    private final Map<String, String> activities = new LinkedHashMap<>();
    private final Map<String, Insight> insights = new LinkedHashMap<>();
    private int progressPublished;

    @Override
    public synchronized void activity(String key, String message, JsonNode details) {
        activities.putIfAbsent(key, message);
    }

    @Override
    public synchronized boolean insight(Insight insight) {
        return insights.putIfAbsent(insight.dedupeKey(), insight) == null;
    }

    @Override
    public synchronized void publishProgress() {
        progressPublished++;
    }

    public synchronized List<String> activityKeys() {
        return new ArrayList<>(activities.keySet());
    }

    public synchronized List<Insight> insights() {
        return new ArrayList<>(insights.values());
    }

    public synchronized int progressPublished() {
        return progressPublished;
    }
}
