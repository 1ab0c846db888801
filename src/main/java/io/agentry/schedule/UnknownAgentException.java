package io.agentry.schedule;

import java.util.UUID;

/** The agent named does not exist in the organization (it may exist in another one). */
public final class UnknownAgentException extends RuntimeException {

    UnknownAgentException(UUID orgId, UUID agentId) {
        super("no agent " + agentId + " in organization " + orgId);
    }
}
