package io.agentry.company.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The places users type: a country ("UK", "England"), a region ("London", "North West"), an
 * alias from {@code locations.csv} ("Yorkshire", "East Anglia"), a postcode area ("M", "EC") or a
 * postcode area's name ("Manchester"). Case, spaces and punctuation do not count. The twelve
 * region names always resolve, whatever {@code locations.csv} holds.
 */
public final class Locations {
    private record Place(List<String> regions, Set<String> areas) {}

    private final Map<String, Place> byName;
    private final List<String> labels;

    private Locations(Map<String, Place> byName, List<String> labels) {
        this.byName = byName;
        this.labels = labels;
    }

    static Locations read(List<ReferenceRow> rows, Regions regions) {
        Map<String, Place> byName = new HashMap<>();
        Map<String, String> namedBy = new HashMap<>();
        for (String region : ItlRegions.NAMES) {
            name(byName, namedBy, region, new Place(List.of(region), Set.of()), "region " + region);
        }
        for (Regions.PostcodeArea area : regions.areas()) {
            Place place = new Place(List.of(), Set.of(area.code()));
            name(byName, namedBy, area.code(), place, "postcode area " + area.code());
            name(byName, namedBy, area.name(), place, "postcode area " + area.code());
        }
        List<String> labels = new ArrayList<>();
        for (ReferenceRow row : rows) {
            String label = row.required("label");
            if (Terms.key(label).isEmpty()) {
                throw row.problem("\"" + label + "\" has no letters or digits");
            }
            String clash = name(byName, namedBy, label, place(row, regions), "label " + label);
            if (clash != null) {
                throw row.problem("\"" + label + "\" already names " + clash);
            }
            labels.add(label);
        }
        return new Locations(byName, List.copyOf(labels));
    }

    /** Adds a name; returns what already had it, or null. */
    private static String name(
            Map<String, Place> byName, Map<String, String> namedBy, String name, Place place, String what) {
        String key = Terms.key(name);
        String clash = namedBy.putIfAbsent(key, what);
        if (clash == null) {
            byName.put(key, place);
        }
        return clash;
    }

    private static Place place(ReferenceRow row, Regions known) {
        List<String> regions = new ArrayList<>();
        for (String region : row.list("regions", ReferenceRow.NAME_SEPARATOR)) {
            String canonical = ItlRegions.canonical(region)
                    .orElseThrow(() -> row.problem("\"" + region + "\" is not an ITL1 region; the regions are "
                            + String.join(", ", ItlRegions.NAMES)));
            if (!regions.contains(canonical)) {
                regions.add(canonical);
            }
        }
        regions.sort(Comparator.comparingInt(ItlRegions::order));
        Set<String> areas = new TreeSet<>();
        for (String area : row.list("postcode_areas", ReferenceRow.CODE_SEPARATOR)) {
            String code = area.toUpperCase(Locale.ROOT);
            if (known.areaName(code).isEmpty()) {
                throw row.problem("\"" + area + "\" is not a postcode area in postcode-areas.csv");
            }
            areas.add(code);
        }
        if (regions.isEmpty() && areas.isEmpty()) {
            throw row.problem("the label names no regions and no postcode areas");
        }
        return new Place(List.copyOf(regions), Set.copyOf(areas));
    }

    /**
     * @throws UnknownReferenceException naming the term and the kinds of place accepted
     */
    public LocationMatch resolve(String term) {
        String given = term == null ? "" : term.strip();
        Place place = Optional.ofNullable(byName.get(Terms.key(given)))
                .orElseThrow(() -> new UnknownReferenceException(
                        given,
                        "unknown location \"" + given + "\"; use a country (UK, England, …), a region (London, …),"
                                + " a postcode area (e.g. M, EC) or its town (e.g. Manchester)"));
        return new LocationMatch(given, new LinkedHashSet<>(place.regions()), new TreeSet<>(place.areas()));
    }

    /** The labels of {@code locations.csv}, in file order (region and area names are not listed). */
    public List<String> labels() {
        return labels;
    }
}
