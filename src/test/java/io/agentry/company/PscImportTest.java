package io.agentry.company;

import static io.agentry.company.SnapshotFile.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import io.agentry.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PscImportTest {
    private static Database database;

    @TempDir
    Path dir;

    private List<ImportProblem> problems = List.of();

    @BeforeAll
    static void setUp() throws Exception {
        database = TestDatabase.fresh();
        Path catalogue = Files.createTempFile("catalogue", ".csv");
        SnapshotFile.write(
                catalogue,
                aCompany("07687209", "CONTROLLED LTD").toString(),
                aCompany("SC123456", "SCOTTISH LTD").toString());
        new CompanyImport(database, ReferenceData.bundled(), ImportListener.SILENT, Clock.system()).run(catalogue);
        Files.delete(catalogue);
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void loads_the_snapshot_and_counts_each_companys_active_controllers() throws Exception {
        ImportSummary summary = importFile(Files.writeString(
                dir.resolve("psc-snapshot-2026-12-01_1of1.txt"),
                String.join(
                        "\n",
                        psc(
                                "07687209",
                                "individual/aaa",
                                "individual-person-with-significant-control",
                                "Jane SMITH",
                                null),
                        psc(
                                "07687209",
                                "individual/bbb",
                                "individual-person-with-significant-control",
                                "John SMITH",
                                "2024-03-01"),
                        psc(
                                "07687209",
                                "corporate-entity/ccc",
                                "corporate-entity-person-with-significant-control",
                                "HOLDING LTD",
                                null),
                        "{\"company_number\":\"07687209\",\"data\":{\"kind\":\"persons-with-significant-control-statement\","
                                + "\"statement\":\"no-individual-or-entity-with-signficant-control\","
                                + "\"notified_on\":\"2016-04-06\",\"links\":{\"self\":\"/company/07687209/"
                                + "persons-with-significant-control-statements/ddd\"},\"etag\":\"e4\"}}",
                        psc(
                                "SC123456",
                                "individual/eee",
                                "individual-person-with-significant-control",
                                "Ann ROSS",
                                null),
                        "{\"data\":{\"kind\":\"totals#persons-of-significant-control-snapshot\","
                                + "\"persons_of_significant_control_count\":5}}")));

        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.inserted()).isEqualTo(5);
        assertThat(problems).isEmpty();
        assertThat(query("SELECT company_number || ':' || psc_count FROM companies ORDER BY 1"))
                .containsExactly("07687209:2", "SC123456:1");
        assertThat(query("SELECT name || ' ' || array_to_string(natures_of_control, ',') || ' ' || notified_on "
                        + "FROM company_pscs WHERE psc_id LIKE '%/aaa'"))
                .containsExactly(
                        "Jane SMITH ownership-of-shares-25-to-50-percent,voting-rights-25-to-50-percent 2019-05-01");
    }

    @Test
    void importing_again_changes_nothing_and_bad_lines_are_reported_and_skipped() throws Exception {
        Path file = Files.writeString(
                dir.resolve("psc.txt"),
                String.join(
                        "\n",
                        psc(
                                "07687209",
                                "individual/fff",
                                "individual-person-with-significant-control",
                                "Al BAKER",
                                null),
                        "not json",
                        "{\"company_number\":\"07687209\",\"data\":{\"kind\":\"individual-person-with-significant-control\"}}",
                        psc(
                                "07687209",
                                "individual/fff",
                                "individual-person-with-significant-control",
                                "Al BAKER",
                                null)));
        ImportSummary first = importFile(file);
        assertThat(first.inserted()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(3);
        assertThat(problems)
                .extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2L, "the line is not a JSON object"),
                        org.assertj.core.groups.Tuple.tuple(
                                3L, "data.links.self is missing: the record cannot be identified"),
                        org.assertj.core.groups.Tuple.tuple(
                                4L,
                                "record /company/07687209/persons-with-significant-control/individual/fff"
                                        + " is already on an earlier line"));

        ImportSummary second = importFile(file);

        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
    }

    private static String psc(String number, String id, String kind, String name, String ceasedOn) {
        return "{\"company_number\":\"" + number + "\",\"data\":{\"address\":{\"locality\":\"London\"},"
                + (ceasedOn == null ? "" : "\"ceased_on\":\"" + ceasedOn + "\",")
                + "\"etag\":\"etag-" + id + "\",\"kind\":\"" + kind + "\","
                + "\"links\":{\"self\":\"/company/" + number + "/persons-with-significant-control/" + id + "\"},"
                + "\"name\":\"" + name + "\",\"natures_of_control\":[\"ownership-of-shares-25-to-50-percent\","
                + "\"voting-rights-25-to-50-percent\"],\"notified_on\":\"2019-05-01\"}}";
    }

    private ImportSummary importFile(Path file) {
        RecordedImport listener = new RecordedImport();
        problems = listener.problems;
        return new PscImport(database, listener, Clock.system()).run(file);
    }

    private static List<String> query(String sql) throws SQLException {
        return RecordedImport.query(database, sql);
    }
}
