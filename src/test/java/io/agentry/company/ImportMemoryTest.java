package io.agentry.company;

import static io.agentry.company.SnapshotFile.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.Database;
import io.agentry.testing.ChildJvm;
import io.agentry.testing.TestDatabase;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import streams: a file several times larger than the heap imports in full. */
class ImportMemoryTest {
    private static final int ROWS = 300_000;
    private static final String HEAP = "-Xmx64m";

    @Test
    void a_file_larger_than_the_heap_imports_in_constant_memory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BasicCompanyData-large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(SnapshotFile.HEADER + "\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(aCompany(String.format("%08d", i), "LARGE COMPANY NUMBER " + i + " TRADING AS SOMETHING LTD")
                                .postcode("EC1A 1BB")
                                .sic("62012 - Business and domestic software development")
                                .set(4, "UNIT " + i + " A LONG ADDRESS LINE WITH MANY WORDS IN IT")
                                .set(32, "http://business.data.gov.uk/id/company/" + String.format("%08d", i))
                        + "\r\n");
            }
        }
        assertThat(Files.size(file))
                .as("the file is half as large again as the heap")
                .isGreaterThan(96L << 20);

        try (Database database = TestDatabase.fresh();
                ChildJvm child = ChildJvm.start(
                        List.of(HEAP),
                        ImportInChildJvm.class,
                        database.url(),
                        database.user(),
                        database.password(),
                        file.toString())) {
            assertThat(child.awaitLine("imported", Duration.ofMinutes(5)))
                    .startsWith("imported " + ROWS + " with a heap of at most");
        }
    }
}
