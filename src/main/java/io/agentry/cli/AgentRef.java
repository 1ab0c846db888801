package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.agents.BuiltInAgents;
import io.agentry.org.Organizations;
import io.agentry.web.Call;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** An agent as the command line names it: by id, or by built-in type (the org's agent of that type). */
final class AgentRef {
    /** The most agents looked through for one of a type. */
    private static final int MAX_AGENTS = 1000;

    private AgentRef() {}

    /**
     * The agent {@code text} names in the org: an id is taken as it is (the feature checks it is
     * the org's), a built-in type is the org's agent of that type, made on first use.
     */
    static UUID resolve(FlagValues flags, String label, String text, DataSource dataSource, UUID orgId) {
        return id(text).orElseGet(() -> {
            String type = type(flags, label, text);
            return new Organizations(dataSource).agentOfType(orgId, type, type);
        });
    }

    /**
     * The agent {@code text} names in the key's org, through a server: an id as it is, a type the
     * org's oldest active agent of that type, as on the database; but a server makes none (that
     * takes an admin key): a type the org has no agent of is refused.
     */
    static UUID resolve(FlagValues flags, String label, String text, RemoteApi api) {
        Optional<UUID> id = id(text);
        if (id.isPresent()) {
            return id.get();
        }
        String type = type(flags, label, text);
        List<JsonNode> agents;
        try {
            agents = api.list(
                    "/api/agents",
                    "agent_type=" + RemoteApi.encoded(type) + "&is_active=true&limit=" + Call.MAX_LIMIT,
                    MAX_AGENTS);
        } catch (ApiError e) {
            if (e.isNotFound()) {
                throw flags.error(label + ": " + api.url() + " does not list agents (GET /api/agents); give the "
                        + "agent's id instead of its type");
            }
            throw e;
        }
        return agents.stream()
                .filter(agent -> agent.path("agent_type").asText().equals(type)
                        && agent.path("is_active").asBoolean(true))
                .min(Comparator.comparing((JsonNode agent) ->
                                Instant.parse(agent.path("created_at").asText()))
                        .thenComparing(agent -> agent.path("id").asText()))
                .map(agent -> UUID.fromString(agent.path("id").asText()))
                .orElseThrow(() -> flags.error(label + ": the organization has no active " + type
                        + " agent yet; give an agent's id, or create one (POST /api/agents, an admin key)"));
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String type(FlagValues flags, String label, String text) {
        String value = text.strip();
        if (!BuiltInAgents.TYPES.contains(value)) {
            throw flags.error(label + ": '" + text + "' is neither an agent id nor an agent type; the agent types are "
                    + String.join(", ", BuiltInAgents.TYPES));
        }
        return value;
    }
}
