package io.agentry.stream;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A stream goal that cannot be used, with every problem found: each names its field
 * ({@code goal_criteria.industry[1]}) and says what is allowed. Nothing was written.
 */
public final class InvalidGoalException extends IllegalArgumentException {
    private final List<FieldError> errors;

    /** One problem: the field, in JSON path notation, and what is wrong with it. */
    public record FieldError(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    InvalidGoalException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
