package io.agentry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.agent.Insight;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamInsight;
import io.agentry.stream.StreamInsights;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the agents concluded about a stream, and what a person made of it. */
final class InsightRoutes {
    /**
     * @param isRead null keeps it (giving an action marks the insight read)
     * @param actionTaken what was done about it; null keeps it, empty clears it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InsightUpdate(Boolean isRead, String actionTaken) {}

    static final int MAX_ACTION = 2000;

    private static final List<String> TYPES =
            Arrays.stream(Insight.Type.values()).map(Insight.Type::value).toList();
    private static final List<String> SEVERITIES = Arrays.stream(Insight.Severity.values())
            .map(Insight.Severity::value)
            .toList();

    private InsightRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/streams/{id}/insights",
                        Access.VIEWER,
                        "A stream's insights, newest first; unread=true|false, type= and severity= filter them",
                        InsightRoutes::list)
                .patch(
                        "/api/streams/{id}/insights/{insightId}",
                        Access.EDITOR,
                        "Mark an insight read or unread, or record the action taken on it",
                        InsightUpdate.class,
                        InsightRoutes::update);
    }

    private static Object list(Call call) {
        Stream stream = StreamRoutes.stream(call);
        StreamInsights.Filter filter = new StreamInsights.Filter(
                unread(call.query("unread")), oneOf(call, "type", TYPES), oneOf(call, "severity", SEVERITIES));
        int limit = call.limit();
        List<StreamInsight> rows = new StreamInsights(call.data())
                .page(call.orgId(), stream.id(), filter, StreamRoutes.after(call), limit + 1);
        return Page.of(rows, limit, insight -> Cursor.of(insight.createdAt(), insight.id()));
    }

    private static Object update(Call call) {
        InsightUpdate body = call.body(InsightUpdate.class);
        Optional<String> action = null;
        if (body.actionTaken() != null) {
            String text = body.actionTaken().strip();
            if (text.length() > MAX_ACTION) {
                throw ApiException.invalid(
                        "action_taken", "action_taken must be at most " + MAX_ACTION + " characters");
            }
            action = text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        StreamInsight insight = new StreamInsights(call.data())
                .mark(call.orgId(), call.pathId("id"), call.pathId("insightId"), body.isRead(), action)
                .orElseThrow(() -> ApiException.notFound("insight"));
        return Map.of("insight", insight);
    }

    private static Boolean unread(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("unread", "unread must be true or false, not '" + value + "'");
        };
    }

    private static String oneOf(Call call, String name, List<String> allowed) {
        String value = call.query(name);
        if (value != null && !allowed.contains(value)) {
            throw ApiException.invalid(
                    name, name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return value;
    }
}
