package io.agentry.sample;

import java.util.SplittableRandom;

/**
 * Company names in the register's capitals, from word lists: "NORTHWIND ANALYTICS LTD",
 * "COBALT LEDGER TECHNOLOGIES LIMITED", "SMITH, JONES & CO LTD", {@code THE "BLUE DOOR" CAFE LTD}.
 * About one in twelve has a comma, an apostrophe or double quotes, as real names do, so that
 * every reader of the file meets them. Names are unique-ish: some tens of millions of
 * combinations, so a few repeat in a large file.
 */
final class Names {
    private static final Weighted<Pattern> PATTERNS = Weighted.<Pattern>builder()
            .add(Pattern.WORD_NOUN, 300)
            .add(Pattern.TWO_WORDS_NOUN, 250)
            .add(Pattern.WORD_NOUN_QUALIFIED, 90)
            .add(Pattern.SURNAME_NOUN, 90)
            .add(Pattern.POSSESSIVE, 35)
            .add(Pattern.INITIAL_SURNAME, 30)
            .add(Pattern.TWO_SURNAMES, 50)
            .add(Pattern.SURNAMES_AND_CO, 25)
            .add(Pattern.QUOTED, 8)
            .add(Pattern.THE_WORD_NOUN, 40)
            .add(Pattern.INITIALS, 40)
            .build();
    private static final String[] QUOTED_ADJECTIVES = {"BLUE", "RED", "GOLDEN", "OLD", "LITTLE", "CROOKED", "GREEN"};
    private static final String[] QUOTED_THINGS = {"DOOR", "LION", "KETTLE", "ANCHOR", "LANTERN", "FOX", "HARE", "BELL"
    };
    private static final String[] QUALIFIERS = {"UK", "GROUP", "INTERNATIONAL", "EUROPE", "GLOBAL", "(UK)", "TOWN"};
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTW";

    private Names() {}

    private enum Pattern {
        WORD_NOUN,
        TWO_WORDS_NOUN,
        WORD_NOUN_QUALIFIED,
        SURNAME_NOUN,
        POSSESSIVE,
        INITIAL_SURNAME,
        TWO_SURNAMES,
        SURNAMES_AND_CO,
        QUOTED,
        THE_WORD_NOUN,
        INITIALS
    }

    static String name(Sector sector, Category category, String town, SplittableRandom random) {
        return withSuffix(stem(sector, category, town, random), category, random);
    }

    /** A name before the company took its present one: often a formation agent's shelf name. */
    static String previous(Sector sector, Category category, String town, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return withSuffix(Words.evocative(random) + " (NO. " + (2 + random.nextInt(40)) + ")", category, random);
        }
        return name(sector, category, town, random);
    }

    private static String stem(Sector sector, Category category, String town, SplittableRandom random) {
        Sector nouns = category.forACause() || (category == Category.COMMUNITY_INTEREST && random.nextBoolean())
                ? Sector.COMMUNITY
                : sector;
        String noun = Words.any(nouns.nouns(), random);
        return switch (PATTERNS.pick(random)) {
            case WORD_NOUN -> Words.evocative(random) + " " + noun;
            case TWO_WORDS_NOUN -> Words.evocative(random) + " " + Words.any(Words.STANDALONE, random) + " " + noun;
            case WORD_NOUN_QUALIFIED -> Words.evocative(random) + " " + noun + " " + qualifier(town, random);
            case SURNAME_NOUN -> Words.surname(random) + " " + noun;
            case POSSESSIVE -> Words.surname(random) + "'S " + noun;
            case INITIAL_SURNAME -> letter(random) + ". " + Words.surname(random) + " " + noun;
            case TWO_SURNAMES ->
                Words.surname(random) + " & " + Words.surname(random) + (random.nextBoolean() ? "" : " " + noun);
            case SURNAMES_AND_CO ->
                Words.surname(random) + ", " + Words.surname(random)
                        + (random.nextBoolean() ? " & CO" : " AND PARTNERS");
            case QUOTED ->
                "THE \"" + QUOTED_ADJECTIVES[random.nextInt(QUOTED_ADJECTIVES.length)] + " "
                        + QUOTED_THINGS[random.nextInt(QUOTED_THINGS.length)] + "\" " + noun;
            case THE_WORD_NOUN -> "THE " + Words.evocative(random) + " " + noun;
            case INITIALS -> initials(random) + " " + noun;
        };
    }

    private static String qualifier(String town, SplittableRandom random) {
        String qualifier = QUALIFIERS[random.nextInt(QUALIFIERS.length)];
        return qualifier.equals("TOWN") ? "(" + town + ")" : qualifier;
    }

    private static String withSuffix(String stem, Category category, SplittableRandom random) {
        String suffix = Words.any(category.suffixes(), random);
        return suffix.isEmpty() ? stem : stem + " " + suffix;
    }

    private static char letter(SplittableRandom random) {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    private static String initials(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return letter(random) + " & " + letter(random);
        }
        char[] letters = new char[2 + random.nextInt(2)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = letter(random);
        }
        return new String(letters);
    }
}
