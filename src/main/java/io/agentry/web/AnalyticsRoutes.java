package io.agentry.web;

import io.agentry.analytics.Analytics;
import io.agentry.analytics.Costs;
import io.agentry.analytics.TimeRange;
import io.agentry.analytics.Timeseries;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's analytics: one report per request, over the last 24 hours, 7 days or 30 days, read
 * from the org's executions. docs/api-agents.md describes each report's shape.
 */
final class AnalyticsRoutes {
    enum Metric {
        OVERVIEW,
        PERFORMANCE,
        HISTORY,
        ERRORS,
        TIMESERIES,
        COSTS;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Metric> of(String label) {
            return Arrays.stream(values())
                    .filter(metric -> metric.label().equals(label))
                    .findFirst();
        }

        static List<String> labels() {
            return Arrays.stream(values()).map(Metric::label).toList();
        }
    }

    private AnalyticsRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                "/api/agents/analytics",
                Access.VIEWER,
                "Execution analytics (timeRange 24h|7d|30d; metric overview|performance|history|errors|timeseries|costs)",
                AnalyticsRoutes::report);
    }

    private static Object report(Call call) {
        TimeRange range = Queries.oneOf(call, "timeRange", TimeRange::of, TimeRange.labels(), TimeRange.LAST_24_HOURS);
        Metric metric = Queries.oneOf(call, "metric", Metric::of, Metric.labels(), Metric.OVERVIEW);
        int limit = call.limit();
        Instant now = call.services().clock().now();
        // A time series covers whole buckets, so it starts at the first one's start.
        Instant from = metric == Metric.TIMESERIES ? range.firstBucket(now) : range.from(now);
        Analytics analytics = new Analytics(call.data());
        Object report = switch (metric) {
            case OVERVIEW -> analytics.overview(call.orgId(), from);
            case PERFORMANCE -> analytics.performance(call.orgId(), from);
            case HISTORY -> analytics.history(call.orgId(), from, limit);
            case ERRORS -> analytics.errors(call.orgId(), from, limit);
            case TIMESERIES -> new Timeseries(call.data()).buckets(call.orgId(), range, now);
            case COSTS -> new Costs(call.data()).since(call.orgId(), from);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", metric.label());
        body.put("time_range", range);
        body.put("from", from);
        body.put("to", now);
        body.put(metric.label(), report);
        return body;
    }
}
