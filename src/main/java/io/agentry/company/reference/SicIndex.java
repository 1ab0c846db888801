package io.agentry.company.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UK SIC 2007 sections (A to U) and divisions (the first two digits of a code). Descriptions
 * of the 5-digit codes are not held here: they arrive with the imported company data.
 */
public final class SicIndex {
    /**
     * Companies House's own code for a dormant company. It is not a SIC 2007 code, though its
     * digits read as division 99 (extraterritorial organisations), so it belongs to no section.
     */
    static final String DORMANT_COMPANY = "99999";

    private static final Pattern CODE = Pattern.compile("\\d{2,5}");
    private static final Pattern SECTION_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern DIVISION = Pattern.compile("\\d{2}");

    public record Section(String letter, String title) {}

    public record Division(String code, String section, String title) {}

    private final Map<String, Section> sections;
    private final Map<String, Division> divisions;

    private SicIndex(Map<String, Section> sections, Map<String, Division> divisions) {
        this.sections = sections;
        this.divisions = divisions;
    }

    static SicIndex read(List<ReferenceRow> sectionRows, List<ReferenceRow> divisionRows) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (ReferenceRow row : sectionRows) {
            String letter = row.required("section");
            if (!SECTION_LETTER.matcher(letter).matches()) {
                throw row.problem("section \"" + letter + "\" is not a single letter");
            }
            letter = letter.toUpperCase(Locale.ROOT);
            if (sections.put(letter, new Section(letter, row.required("title"))) != null) {
                throw row.problem("section " + letter + " appears twice");
            }
        }
        Map<String, Division> divisions = new LinkedHashMap<>();
        for (ReferenceRow row : divisionRows) {
            String code = row.required("division");
            if (!DIVISION.matcher(code).matches()) {
                throw row.problem("division \"" + code + "\" is not two digits");
            }
            String section = row.required("section").toUpperCase(Locale.ROOT);
            if (!sections.containsKey(section)) {
                throw row.problem("section \"" + section + "\" is not in sic-sections.csv");
            }
            if (divisions.put(code, new Division(code, section, row.required("title"))) != null) {
                throw row.problem("division " + code + " appears twice");
            }
        }
        return new SicIndex(sections, divisions);
    }

    /** The section letter of a 2- to 5-digit code ("62012", "6201", "62" are all in J). */
    public Optional<String> sectionOf(String code) {
        if (code != null && code.strip().equals(DORMANT_COMPANY)) {
            return Optional.empty();
        }
        return division(code).map(Division::section);
    }

    /** The title of the division a 2- to 5-digit code belongs to. */
    public Optional<String> divisionTitle(String code) {
        return division(code).map(Division::title);
    }

    public Optional<String> sectionTitle(String section) {
        return section(section).map(Section::title);
    }

    public List<Section> sections() {
        return List.copyOf(sections.values());
    }

    public List<Division> divisions() {
        return List.copyOf(divisions.values());
    }

    /** The divisions of a section, in code order; empty for an unknown section. */
    public List<Division> divisionsOf(String section) {
        List<Division> of = new ArrayList<>();
        section(section)
                .ifPresent(found -> divisions.values().stream()
                        .filter(division -> division.section().equals(found.letter()))
                        .forEach(of::add));
        return List.copyOf(of);
    }

    Optional<Division> division(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String digits = code.strip();
        if (!CODE.matcher(digits).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(divisions.get(digits.substring(0, 2)));
    }

    Optional<Section> section(String letter) {
        if (letter == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sections.get(letter.strip().toUpperCase(Locale.ROOT)));
    }
}
