package io.agentry.cli;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned with spaces, for a terminal; a value longer than {@link #MAX_WIDTH} is cut with "…". */
final class TextTable {
    static final int MAX_WIDTH = 40;

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    void row(Object... values) {
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : values[i].toString();
            row[i] = value.length() > MAX_WIDTH ? value.substring(0, MAX_WIDTH - 1) + "…" : value;
        }
        rows.add(row);
    }

    @Override
    public String toString() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
