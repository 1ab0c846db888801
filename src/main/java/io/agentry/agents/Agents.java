package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentContext;
import io.agentry.stream.Goal;
import io.agentry.support.Json;
import java.util.Locale;
import java.util.UUID;

/** What the built-in agents share: their stream, and their goal in words. */
final class Agents {
    private Agents() {}

    /** The attempt's stream; an agent that works on a stream fails without one. */
    static UUID streamOf(AgentContext context, String agentType) {
        UUID streamId = context.streamId();
        if (streamId == null) {
            throw new IllegalArgumentException(agentType + " works on a stream: the task's payload has no stream_id");
        }
        if (context.database() == null) {
            throw new IllegalStateException(agentType + " needs the database, and the runner gave it none");
        }
        return streamId;
    }

    /** "SaaS, FinTech in UK, Ireland, 10–500 employees". */
    static String describe(Goal goal) {
        StringBuilder text =
                new StringBuilder(goal.industries().isEmpty() ? "any industry" : String.join(", ", goal.industries()));
        if (!goal.locations().isEmpty()) {
            text.append(" in ").append(String.join(", ", goal.locations()));
        }
        if (goal.employeeCount().min() != null || goal.employeeCount().max() != null) {
            text.append(", ").append(range(goal.employeeCount(), "")).append(" employees");
        }
        if (goal.revenueGbp().min() != null || goal.revenueGbp().max() != null) {
            text.append(", turnover ").append(range(goal.revenueGbp(), "£"));
        }
        return text.toString();
    }

    static ObjectNode goalJson(Goal goal) {
        ObjectNode json = Json.object();
        json.set("industry", Json.MAPPER.valueToTree(goal.industries()));
        json.set("location", Json.MAPPER.valueToTree(goal.locations()));
        json.put("companies_to_find", goal.companiesToFind());
        json.put("min_quality_score", goal.minQualityScore());
        return json;
    }

    private static String range(Goal.Range range, String unit) {
        if (range.min() != null && range.max() != null) {
            return String.format(Locale.ROOT, "%s%,d–%s%,d", unit, range.min(), unit, range.max());
        }
        return range.min() != null
                ? String.format(Locale.ROOT, "%s%,d or more", unit, range.min())
                : String.format(Locale.ROOT, "up to %s%,d", unit, range.max());
    }
}
