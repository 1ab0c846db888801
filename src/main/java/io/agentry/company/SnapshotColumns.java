package io.agentry.company;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field the catalogue uses sits in a snapshot file, found by its header name. Several of
 * the published header names start with a space (" CompanyNumber"), so names are matched trimmed.
 */
final class SnapshotColumns {
    /** The snapshot's fields that the catalogue uses, by their header names. */
    enum Field {
        NAME("CompanyName"),
        NUMBER("CompanyNumber"),
        ADDRESS_LINE_1("RegAddress.AddressLine1"),
        ADDRESS_LINE_2("RegAddress.AddressLine2"),
        POST_TOWN("RegAddress.PostTown"),
        COUNTY("RegAddress.County"),
        COUNTRY("RegAddress.Country"),
        POSTCODE("RegAddress.PostCode"),
        CATEGORY("CompanyCategory"),
        STATUS("CompanyStatus"),
        DISSOLUTION_DATE("DissolutionDate"),
        INCORPORATION_DATE("IncorporationDate"),
        ACCOUNTS_NEXT_DUE("Accounts.NextDueDate"),
        ACCOUNTS_LAST_MADE_UP("Accounts.LastMadeUpDate"),
        ACCOUNTS_CATEGORY("Accounts.AccountCategory"),
        CONFIRMATION_NEXT_DUE("ConfStmtNextDueDate"),
        CONFIRMATION_LAST_MADE_UP("ConfStmtLastMadeUpDate"),
        SIC_1("SICCode.SicText_1"),
        SIC_2("SICCode.SicText_2"),
        SIC_3("SICCode.SicText_3"),
        SIC_4("SICCode.SicText_4");

        static final List<Field> SIC_TEXTS = List.of(SIC_1, SIC_2, SIC_3, SIC_4);

        final String header;

        Field(String header) {
            this.header = header;
        }
    }

    private final int[] positions;
    private final int width;

    private SnapshotColumns(int[] positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** The columns of a header line; a file without every field the catalogue needs is refused. */
    static SnapshotColumns of(List<String> header, String file) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).strip(), i);
        }
        List<String> missing = Arrays.stream(Field.values())
                .map(field -> field.header)
                .filter(name -> !byName.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportException(file + " is not a Companies House company snapshot (BasicCompanyData): "
                    + "its header has no " + String.join(", ", missing));
        }
        int[] positions = Arrays.stream(Field.values())
                .mapToInt(field -> byName.get(field.header))
                .toArray();
        return new SnapshotColumns(positions, header.size());
    }

    /** The positions of the fields the catalogue uses. */
    int[] positions() {
        return positions.clone();
    }

    int position(Field field) {
        return positions[field.ordinal()];
    }

    /** How many fields every line has. */
    int width() {
        return width;
    }
}
