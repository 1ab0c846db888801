package io.agentry.company.reference;

/** A user's term (an industry, a location, a size) matches nothing; the message says what would. */
public final class UnknownReferenceException extends IllegalArgumentException {
    private final String term;

    UnknownReferenceException(String term, String message) {
        super(message);
        this.term = term;
    }

    /** The term as the user gave it. */
    public String term() {
        return term;
    }
}
