package io.agentry.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream as the agent sees it, in memory: activities once per key, insights once per dedupe key
 * (as the stream's tables hold them), and how often progress was published. Share one between runs
 * to see what a stream would hold after them.
 */
final class RecordingStreamSink implements StreamSink {
    final Map<String, String> activities = new LinkedHashMap<>();
    final Map<String, Insight> insights = new LinkedHashMap<>();
    final List<String> insightsOffered = new ArrayList<>();
    int progressPublished;

    @Override
    public synchronized void activity(String key, String message, JsonNode details) {
        activities.putIfAbsent(key, message);
    }

    @Override
    public synchronized boolean insight(Insight insight) {
        insightsOffered.add(insight.dedupeKey());
        return insights.putIfAbsent(insight.dedupeKey(), insight) == null;
    }

    @Override
    public synchronized void publishProgress() {
        progressPublished++;
    }

    List<Insight> insightsOfType(Insight.Type type) {
        return insights.values().stream().filter(i -> i.type() == type).toList();
    }
}
