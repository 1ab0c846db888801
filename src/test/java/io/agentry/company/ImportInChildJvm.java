package io.agentry.company;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import java.nio.file.Path;

/** Imports a snapshot in its own JVM, whose heap the test chooses: args URL USER PASSWORD FILE. */
public final class ImportInChildJvm {
    private ImportInChildJvm() {}

    public static void main(String[] args) {
        try (Database database = Database.onServer(args[0], args[1], args[2], 2)) {
            ImportSummary summary = new CompanyImport(
                            database, ReferenceData.bundled(), ImportListener.SILENT, Clock.system())
                    .run(Path.of(args[3]));
            Runtime runtime = Runtime.getRuntime();
            System.out.println("imported " + summary.inserted() + " with a heap of at most "
                    + runtime.maxMemory() / (1 << 20) + " MiB");
        }
    }
}
