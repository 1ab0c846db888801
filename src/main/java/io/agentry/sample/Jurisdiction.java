package io.agentry.sample;

/**
 * Where a company is registered, which decides the letters of its number. The synthetic numbers
 * sit at the top of each registry's range ({@code 9} after the prefix), which no real company
 * has reached: real England and Wales numbers are below 17,000,000 and real {@code SC}, {@code
 * NI}, {@code OC}, {@code SO} and {@code NC} numbers below {@code 900000}.
 */
enum Jurisdiction {
    ENGLAND_AND_WALES("England and Wales", "", "OC"),
    SCOTLAND("Scotland", "SC", "SO"),
    NORTHERN_IRELAND("Northern Ireland", "NI", "NC");

    private final String label;
    private final String companyPrefix;
    private final String partnershipPrefix;

    Jurisdiction(String label, String companyPrefix, String partnershipPrefix) {
        this.label = label;
        this.companyPrefix = companyPrefix;
        this.partnershipPrefix = partnershipPrefix;
    }

    /** As in "Registered in England and Wales". */
    String label() {
        return label;
    }

    String prefix(boolean partnership) {
        return partnership ? partnershipPrefix : companyPrefix;
    }
}
