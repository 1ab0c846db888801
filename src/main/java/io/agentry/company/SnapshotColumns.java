package io.agentry.company;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field the catalogue uses sits in a snapshot file, found by its header name. Several of
 * the published header names start with a space (" CompanyNumber"), so names are matched trimmed.
 */
final class SnapshotColumns {
    static final String NAME = "CompanyName";
    static final String NUMBER = "CompanyNumber";
    static final String ADDRESS_LINE_1 = "RegAddress.AddressLine1";
    static final String ADDRESS_LINE_2 = "RegAddress.AddressLine2";
    static final String POST_TOWN = "RegAddress.PostTown";
    static final String COUNTY = "RegAddress.County";
    static final String COUNTRY = "RegAddress.Country";
    static final String POSTCODE = "RegAddress.PostCode";
    static final String CATEGORY = "CompanyCategory";
    static final String STATUS = "CompanyStatus";
    static final String DISSOLUTION_DATE = "DissolutionDate";
    static final String INCORPORATION_DATE = "IncorporationDate";
    static final String ACCOUNTS_NEXT_DUE = "Accounts.NextDueDate";
    static final String ACCOUNTS_LAST_MADE_UP = "Accounts.LastMadeUpDate";
    static final String ACCOUNTS_CATEGORY = "Accounts.AccountCategory";
    static final String CONFIRMATION_NEXT_DUE = "ConfStmtNextDueDate";
    static final String CONFIRMATION_LAST_MADE_UP = "ConfStmtLastMadeUpDate";
    static final List<String> SIC_TEXTS =
            List.of("SICCode.SicText_1", "SICCode.SicText_2", "SICCode.SicText_3", "SICCode.SicText_4");

    private static final List<String> REQUIRED = requiredNames();

    private final Map<String, Integer> positions;
    private final int width;

    private SnapshotColumns(Map<String, Integer> positions, int width) {
        this.positions = positions;
        this.width = width;
    }

    /** The columns of a header line; a file without every field the catalogue needs is refused. */
    static SnapshotColumns of(List<String> header, String file) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i).strip(), i);
        }
        List<String> missing =
                REQUIRED.stream().filter(name -> !positions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException(file + " is not a Companies House company snapshot (BasicCompanyData): "
                    + "its header has no " + String.join(", ", missing));
        }
        return new SnapshotColumns(positions, header.size());
    }

    int position(String name) {
        return positions.get(name);
    }

    /** How many fields every line has. */
    int width() {
        return width;
    }

    private static List<String> requiredNames() {
        List<String> names = new ArrayList<>(List.of(
                NAME,
                NUMBER,
                ADDRESS_LINE_1,
                ADDRESS_LINE_2,
                POST_TOWN,
                COUNTY,
                COUNTRY,
                POSTCODE,
                CATEGORY,
                STATUS,
                DISSOLUTION_DATE,
                INCORPORATION_DATE,
                ACCOUNTS_NEXT_DUE,
                ACCOUNTS_LAST_MADE_UP,
                ACCOUNTS_CATEGORY,
                CONFIRMATION_NEXT_DUE,
                CONFIRMATION_LAST_MADE_UP));
        names.addAll(SIC_TEXTS);
        return List.copyOf(names);
    }
}
