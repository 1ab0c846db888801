package io.agentry.sample;

/** The twelve ITL1 regions of the UK, with the registry of the companies whose office is there. */
enum Region {
    NORTH_EAST("North East", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    NORTH_WEST("North West", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    YORKSHIRE_AND_THE_HUMBER("Yorkshire and The Humber", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    EAST_MIDLANDS("East Midlands", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    WEST_MIDLANDS("West Midlands", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    EAST_OF_ENGLAND("East of England", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    LONDON("London", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    SOUTH_EAST("South East", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    SOUTH_WEST("South West", Jurisdiction.ENGLAND_AND_WALES, "ENGLAND"),
    WALES("Wales", Jurisdiction.ENGLAND_AND_WALES, "WALES"),
    SCOTLAND("Scotland", Jurisdiction.SCOTLAND, "SCOTLAND"),
    NORTHERN_IRELAND("Northern Ireland", Jurisdiction.NORTHERN_IRELAND, "NORTHERN IRELAND");

    private final String label;
    private final Jurisdiction jurisdiction;
    private final String country;

    Region(String label, Jurisdiction jurisdiction, String country) {
        this.label = label;
        this.jurisdiction = jurisdiction;
        this.country = country;
    }

    String label() {
        return label;
    }

    Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /** The country as {@code RegAddress.Country} spells it, when it is not "UNITED KINGDOM". */
    String country() {
        return country;
    }
}
