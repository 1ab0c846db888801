package io.agentry.cli;

import io.agentry.agents.BuiltInAgents;
import io.agentry.org.Organizations;
import java.util.UUID;
import javax.sql.DataSource;

/** An agent as the command line names it: by id, or by built-in type (the org's agent of that type). */
final class AgentRef {
    private AgentRef() {}

    /**
     * The agent {@code text} names in the org: an id is taken as it is (the feature checks it is
     * the org's), a built-in type is the org's agent of that type, made on first use.
     */
    static UUID resolve(FlagValues flags, String label, String text, DataSource dataSource, UUID orgId) {
        String value = text.strip();
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            if (!BuiltInAgents.TYPES.contains(value)) {
                throw flags.error(
                        label + ": '" + text + "' is neither an agent id nor an agent type; the agent types are "
                                + String.join(", ", BuiltInAgents.TYPES));
            }
            return new Organizations(dataSource).agentOfType(orgId, value, value);
        }
    }
}
