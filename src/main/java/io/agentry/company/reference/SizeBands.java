package io.agentry.company.reference;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Company size: the bands a search may ask for ({@code size-thresholds.csv}) and the estimate each
 * Companies House accounts category allows ({@code size-bands.csv}). A category that says nothing
 * about size (FULL, GROUP, …) has a row with no band and gives no estimate.
 */
public final class SizeBands {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, SizeBand> bands;
    private final Map<String, Optional<SizeEstimate>> byCategory;

    private SizeBands(Map<String, SizeBand> bands, Map<String, Optional<SizeEstimate>> byCategory) {
        this.bands = bands;
        this.byCategory = byCategory;
    }

    static SizeBands read(List<ReferenceRow> thresholdRows, List<ReferenceRow> categoryRows) {
        Map<String, SizeBand> bands = new LinkedHashMap<>();
        for (ReferenceRow row : thresholdRows) {
            String name = row.required("band").toLowerCase(Locale.ROOT);
            Range range = Range.of(row);
            SizeBand band = new SizeBand(
                    name, range.employeesMin(), range.employeesMax(), range.turnoverMax(), row.required("source"));
            if (bands.put(name, band) != null) {
                throw row.problem("band " + name + " appears twice");
            }
        }
        Map<String, Optional<SizeEstimate>> byCategory = new HashMap<>();
        for (ReferenceRow row : categoryRows) {
            String category = category(row.required("accounts_category"));
            if (byCategory.put(category, estimate(row, category, bands)) != null) {
                throw row.problem("accounts category " + category + " appears twice");
            }
        }
        return new SizeBands(bands, byCategory);
    }

    private static Optional<SizeEstimate> estimate(ReferenceRow row, String category, Map<String, SizeBand> bands) {
        String band = row.text("band").toLowerCase(Locale.ROOT);
        if (band.isEmpty()) {
            for (String column : List.of("employees_min", "employees_max", "turnover_max_gbp", "source")) {
                if (!row.text(column).isEmpty()) {
                    throw row.problem("a row with no band gives no estimate, yet " + column + " is filled in");
                }
            }
            return Optional.empty();
        }
        if (!bands.containsKey(band)) {
            throw row.problem("band \"" + band + "\" is not in size-thresholds.csv; the bands are "
                    + String.join(", ", bands.keySet()) + " (leave it empty for no estimate)");
        }
        Range range = Range.of(row);
        String source = "accounts category " + category + " (" + row.required("source") + ")";
        return Optional.of(
                new SizeEstimate(band, range.employeesMin(), range.employeesMax(), range.turnoverMax(), source));
    }

    /**
     * The estimate for a Companies House {@code Accounts.AccountCategory} value, in any case and
     * spacing; empty for a category that says nothing about size, or one not in the file.
     */
    public Optional<SizeEstimate> forCategory(String accountsCategory) {
        if (accountsCategory == null) {
            return Optional.empty();
        }
        // As the snapshot writes it, nearly always; only other spellings need normalising.
        Optional<SizeEstimate> estimate = byCategory.get(accountsCategory);
        return estimate != null ? estimate : byCategory.getOrDefault(category(accountsCategory), Optional.empty());
    }

    /**
     * The band a user names ("small", "Medium").
     *
     * @throws UnknownReferenceException naming the term and listing the bands
     */
    public SizeBand resolveBand(String label) {
        String given = label == null ? "" : label.strip();
        SizeBand band = bands.get(given.toLowerCase(Locale.ROOT));
        if (band == null) {
            throw new UnknownReferenceException(
                    given, "unknown size \"" + given + "\"; use one of: " + String.join(", ", bands.keySet()));
        }
        return band;
    }

    /** The bands, in file order. */
    public List<SizeBand> bands() {
        return List.copyOf(bands.values());
    }

    private static String category(String value) {
        return WHITESPACE.matcher(value.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** The employee range and turnover ceiling of a row, checked to be a range. */
    private record Range(int employeesMin, Integer employeesMax, Long turnoverMax) {
        static Range of(ReferenceRow row) {
            int min = row.wholeNumber("employees_min");
            Long max = row.optionalWholeNumber("employees_max");
            if (max != null && max < min) {
                throw row.problem("employees_max " + max + " is below employees_min " + min);
            }
            if (max != null && max > Integer.MAX_VALUE) {
                throw row.problem("employees_max " + max + " is too large");
            }
            return new Range(min, max == null ? null : max.intValue(), row.optionalWholeNumber("turnover_max_gbp"));
        }
    }
}
