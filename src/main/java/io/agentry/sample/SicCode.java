package io.agentry.sample;

/** A UK SIC 2007 code with its description, as {@code SICCode.SicText_N} writes it. */
record SicCode(String code, String description, Sector sector) {
    String text() {
        return code + " - " + description;
    }
}
