package io.agentry.company;

/** An import that cannot go on, in words the user can act on; rows already committed stay. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
