package io.agentry.company;

/** A row an import cannot use; the message says why, in the file's terms. */
final class UnusableRow extends Exception {
    UnusableRow(String reason) {
        super(reason, null, false, false);
    }
}
