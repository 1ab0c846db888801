package io.agentry.sample;

import java.util.List;

/** {@code CompanyCategory}, with the endings its names take ("" for none). */
enum Category {
    PRIVATE("Private Limited Company", "LIMITED", "LTD"),
    PUBLIC("Public Limited Company", "PLC"),
    PARTNERSHIP("Limited Liability Partnership", "LLP"),
    GUARANTEE("PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)", "LIMITED", "LTD"),
    GUARANTEE_EXEMPT("PRI/LBG/NSC (Private, Limited by guarantee, no share capital, use of 'Limited' exemption)", ""),
    COMMUNITY_INTEREST("Community Interest Company", "CIC", "CIC", "C.I.C.", "COMMUNITY INTEREST COMPANY"),
    UNLIMITED("Private Unlimited Company", "UNLIMITED", "");

    private final String label;
    private final List<String> suffixes;

    Category(String label, String... suffixes) {
        this.label = label;
        this.suffixes = List.of(suffixes);
    }

    String label() {
        return label;
    }

    List<String> suffixes() {
        return suffixes;
    }

    /** Guarantee companies and community interest companies are named for a cause, not a trade. */
    boolean forACause() {
        return this == GUARANTEE || this == GUARANTEE_EXEMPT;
    }
}
