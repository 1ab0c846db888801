package io.agentry.workflow;

import java.util.List;
import java.util.UUID;

/**
 * The seed's rule: an agent with dependencies runs on its own only once each of them has a
 * completed execution on the stream, unless the caller forces it.
 */
public final class MissingDependenciesException extends WorkflowException {
    private final List<UUID> missing;

    MissingDependenciesException(List<UUID> missing, String names) {
        super(
                Kind.INVALID,
                "force_execute",
                "Dependent agents have not completed execution: " + names
                        + " (run them first, or force the execution)");
        this.missing = List.copyOf(missing);
    }

    /** The dependencies without a completed execution on the stream, in assignment order. */
    public List<UUID> missingDependencies() {
        return missing;
    }
}
