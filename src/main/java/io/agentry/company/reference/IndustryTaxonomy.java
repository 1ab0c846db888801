package io.agentry.company.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The industry names users type ("SaaS", "FinTech") and the SIC 2007 codes each stands for; a term
 * may also be a SIC code, class, division or section itself. Most such names have no SIC class of
 * their own, so a label is a defensible approximation: the note column of {@code industries.csv}
 * says which codes were chosen and why.
 */
public final class IndustryTaxonomy {
    private static final Pattern CODE = Pattern.compile("\\d{5}");
    private static final Pattern PREFIX = Pattern.compile("\\d{2,4}");
    private static final Pattern SECTION = Pattern.compile("(?i)(?:section\\s*)?([a-z])");

    private record Industry(String label, Set<String> codes, Set<String> prefixes) {}

    private final SicIndex sic;
    private final Map<String, Industry> byName;
    private final List<String> labels;

    private IndustryTaxonomy(SicIndex sic, Map<String, Industry> byName, List<String> labels) {
        this.sic = sic;
        this.byName = byName;
        this.labels = labels;
    }

    static IndustryTaxonomy read(List<ReferenceRow> rows, SicIndex sic) {
        Map<String, Industry> byName = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (ReferenceRow row : rows) {
            Industry industry = industry(row, sic);
            List<String> names = new ArrayList<>(List.of(industry.label()));
            names.addAll(row.list("aliases", ReferenceRow.NAME_SEPARATOR));
            for (String name : names) {
                String key = Terms.key(name);
                if (key.length() < 2 || key.chars().noneMatch(Character::isLetter)) {
                    throw row.problem("\"" + name + "\" cannot name an industry: it would read as a SIC code or"
                            + " section; a name needs a letter and more than one character");
                }
                Industry other = byName.putIfAbsent(key, industry);
                if (other != null && other != industry) {
                    throw row.problem("\"" + name + "\" already names " + other.label());
                }
            }
            labels.add(industry.label());
        }
        labels.sort(Comparator.naturalOrder());
        return new IndustryTaxonomy(sic, byName, List.copyOf(labels));
    }

    private static Industry industry(ReferenceRow row, SicIndex sic) {
        String label = row.required("label");
        List<String> entries = row.list("sic", ReferenceRow.CODE_SEPARATOR);
        if (entries.isEmpty()) {
            throw row.problem("the sic column is empty");
        }
        Set<String> codes = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String entry : entries) {
            IndustryMatch selection = sicSelection(entry, sic).orElseThrow(() -> row.problem(notSic(entry)));
            codes.addAll(selection.sicCodes());
            prefixes.addAll(selection.sicPrefixes());
        }
        return new Industry(label, codes, prefixes);
    }

    private static String notSic(String entry) {
        if (PREFIX.matcher(entry).matches() || CODE.matcher(entry).matches()) {
            return "\"" + entry + "\" in the sic column: division " + entry.substring(0, 2)
                    + " is not in sic-divisions.csv";
        }
        if (SECTION.matcher(entry).matches()) {
            return "\"" + entry + "\" in the sic column: section " + entry.toUpperCase(Locale.ROOT)
                    + " has no divisions in sic-divisions.csv";
        }
        return "\"" + entry + "\" in the sic column is not a SIC 2007 code, class, division or section letter";
    }

    /**
     * Accepts a label or alias (ignoring case, spaces and punctuation), a 5-digit SIC code, a 2- to
     * 4-digit division, group or class, or a section ("J" or "section J", meaning all its
     * divisions).
     *
     * @throws UnknownReferenceException naming the term and listing the labels
     */
    public IndustryMatch resolve(String term) {
        String given = term == null ? "" : term.strip();
        Industry industry = byName.get(Terms.key(given));
        if (industry != null) {
            return new IndustryMatch(given, industry.codes(), industry.prefixes());
        }
        return sicSelection(given, sic)
                .map(selection -> new IndustryMatch(given, selection.sicCodes(), selection.sicPrefixes()))
                .orElseThrow(() -> new UnknownReferenceException(
                        given,
                        "unknown industry \"" + given + "\"; use a SIC code, division or section, or one of: "
                                + String.join(", ", labels)));
    }

    /** The labels of {@code industries.csv}, sorted; aliases are not listed. */
    public List<String> labels() {
        return labels;
    }

    /** A code or prefix whose division SIC 2007 has, or a known section as all its divisions. */
    private static Optional<IndustryMatch> sicSelection(String term, SicIndex sic) {
        if (CODE.matcher(term).matches() || PREFIX.matcher(term).matches()) {
            if (sic.division(term).isEmpty()) {
                return Optional.empty();
            }
            boolean exact = term.length() == 5;
            return Optional.of(
                    new IndustryMatch(term, exact ? Set.of(term) : Set.of(), exact ? Set.of() : Set.of(term)));
        }
        Matcher section = SECTION.matcher(term);
        if (!section.matches()) {
            return Optional.empty();
        }
        List<SicIndex.Division> divisions = sic.divisionsOf(section.group(1));
        if (divisions.isEmpty()) {
            return Optional.empty();
        }
        Set<String> prefixes = new TreeSet<>();
        divisions.forEach(division -> prefixes.add(division.code()));
        return Optional.of(new IndustryMatch(term, Set.of(), prefixes));
    }
}
