package io.agentry.company;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * FastCSV's callback for the snapshot: it makes strings only of the fields the catalogue uses,
 * about a third of the 55, once {@link #keepOnly} has been told which. (Making a string of every
 * field was the largest single cost of reading the file.)
 */
final class SnapshotLines extends AbstractBaseCsvCallbackHandler<SnapshotLines.Line> {
    private boolean[] wanted;
    private String[] fields = new String[64];
    private int count;

    /** A line: where it starts in the file, how many fields it has, and the wanted ones (others null). */
    record Line(long number, int fieldCount, String[] fields) {
        String field(int position) {
            return fields[position];
        }
    }

    /** From now on, makes strings only of the fields at the positions given. */
    void keepOnly(int[] positions) {
        wanted = new boolean
                [positions.length == 0 ? 0 : Arrays.stream(positions).max().getAsInt() + 1];
        for (int position : positions) {
            wanted[position] = true;
        }
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        count = 0;
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        if (index == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[index] =
                wanted == null || (index < wanted.length && wanted[index]) ? new String(buffer, offset, length) : null;
        count = index + 1;
    }

    @Override
    protected Line buildRecord() {
        return new Line(getStartingLineNumber(), count, Arrays.copyOf(fields, count));
    }
}
