package io.agentry.sample;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Registered offices in a place: a street address, a unit on an estate or a suite in a named
 * building, written in capitals or in mixed case as the real register has both. The postcode is a
 * real outward code of the town and an inward code of the real shape (digit, two letters from
 * those postcodes use); it may or may not exist.
 */
final class Addresses {
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final Lettering CAPITALS = new Lettering(true);
    private static final Lettering MIXED_CASE = new Lettering(false);

    private Addresses() {}

    static Company.Address address(Place place, SplittableRandom random) {
        boolean capitals = random.nextInt(5) < 3;
        Lettering words = capitals ? CAPITALS : MIXED_CASE;
        String line1;
        String line2 = "";
        switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8 -> {
                line1 = street(words, random);
                if (random.nextInt(4) == 0) {
                    line2 = building(words, random);
                }
            }
            case 9, 10, 11 -> {
                line1 = words.unit + (1 + random.nextInt(40));
                line2 = words.evocative(random) + " " + Words.any(words.estates, random);
            }
            case 12, 13, 14 -> {
                line1 = building(words, random);
                line2 = street(words, random);
            }
            case 15, 16 -> {
                line1 = words.suite + (1 + random.nextInt(30)) + ", " + building(words, random);
                line2 = street(words, random);
            }
            case 17 -> {
                line1 = words.flat + (1 + random.nextInt(24));
                line2 = street(words, random);
            }
            default -> {
                int from = 1 + random.nextInt(120);
                line1 = from + "-" + (from + 2 + 2 * random.nextInt(3)) + " " + streetName(words, random);
                line2 = building(words, random);
            }
        }
        String careOf = random.nextInt(50) == 0 ? careOf(random) : "";
        String poBox = random.nextInt(300) == 0 ? String.valueOf(100 + random.nextInt(9900)) : "";
        String town = capitals ? place.town() : place.mixedCaseTown();
        String county = random.nextInt(20) < 11 ? (capitals ? place.county() : place.mixedCaseCounty()) : "";
        String country = country(place.region(), random);
        return new Company.Address(
                careOf,
                poBox,
                line1,
                line2,
                town,
                county,
                capitals ? country : Words.title(country),
                postcode(place, random),
                place.region());
    }

    static String postcode(Place place, SplittableRandom random) {
        String district = Words.any(place.districts(), random);
        return district + " " + (1 + random.nextInt(9)) + INWARD_LETTERS.charAt(random.nextInt(20))
                + INWARD_LETTERS.charAt(random.nextInt(20));
    }

    private static String country(Region region, SplittableRandom random) {
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8 -> "";
            case 9, 10, 11, 12, 13 -> region.country();
            default -> "UNITED KINGDOM";
        };
    }

    private static String street(Lettering words, SplittableRandom random) {
        return (1 + random.nextInt(random.nextInt(8) == 0 ? 400 : 120)) + " " + streetName(words, random);
    }

    private static String streetName(Lettering words, SplittableRandom random) {
        return Words.any(words.streets, random) + " " + Words.any(words.streetTypes, random);
    }

    private static String building(Lettering words, SplittableRandom random) {
        return words.evocative(random) + " " + Words.any(words.buildings, random);
    }

    private static String careOf(SplittableRandom random) {
        return random.nextBoolean()
                ? Words.surname(random) + " & CO ACCOUNTANTS"
                : Words.evocative(random) + " ACCOUNTANCY LIMITED";
    }

    /**
     * The words of addresses in one case, converted once rather than for every address. Picks use
     * the random stream exactly as {@link Words} does, so either case gives the same address.
     */
    private static final class Lettering {
        final List<String> streets;
        final List<String> streetTypes;
        final List<String> buildings;
        final List<String> estates;
        final List<String> standalone;
        final List<String> firstHalves;
        final List<String> secondHalves;
        final String unit;
        final String suite;
        final String flat;
        final String well;

        Lettering(boolean capitals) {
            streets = cased(Words.STREETS, capitals);
            streetTypes = cased(Words.STREET_TYPES, capitals);
            buildings = cased(Words.BUILDINGS, capitals);
            estates = cased(Words.ESTATES, capitals);
            standalone = cased(Words.STANDALONE, capitals);
            firstHalves = cased(Words.FIRST_HALVES, capitals);
            secondHalves = Words.SECOND_HALVES.stream()
                    .map(word -> capitals ? word : word.toLowerCase(Locale.ROOT))
                    .toList();
            unit = capitals ? "UNIT " : "Unit ";
            suite = capitals ? "SUITE " : "Suite ";
            flat = capitals ? "FLAT " : "Flat ";
            well = capitals ? "WELL" : "well";
        }

        /** As {@link Words#evocative}: "NORTHWIND" or "Northwind". */
        String evocative(SplittableRandom random) {
            if (random.nextInt(3) == 0) {
                return Words.any(standalone, random);
            }
            int first = random.nextInt(firstHalves.size());
            int second = random.nextInt(secondHalves.size());
            return Words.FIRST_HALVES.get(first).equals(Words.SECOND_HALVES.get(second))
                    ? firstHalves.get(first) + well
                    : firstHalves.get(first) + secondHalves.get(second);
        }

        private static List<String> cased(List<String> words, boolean capitals) {
            return words.stream()
                    .map(word -> capitals ? word.toUpperCase(Locale.ROOT) : Words.title(word))
                    .toList();
        }
    }
}
