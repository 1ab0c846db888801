package io.agentry.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agent.Insight;
import io.agentry.agent.StreamSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stream sink that records what an agent reports, and keeps, as the stream's tables do, one
 * activity per key and one insight per dedupe key: {@link #writes} counts what a real sink would
 * have written.
 */
public final class RecordingSink implements StreamSink {
    public record Activity(String key, String message, JsonNode details) {}

    private final List<Activity> activities = new ArrayList<>();
    private final List<Insight> insights = new ArrayList<>();
    private final Set<String> activityKeys = new LinkedHashSet<>();
    private final Set<String> insightKeys = new LinkedHashSet<>();
    private int progressUpdates;
    private int writes;

    @Override
    public synchronized void activity(String key, String message, JsonNode details) {
        activities.add(new Activity(key, message, details));
        if (activityKeys.add(key)) {
            writes++;
        }
    }

    @Override
    public synchronized boolean insight(Insight insight) {
        insights.add(insight);
        boolean added = insightKeys.add(insight.dedupeKey());
        if (added) {
            writes++;
        }
        return added;
    }

    @Override
    public synchronized void publishProgress() {
        progressUpdates++;
    }

    public synchronized List<Activity> activities() {
        return List.copyOf(activities);
    }

    public synchronized List<Insight> insights() {
        return List.copyOf(insights);
    }

    public synchronized Set<String> insightKeys() {
        return Set.copyOf(insightKeys);
    }

    public synchronized int progressUpdates() {
        return progressUpdates;
    }

    /** Activities and insights new to the stream: what the stream's tables would have gained. */
    public synchronized int writes() {
        return writes;
    }
}
