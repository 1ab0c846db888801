package io.agentry.company.reference;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The catalogue's reference data: SIC 2007 sections and divisions, the industry taxonomy, postcode
 * areas and their regions, location names, and company size bands. Each is a CSV file bundled
 * under {@code reference/} on the classpath; a file of the same name in an override directory
 * ({@value #DIRECTORY_VARIABLE}) replaces the bundled one entirely. Everything is read and checked
 * when loaded, so a bad file fails at start-up with its name and line, not in the middle of a
 * search. The instances are immutable and safe to share between threads.
 */
public final class ReferenceData {
    /** The environment variable naming a directory whose files replace the bundled ones. */
    public static final String DIRECTORY_VARIABLE = "AGENTRY_REFERENCE_DIR";

    private final SicIndex sic;
    private final IndustryTaxonomy industries;
    private final Regions regions;
    private final Locations locations;
    private final SizeBands sizeBands;

    private ReferenceData(
            SicIndex sic, IndustryTaxonomy industries, Regions regions, Locations locations, SizeBands sizeBands) {
        this.sic = sic;
        this.industries = industries;
        this.regions = regions;
        this.locations = locations;
        this.sizeBands = sizeBands;
    }

    /** The bundled files only, read once. */
    public static ReferenceData bundled() {
        return Bundled.DATA;
    }

    /**
     * The bundled files, with each file present in {@code overrideDir} replacing its bundled
     * namesake.
     *
     * @throws ReferenceDataException when the directory does not exist, holds a CSV file that is
     *     not a reference file, or a file is unreadable or holds a bad line
     */
    public static ReferenceData load(Path overrideDir) {
        return read(ReferenceFiles.overriddenBy(Objects.requireNonNull(overrideDir, "overrideDir")));
    }

    /**
     * {@link #load} of {@code directory} when it is given and not blank, else {@link #bundled}: for
     * a setting such as {@value #DIRECTORY_VARIABLE}, where an empty value means none.
     */
    public static ReferenceData forDirectory(String directory) {
        return directory == null || directory.isBlank() ? bundled() : load(Path.of(directory.strip()));
    }

    public SicIndex sic() {
        return sic;
    }

    public IndustryTaxonomy industries() {
        return industries;
    }

    public Regions regions() {
        return regions;
    }

    public Locations locations() {
        return locations;
    }

    public SizeBands sizeBands() {
        return sizeBands;
    }

    private static ReferenceData read(ReferenceFiles files) {
        SicIndex sic = SicIndex.read(files.rows(ReferenceFile.SIC_SECTIONS), files.rows(ReferenceFile.SIC_DIVISIONS));
        IndustryTaxonomy industries = IndustryTaxonomy.read(files.rows(ReferenceFile.INDUSTRIES), sic);
        Regions regions = Regions.read(files.rows(ReferenceFile.POSTCODE_AREAS));
        Locations locations = Locations.read(files.rows(ReferenceFile.LOCATIONS), regions);
        SizeBands sizeBands =
                SizeBands.read(files.rows(ReferenceFile.SIZE_THRESHOLDS), files.rows(ReferenceFile.SIZE_BANDS));
        return new ReferenceData(sic, industries, regions, locations, sizeBands);
    }

    /** Holds the bundled data, read on first use. */
    private static final class Bundled {
        static final ReferenceData DATA = read(ReferenceFiles.bundled());
    }
}
