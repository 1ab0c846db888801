package io.agentry.company;

import static io.agentry.company.SnapshotFile.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.support.Clock;
import io.agentry.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebsiteImportTest {
    private static Database database;

    @TempDir
    Path dir;

    private List<ImportProblem> problems = List.of();

    @BeforeAll
    static void setUp() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @BeforeEach
    void catalogue() throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE companies CASCADE");
        }
        Path catalogue = SnapshotFile.write(
                dir.resolve("catalogue.csv"),
                aCompany("00012345", "PADDED LTD").toString(),
                aCompany("SC123456", "SCOTTISH LTD").toString(),
                aCompany("07687209", "OBAC LTD").toString());
        new CompanyImport(database, ReferenceData.bundled(), ImportListener.SILENT, Clock.system()).run(catalogue);
    }

    @Test
    void sets_websites_by_company_number_and_reports_what_it_cannot_use() throws Exception {
        ImportSummary summary = importFile(Files.writeString(dir.resolve("crm.csv"), """
                Company_Number,Website,Owner
                12345,padded.example,alice
                sc123456,HTTPS://Scottish.Example/about?x=1,bob
                99999999,https://unknown.example,carol
                07687209,ftp://files.example,dave
                07687209,https://obac.example,erin
                12345,https://second.example,frank
                """));

        assertThat(summary.rowsRead()).isEqualTo(6);
        assertThat(summary.updated()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(query("SELECT company_number || ' ' || website FROM companies ORDER BY 1"))
                .containsExactly(
                        "00012345 https://padded.example/",
                        "07687209 https://obac.example/",
                        "SC123456 https://scottish.example/about?x=1");
        assertThat(problems)
                .extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                5L,
                                "website \"ftp://files.example\" is not a web address (http or https, with a domain)"),
                        org.assertj.core.groups.Tuple.tuple(7L, "company 00012345 is already on an earlier line"),
                        org.assertj.core.groups.Tuple.tuple(4L, "company 99999999 is not in the catalogue"));

        ImportSummary again = importFile(dir.resolve("crm.csv"));
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void every_file_of_a_folder_is_imported_and_a_number_is_used_once_across_them() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("crm"));
        Files.writeString(folder.resolve("a.csv"), "company_number,website\n12345,padded.example\n");
        Files.writeString(
                folder.resolve("b.csv"), "company_number,website\nSC123456,scottish.example\n12345,again.example\n");

        ImportSummary summary = importFile(folder);

        assertThat(summary.updated()).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("b.csv");
            assertThat(problem.line()).isEqualTo(3);
        });
        assertThat(query("SELECT website FROM companies WHERE company_number = '00012345'"))
                .containsExactly("https://padded.example/");
    }

    @Test
    void a_file_without_the_two_columns_is_refused() throws Exception {
        Path file = Files.writeString(dir.resolve("wrong.csv"), "number,url\n00012345,https://x.example\n");

        assertThatThrownBy(() -> importFile(file))
                .isInstanceOf(ImportException.class)
                .hasMessageEndingWith("needs a header with the columns company_number and website, has number, url");
        assertThat(query("SELECT count(*) FROM companies WHERE website IS NOT NULL"))
                .containsExactly("0");
    }

    private ImportSummary importFile(Path file) {
        RecordedImport listener = new RecordedImport();
        problems = listener.problems;
        return new WebsiteImport(database, listener, Clock.system()).run(file);
    }

    private static List<String> query(String sql) throws SQLException {
        return RecordedImport.query(database, sql);
    }
}
