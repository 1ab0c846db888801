package io.agentry.signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A registered name as news writes it, and the matching of it in text. Both are cut into words:
 * lower case, accents dropped, apostrophes closed up ({@code O'Brien's} is {@code obriens}),
 * {@code &} read as {@code and}, anything else that is not a letter or digit a break. The name then
 * loses what news leaves out: legal suffixes ({@code LIMITED}, {@code LTD}, {@code PLC}, {@code
 * LLP}, {@code CIC}…), a trailing {@code UK} and a leading {@code THE}. It matches text where its
 * words stand together as whole words, so {@code ACME WIDGETS LTD} matches "Acme Widgets raises"
 * and not "Acme Widgetsmith".
 */
final class CompanyName {
    private static final Set<String> LEGAL_SUFFIXES =
            Set.of("limited", "ltd", "plc", "llp", "lp", "cic", "cio", "unlimited", "incorporated", "inc");
    private static final List<List<String>> LEGAL_PHRASES = List.of(
            List.of("public", "limited", "company"),
            List.of("limited", "liability", "partnership"),
            List.of("community", "interest", "company"));
    /** Fewer letters than this is too short a name to find in text without finding noise. */
    private static final int MIN_LETTERS = 3;

    private final List<String> words;

    private CompanyName(List<String> words) {
        this.words = List.copyOf(words);
    }

    static CompanyName of(String registeredName) {
        List<String> words = new ArrayList<>(words(registeredName));
        boolean changed = true;
        while (changed && !words.isEmpty()) {
            changed = false;
            for (List<String> phrase : LEGAL_PHRASES) {
                if (endsWith(words, phrase)) {
                    words.subList(words.size() - phrase.size(), words.size()).clear();
                    changed = true;
                }
            }
            if (!words.isEmpty() && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
                changed = true;
            }
        }
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        if (words.size() > 1 && words.get(words.size() - 1).equals("uk")) {
            words.remove(words.size() - 1);
        }
        return new CompanyName(words);
    }

    /** The words of {@code text}, as names are cut. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019]", "")
                .replace("&", " and ");
        List<String> words = new ArrayList<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The words news is expected to use for the company. */
    List<String> words() {
        return words;
    }

    /** Whether the name is long enough to look for: at least three letters or digits. */
    boolean isSearchable() {
        return words.stream().mapToInt(String::length).sum() >= MIN_LETTERS;
    }

    /** A one-word name ("Acme") is found in text more often by chance than a longer one. */
    boolean isOneWord() {
        return words.size() == 1;
    }

    /** Whether the name's words stand together, in order, among {@code text}'s words. */
    boolean isIn(List<String> text) {
        return indexIn(text, words) >= 0;
    }

    static int indexIn(List<String> text, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!text.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean endsWith(List<String> words, List<String> phrase) {
        return words.size() >= phrase.size()
                && words.subList(words.size() - phrase.size(), words.size()).equals(phrase);
    }

    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
