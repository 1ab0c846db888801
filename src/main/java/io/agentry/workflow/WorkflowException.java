package io.agentry.workflow;

/**
 * A workflow request that cannot be carried out; nothing was written. {@link #field()} names the
 * input at fault (null when it is not one field's).
 */
public class WorkflowException extends IllegalArgumentException {
    /** Why: so the HTTP API can answer 404, 400 or 409 without parsing messages. */
    public enum Kind {
        NOT_FOUND,
        INVALID,
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    WorkflowException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static WorkflowException notFound(String field, String message) {
        return new WorkflowException(Kind.NOT_FOUND, field, message);
    }

    static WorkflowException invalid(String field, String message) {
        return new WorkflowException(Kind.INVALID, field, message);
    }

    static WorkflowException conflict(String field, String message) {
        return new WorkflowException(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
