package io.agentry.company;

/**
 * Something wrong with one line of an imported file: the row was skipped, or one of its fields was
 * left empty and the rest imported.
 */
public record ImportProblem(String file, long line, Kind kind, String reason) {
    public enum Kind {
        ROW_SKIPPED,
        FIELD_LEFT_EMPTY
    }

    @Override
    public String toString() {
        String outcome = kind == Kind.ROW_SKIPPED ? "skipped" : "field left empty";
        return file + " line " + line + ": " + reason + " (" + outcome + ")";
    }
}
