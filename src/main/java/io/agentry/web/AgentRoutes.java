package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.analytics.AgentHealthCheck;
import io.agentry.analytics.TimeRange;
import io.agentry.org.AgentFields;
import io.agentry.org.AgentTypes;
import io.agentry.org.AiAgent;
import io.agentry.org.AiAgents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An org's agents: listed and read by its viewers, created, changed and deleted by its admins. */
final class AgentRoutes {
    /** The columns a user writes. On a create, null is the default; on a PATCH, null keeps the value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AgentRequest(
            String agentType,
            String name,
            String description,
            JsonNode configuration,
            Boolean isActive,
            String scheduleCron,
            String scheduleTimezone) {}

    private AgentRoutes() {}

    static void addTo(Routes routes) {
        routes.get("/api/agents", Access.VIEWER, "List the org's agents, newest first", AgentRoutes::list)
                .post("/api/agents", Access.ADMIN, "Create an agent", AgentRequest.class, AgentRoutes::create)
                .get("/api/agents/{id}", Access.VIEWER, "One agent", call -> Map.of("agent", find(call)))
                .patch(
                        "/api/agents/{id}",
                        Access.ADMIN,
                        "Change the fields given of an agent",
                        AgentRequest.class,
                        AgentRoutes::update)
                .delete(
                        "/api/agents/{id}",
                        Access.ADMIN,
                        "Delete an agent that no stream uses and no live task needs",
                        AgentRoutes::delete)
                .get(
                        "/api/agents/{id}/health",
                        Access.VIEWER,
                        "An agent's health: last success, failure streak, success rate, durations",
                        AgentRoutes::health);
    }

    private static Object list(Call call) {
        String agentType = call.query("agent_type");
        Boolean active = Queries.bool(call, "is_active");
        Keyset after = Keyset.of(call);
        int limit = call.limit();
        List<AiAgent> agents = agents(call).list(call.orgId(), agentType, active, after.at(), after.id(), limit + 1);
        return Page.of(agents, limit, agent -> Cursor.of(agent.createdAt(), agent.id()));
    }

    private static Object create(Call call) {
        AgentRequest request = call.body(AgentRequest.class);
        AgentFields fields = fields(request);
        if (fields.agentType() == null) {
            throw ApiException.invalid("agent_type", "agent_type is required");
        }
        if (fields.name() == null) {
            throw ApiException.invalid("name", "name is required");
        }
        AiAgent agent = agents(call).create(call.orgId(), fields);
        call.status(201);
        return Map.of("agent", agent);
    }

    private static Object update(Call call) {
        AgentFields changes = fields(call.body(AgentRequest.class));
        refuseSystemAgent(find(call), "changed");
        return Map.of(
                "agent",
                agents(call)
                        .update(call.orgId(), call.pathId("id"), changes)
                        .orElseThrow(() -> ApiException.notFound("agent")));
    }

    private static Object delete(Call call) {
        refuseSystemAgent(find(call), "deleted");
        AiAgents.Deletion deletion = agents(call).delete(call.orgId(), call.pathId("id"));
        if (!deletion.found()) {
            throw ApiException.notFound("agent");
        }
        if (!deletion.deleted()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("assigned_stream_ids", deletion.assignedStreams());
            details.put("live_tasks", deletion.liveTasks());
            throw new ApiException(409, "conflict", holds(deletion), details);
        }
        return null;
    }

    private static String holds(AiAgents.Deletion deletion) {
        List<String> holds = new ArrayList<>();
        if (!deletion.assignedStreams().isEmpty()) {
            holds.add("is assigned to " + plural(deletion.assignedStreams().size(), "stream"));
        }
        if (deletion.liveTasks() > 0) {
            holds.add("has " + plural(deletion.liveTasks(), "task") + " not yet ended");
        }
        return "the agent " + String.join(" and ", holds)
                + "; remove it from its streams and let its tasks end (or cancel them) before deleting it,"
                + " or deactivate it with is_active false";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static Object health(Call call) {
        AiAgent agent = find(call);
        TimeRange window = Queries.oneOf(call, "timeRange", TimeRange::of, TimeRange.labels(), TimeRange.LAST_7_DAYS);
        return Map.of(
                "health",
                new AgentHealthCheck(call.data())
                        .of(
                                call.orgId(),
                                agent.id(),
                                window,
                                call.services().clock().now()));
    }

    /** Agentry's own agents are read-only here; their type never changes, so checking first is enough. */
    private static void refuseSystemAgent(AiAgent agent, String verb) {
        if (AgentTypes.system(agent.agentType())) {
            throw new ApiException(
                    409,
                    "conflict",
                    "the " + agent.agentType() + " agent is Agentry's own and cannot be " + verb,
                    Map.of("agent_type", agent.agentType()));
        }
    }

    private static AiAgent find(Call call) {
        return agents(call).find(call.orgId(), call.pathId("id")).orElseThrow(() -> ApiException.notFound("agent"));
    }

    /** The request's fields, each checked; the schedule is checked where it is written. */
    private static AgentFields fields(AgentRequest request) {
        String agentType = request.agentType();
        if (agentType != null && !AgentTypes.creatable(agentType)) {
            throw ApiException.invalid(
                    "agent_type", "agent_type must be one of " + String.join(", ", AgentTypes.CREATABLE));
        }
        JsonNode configuration = request.configuration();
        if (configuration != null && configuration.isNull()) {
            configuration = null;
        }
        if (configuration != null && !configuration.isObject()) {
            throw ApiException.invalid("configuration", "configuration must be an object");
        }
        return new AgentFields(
                agentType,
                request.name() == null ? null : OrgRoutes.required("name", request.name()),
                request.description(),
                configuration,
                request.isActive(),
                request.scheduleCron(),
                request.scheduleTimezone());
    }

    private static AiAgents agents(Call call) {
        return new AiAgents(call.data(), call.services().clock());
    }
}
