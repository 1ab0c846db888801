package io.agentry.company.reference;

/**
 * A reference file could not be used: the override directory is missing, a file cannot be read,
 * or a line holds a value that makes no sense. The message names the file and, where there is
 * one, the line.
 */
public final class ReferenceDataException extends RuntimeException {
    ReferenceDataException(String message) {
        super(message);
    }

    ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
