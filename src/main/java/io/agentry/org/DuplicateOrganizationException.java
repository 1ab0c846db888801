package io.agentry.org;

/** An organization with that name exists already; nothing was written. */
public final class DuplicateOrganizationException extends RuntimeException {
    DuplicateOrganizationException(String name) {
        super("an organization named '" + name + "' exists already");
    }
}
