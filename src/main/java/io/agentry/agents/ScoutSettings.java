package io.agentry.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.signal.SignalType;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The scout's configuration, checked before it does anything. Every problem is reported at once,
 * each naming its field and what is allowed. Keys it does not know are left alone: the
 * configuration also carries settings for the runner (such as {@code timeout_seconds}).
 *
 * @param signals the types to look for (default all)
 * @param threshold 0 to 1: a signal is kept when its confidence, out of 100, is at least this
 *     fraction of 100 (0.7 keeps confidence 70 and above; default {@value #DEFAULT_THRESHOLD})
 * @param lookbackDays how far back a filing, an officer change or a news entry counts as new, in
 *     days (default {@value #DEFAULT_LOOKBACK_DAYS}; 1 to {@value #MAX_LOOKBACK_DAYS})
 * @param feeds the RSS or Atom feeds to read for news (default none)
 */
record ScoutSettings(Set<SignalType> signals, double threshold, int lookbackDays, List<String> feeds) {
    static final double DEFAULT_THRESHOLD = 0.7;
    static final int DEFAULT_LOOKBACK_DAYS = 30;
    static final int MAX_LOOKBACK_DAYS = 365;

    ScoutSettings {
        signals = Set.copyOf(signals);
        feeds = List.copyOf(feeds);
    }

    /** @throws IllegalArgumentException listing every problem, each with its field */
    static ScoutSettings from(JsonNode configuration) {
        List<String> errors = new ArrayList<>();
        Set<SignalType> signals = signals(configuration.path("signals"), errors);
        double threshold = threshold(configuration.path("threshold"), errors);
        int lookback = lookback(configuration.path("lookback_days"), errors);
        List<String> feeds = feeds(configuration.path("feeds"), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid scout_agent configuration: " + String.join("; ", errors));
        }
        return new ScoutSettings(signals, threshold, lookback, feeds);
    }

    boolean wants(SignalType type) {
        return signals.contains(type);
    }

    boolean wantsAny(SignalType... types) {
        for (SignalType type : types) {
            if (signals.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /** The least confidence kept: the threshold out of 100, rounded up. */
    int minConfidence() {
        return (int) Math.ceil(threshold * 100 - 1e-9);
    }

    private static Set<SignalType> signals(JsonNode node, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return EnumSet.allOf(SignalType.class);
        }
        List<JsonNode> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node);
        } else if (node.isArray()) {
            node.forEach(values::add);
        } else {
            errors.add("signals: must be a list of signal types (" + SignalType.allowed() + "), was " + node);
            return Set.of();
        }
        Set<SignalType> types = EnumSet.noneOf(SignalType.class);
        for (int i = 0; i < values.size(); i++) {
            String field = node.isArray() ? "signals[" + i + "]" : "signals";
            JsonNode value = values.get(i);
            try {
                types.add(
                        SignalType.of(value.isTextual() ? value.asText().strip().toLowerCase(Locale.ROOT) : null));
            } catch (IllegalArgumentException e) {
                errors.add(field + ": unknown signal type " + value + "; the types are " + SignalType.allowed());
            }
        }
        if (values.isEmpty()) {
            errors.add("signals: must name at least one signal type (" + SignalType.allowed() + ")");
        }
        return types;
    }

    private static double threshold(JsonNode node, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return DEFAULT_THRESHOLD;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            errors.add("threshold: must be a number from 0 to 1 (0.7 keeps signals of confidence 70 and above), was "
                    + node);
            return DEFAULT_THRESHOLD;
        }
        return node.asDouble();
    }

    private static int lookback(JsonNode node, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return DEFAULT_LOOKBACK_DAYS;
        }
        if (!node.canConvertToExactIntegral() || node.asLong() < 1 || node.asLong() > MAX_LOOKBACK_DAYS) {
            errors.add(
                    "lookback_days: must be a whole number of days from 1 to " + MAX_LOOKBACK_DAYS + ", was " + node);
            return DEFAULT_LOOKBACK_DAYS;
        }
        return node.asInt();
    }

    private static List<String> feeds(JsonNode node, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add("feeds: must be a list of RSS or Atom feed URLs, was " + node);
            return List.of();
        }
        List<String> feeds = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isTextual() || !isHttpUrl(value.asText().strip())) {
                errors.add("feeds[" + i + "]: must be an http or https URL, was " + value);
            } else if (!feeds.contains(value.asText().strip())) {
                feeds.add(value.asText().strip());
            }
        }
        return feeds;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
