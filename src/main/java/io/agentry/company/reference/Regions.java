package io.agentry.company.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Derives a UK region from a postcode, by its postcode area (the letters before the first digit).
 * An area that straddles regions belongs to the one holding most of its addresses, so a few
 * companies near a border get the neighbouring region; the Crown dependencies (GY, JE, IM) are
 * in no UK region.
 */
public final class Regions {
    /**
     * A full postcode with its spaces removed ("EC1A1BB"), or an outward code alone ("EC1A"): the
     * area, a district digit, an optional digit or letter, then the optional inward code.
     */
    private static final Pattern AREA = Pattern.compile("[A-Z]{1,2}");

    record PostcodeArea(String code, String name, Optional<String> region) {}

    private final Map<String, PostcodeArea> areas;

    private Regions(Map<String, PostcodeArea> areas) {
        this.areas = areas;
    }

    static Regions read(List<ReferenceRow> rows) {
        Map<String, PostcodeArea> areas = new LinkedHashMap<>();
        for (ReferenceRow row : rows) {
            String code = row.required("area").toUpperCase(Locale.ROOT);
            if (!AREA.matcher(code).matches()) {
                throw row.problem("postcode area \"" + code + "\" is not one or two letters");
            }
            String region = row.text("region");
            Optional<String> canonical = ItlRegions.canonical(region);
            if (!region.isEmpty() && canonical.isEmpty()) {
                throw row.problem("\"" + region + "\" is not an ITL1 region; the regions are "
                        + String.join(", ", ItlRegions.NAMES) + " (leave it empty for none)");
            }
            if (areas.put(code, new PostcodeArea(code, row.required("name"), canonical)) != null) {
                throw row.problem("postcode area " + code + " appears twice");
            }
        }
        refuseAmbiguousNames(rows, areas);
        return new Regions(areas);
    }

    /**
     * An area's name is also a location a user may type, so it must not read as another area's
     * code, another area's name or a region.
     */
    private static void refuseAmbiguousNames(List<ReferenceRow> rows, Map<String, PostcodeArea> areas) {
        Map<String, String> names = new HashMap<>();
        for (ReferenceRow row : rows) {
            String name = row.required("name");
            String key = Terms.key(name);
            if (areas.containsKey(key.toUpperCase(Locale.ROOT))) {
                throw row.problem("area name \"" + name + "\" reads as postcode area " + key.toUpperCase(Locale.ROOT));
            }
            if (ItlRegions.canonical(name).isPresent()) {
                throw row.problem("area name \"" + name + "\" is the name of a region");
            }
            String other = names.putIfAbsent(key, name);
            if (other != null) {
                throw row.problem("area name \"" + name + "\" is already the name of another area");
            }
        }
    }

    /**
     * The ITL1 region of a postcode such as "EC1A 1BB", "m1 1ae" or "SW1A1AA"; empty for
     * something that is not a postcode, an unknown area, or a Crown dependency.
     */
    public Optional<String> regionOf(String postcode) {
        return area(postcode).flatMap(PostcodeArea::region);
    }

    /** The ITL1 region of a postcode area ("M" is in the North West); empty for an unknown area or a Crown dependency. */
    public Optional<String> regionOfArea(String area) {
        return area == null
                ? Optional.empty()
                : Optional.ofNullable(areas.get(area)).flatMap(PostcodeArea::region);
    }

    /** The postcode area ("EC", "M") of a postcode or outward code; empty when it is not one. */
    public Optional<String> postcodeArea(String postcode) {
        return area(postcode).map(PostcodeArea::code);
    }

    /** The twelve ITL1 regions, in the ONS order (North East first, Northern Ireland last). */
    public List<String> regions() {
        return ItlRegions.NAMES;
    }

    /** The postcode areas assigned to a region, sorted; empty for an unknown region. */
    public Set<String> areasIn(String region) {
        Optional<String> canonical = region == null ? Optional.empty() : ItlRegions.canonical(region);
        List<String> in = new ArrayList<>();
        for (PostcodeArea area : areas.values()) {
            if (canonical.isPresent() && area.region().equals(canonical)) {
                in.add(area.code());
            }
        }
        Collections.sort(in);
        return Collections.unmodifiableSet(new LinkedHashSet<>(in));
    }

    /** The name of a postcode area ("M" is Manchester). */
    public Optional<String> areaName(String area) {
        return area == null
                ? Optional.empty()
                : Optional.ofNullable(areas.get(area.strip().toUpperCase(Locale.ROOT)))
                        .map(PostcodeArea::name);
    }

    List<PostcodeArea> areas() {
        return List.copyOf(areas.values());
    }

    private Optional<PostcodeArea> area(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        String area = areaCode(postcode);
        return area == null ? Optional.empty() : Optional.ofNullable(areas.get(area));
    }

    /**
     * The letters a postcode starts with, if it has the shape of one: an outward code of one or
     * two letters, a digit and an optional letter or digit, then (from five characters on) an
     * inward code of a digit and two letters; spaces anywhere, any case. Written out rather than
     * as a regular expression: an import derives it for every row.
     */
    static String areaCode(String postcode) {
        char[] compact = new char[Math.min(postcode.length(), 8)];
        int length = 0;
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (length == compact.length) {
                return null;
            }
            compact[length++] = Character.toUpperCase(c);
        }
        int outward = length;
        if (length >= 5) {
            if (!(digit(compact[length - 3]) && letter(compact[length - 2]) && letter(compact[length - 1]))) {
                return null;
            }
            outward = length - 3;
        }
        int letters = 0;
        while (letters < outward && letters < 2 && letter(compact[letters])) {
            letters++;
        }
        int rest = outward - letters;
        if (letters == 0 || rest < 1 || rest > 2 || !digit(compact[letters])) {
            return null;
        }
        if (rest == 2 && !(digit(compact[letters + 1]) || letter(compact[letters + 1]))) {
            return null;
        }
        return new String(compact, 0, letters);
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
