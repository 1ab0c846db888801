package io.agentry.cli;

import io.agentry.company.reference.ReferenceData;
import picocli.CommandLine.Option;

/** Where the reference data comes from: the bundled files, with those of a folder in their place. */
final class ReferenceFlags {
    @Option(
            names = "--reference-dir",
            paramLabel = "DIR",
            defaultValue = "${env:AGENTRY_REFERENCE_DIR}",
            description = "A folder of reference files (industries.csv, postcode-areas.csv, …) that replace the "
                    + "bundled ones of the same name; see docs/reference-data.md. Env AGENTRY_REFERENCE_DIR. "
                    + "Default: the bundled files only.")
    String directory;

    ReferenceData load() {
        return ReferenceData.forDirectory(directory);
    }
}
