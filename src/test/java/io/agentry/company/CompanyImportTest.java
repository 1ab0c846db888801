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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanyImportTest {
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
    void emptyCatalogue() throws SQLException {
        execute("TRUNCATE companies, sic_codes, catalogue_snapshot CASCADE");
    }

    @Test
    void imports_the_published_header_and_line_exactly() throws Exception {
        ImportSummary summary = importFile(SnapshotFile.write(dir.resolve("BasicCompanyData.csv"), SnapshotFile.OBAC));

        assertThat(summary.inserted()).isEqualTo(1);
        assertThat(problems).isEmpty();
        assertThat(row("07687209"))
                .containsEntry("name", "!OBAC UK LIMITED")
                .containsEntry("status", "Active")
                .containsEntry("company_type", "Private Limited Company")
                .containsEntry("incorporation_date", "2011-06-29")
                .containsEntry("dissolution_date", null)
                .containsEntry("sic_codes", "{70229}")
                .containsEntry("address_line_1", "UNIT 9   BERRY COURT FARM BRAMLEY ROAD")
                .containsEntry("address_line_2", "LITTLE LONDON")
                .containsEntry("post_town", "TADLEY")
                .containsEntry("county", "HAMPSHIRE")
                .containsEntry("country", null)
                .containsEntry("postcode", "RG26 5AT")
                .containsEntry("postcode_area", "RG")
                .containsEntry(
                        "region", reference().regions().regionOf("RG26 5AT").orElseThrow())
                .containsEntry("accounts_category", "TOTAL EXEMPTION FULL")
                .containsEntry("accounts_next_due", "2022-09-29")
                .containsEntry("accounts_last_made_up", "2020-12-31")
                .containsEntry("confirmation_statement_next_due", "2022-07-13")
                .containsEntry("confirmation_statement_last_made_up", "2021-06-29");
        assertThat(query("SELECT description FROM sic_codes WHERE code = '70229'"))
                .containsExactly("Management consultancy activities other than financial management");
    }

    @Test
    void the_catalogue_describes_the_day_of_its_latest_filing_and_an_older_file_does_not_move_it_back()
            throws Exception {
        Catalogue catalogue = new Catalogue(database.dataSource(), ReferenceData.bundled());
        assertThat(catalogue.dataAsOf()).isEmpty();

        importFile(SnapshotFile.write(dir.resolve("BasicCompanyData.csv"), SnapshotFile.OBAC));
        assertThat(catalogue.dataAsOf()).contains(LocalDate.of(2021, 6, 29));

        importFile(SnapshotFile.write(
                dir.resolve("older.csv"),
                aCompany("00000009", "OLDER LTD").set(18, "31/12/2019").toString()));
        assertThat(catalogue.dataAsOf()).contains(LocalDate.of(2021, 6, 29));
    }

    @Test
    void derives_the_size_band_from_the_accounts_category_as_an_estimate_with_its_source() throws Exception {
        importFile(SnapshotFile.write(
                dir.resolve("sizes.csv"),
                aCompany("00000001", "MICRO LTD").accounts("MICRO ENTITY").toString(),
                aCompany("00000002", "UNKNOWN SIZE LTD").toString()));

        assertThat(row("00000001"))
                .containsEntry("size_band", "micro")
                .containsEntry("employees_min", "0")
                .containsEntry("employees_max", "10")
                .containsEntry("turnover_max_gbp", "1000000")
                .containsEntry(
                        "size_source",
                        "accounts category MICRO ENTITY (Companies Act 2006 thresholds from 6 April 2025)")
                .containsEntry("employee_count", null);
        assertThat(row("00000002")).containsEntry("size_band", null).containsEntry("size_source", null);
    }

    @Test
    void reads_quoted_commas_and_quotes_and_empty_fields() throws Exception {
        importFile(SnapshotFile.write(
                dir.resolve("quoted.csv"),
                aCompany("SC123456", "SMITH, JONES & \"PARTNERS\" LTD")
                        .town("EDINBURGH")
                        .toString()));

        assertThat(row("SC123456"))
                .containsEntry("name", "SMITH, JONES & \"PARTNERS\" LTD")
                .containsEntry("post_town", "EDINBURGH")
                .containsEntry("postcode", null)
                .containsEntry("region", null)
                .containsEntry("incorporation_date", null)
                .containsEntry("sic_codes", "{}");
    }

    @Test
    void none_supplied_sic_gives_no_code_and_codes_keep_their_order() throws Exception {
        importFile(SnapshotFile.write(
                dir.resolve("sic.csv"),
                aCompany("00000003", "NONE LTD").sic("None Supplied").toString(),
                aCompany("00000004", "TWO LTD")
                        .sic("62012 - Business and domestic software development", "58290 - Other software publishing")
                        .toString()));

        assertThat(row("00000003")).containsEntry("sic_codes", "{}");
        assertThat(row("00000004")).containsEntry("sic_codes", "{62012,58290}");
        assertThat(problems).isEmpty();
    }

    @Test
    void a_bad_date_is_left_empty_and_reported_with_its_line() throws Exception {
        ImportSummary summary = importFile(SnapshotFile.write(
                dir.resolve("dates.csv"),
                aCompany("00000005", "GOOD LTD").incorporated("01/02/2003").toString(),
                aCompany("00000006", "FEBRUARY LTD").incorporated("31/02/2011").toString(),
                aCompany("00000007", "ISO LTD").incorporated("2011-06-29").toString()));

        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(summary.fieldsLeftEmpty()).isEqualTo(2);
        assertThat(row("00000005")).containsEntry("incorporation_date", "2003-02-01");
        assertThat(row("00000006")).containsEntry("incorporation_date", null).containsEntry("name", "FEBRUARY LTD");
        assertThat(problems)
                .extracting(ImportProblem::line, ImportProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, ImportProblem.Kind.FIELD_LEFT_EMPTY),
                        org.assertj.core.groups.Tuple.tuple(4L, ImportProblem.Kind.FIELD_LEFT_EMPTY));
        assertThat(problems.get(0).reason()).isEqualTo("IncorporationDate \"31/02/2011\" is not a date (dd/mm/yyyy)");
    }

    @Test
    void unusable_rows_are_reported_with_their_line_and_skipped_and_the_import_goes_on() throws Exception {
        ImportSummary summary = importFile(SnapshotFile.write(
                dir.resolve("bad.csv"),
                aCompany("", "NO NUMBER LTD").toString(),
                aCompany("12-34", "ODD NUMBER LTD").toString(),
                aCompany("00000008", "").toString(),
                "\"SHORT LTD\",\"00000009\"",
                aCompany("00000010", "FINE LTD").toString()));

        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.rejected()).isEqualTo(4);
        assertThat(summary.inserted()).isEqualTo(1);
        assertThat(problems)
                .extracting(ImportProblem::line, ImportProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "CompanyNumber is empty"),
                        org.assertj.core.groups.Tuple.tuple(
                                3L, "CompanyNumber \"12-34\" is not a company number (8 letters or digits)"),
                        org.assertj.core.groups.Tuple.tuple(4L, "CompanyName is empty"),
                        org.assertj.core.groups.Tuple.tuple(5L, "has 2 fields, the header has 55"));
        assertThat(query("SELECT company_number FROM companies")).containsExactly("00000010");
    }

    @Test
    void a_number_given_twice_keeps_the_first_line_and_reports_the_second() throws Exception {
        ImportSummary summary = importFile(SnapshotFile.write(
                dir.resolve("twice.csv"),
                aCompany("00000011", "FIRST LTD").toString(),
                aCompany("00000012", "OTHER LTD").toString(),
                aCompany("11", "SECOND LTD").toString()));

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(row("00000011")).containsEntry("name", "FIRST LTD");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.reason()).isEqualTo("CompanyNumber 00000011 is already on an earlier line");
        });
    }

    @Test
    void imports_the_zip_it_ships_in() throws Exception {
        Path zip = SnapshotFile.zip(
                dir.resolve("BasicCompanyDataAsOneFile-2026-11-01.zip"),
                "BasicCompanyDataAsOneFile-2026-11-01.csv",
                SnapshotFile.OBAC,
                aCompany("00000013", "ZIPPED LTD").toString());

        assertThat(importFile(zip).inserted()).isEqualTo(2);
        assertThat(row("00000013")).containsEntry("name", "ZIPPED LTD");
    }

    @Test
    void imports_a_folder_of_parts_in_name_order() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("parts"));
        SnapshotFile.write(
                folder.resolve("BasicCompanyData-2026-11-01-part1_2.csv"),
                aCompany("00000014", "PART ONE LTD").toString());
        SnapshotFile.zip(
                folder.resolve("BasicCompanyData-2026-11-01-part2_2.zip"),
                "BasicCompanyData-2026-11-01-part2_2.csv",
                aCompany("00000015", "PART TWO LTD").toString(),
                aCompany("00000014", "AGAIN LTD").toString());
        Files.writeString(folder.resolve("README.txt"), "not a part");

        ImportSummary summary = importFile(folder);

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).endsWith("part2_2.csv");
            assertThat(problem.line()).isEqualTo(3);
        });
        assertThat(row("00000014")).containsEntry("name", "PART ONE LTD");
    }

    @Test
    void importing_the_same_file_again_changes_nothing() throws Exception {
        Path file = SnapshotFile.write(
                dir.resolve("again.csv"),
                SnapshotFile.OBAC,
                aCompany("00000016", "STEADY LTD")
                        .sic("62020 - Information technology consultancy activities")
                        .toString());
        importFile(file);
        String before = query("SELECT string_agg(c::text, '|' ORDER BY id) FROM companies c")
                .get(0);

        ImportSummary second = importFile(file);

        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(query("SELECT string_agg(c::text, '|' ORDER BY id) FROM companies c"))
                .containsExactly(before);
    }

    @Test
    void next_months_snapshot_updates_in_place_and_keeps_enrichment() throws Exception {
        importFile(SnapshotFile.write(
                dir.resolve("november.csv"), aCompany("00000017", "MOVING LTD").toString()));
        execute("UPDATE companies SET website = 'https://moving.example/', tech_stack = '{React}'");

        ImportSummary december = importFile(SnapshotFile.write(
                dir.resolve("december.csv"),
                aCompany("00000017", "MOVING LTD").status("Liquidation").toString(),
                aCompany("00000018", "NEW LTD").toString()));

        assertThat(december.updated()).isEqualTo(1);
        assertThat(december.inserted()).isEqualTo(1);
        assertThat(row("00000017"))
                .containsEntry("status", "Liquidation")
                .containsEntry("website", "https://moving.example/")
                .containsEntry("tech_stack", "{React}");
    }

    @Test
    void a_file_that_is_not_a_snapshot_is_refused_before_anything_is_loaded() throws Exception {
        Path good = SnapshotFile.write(
                dir.resolve("a-good.csv"), aCompany("00000019", "GOOD LTD").toString());
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        Files.copy(good, folder.resolve("a-good.csv"));
        Files.writeString(folder.resolve("b-other.csv"), "company_number,website\n00000019,https://x.example\n");

        assertThatThrownBy(() -> importFile(folder))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("b-other.csv is not a Companies House company snapshot")
                .hasMessageContaining("CompanyName");
        assertThat(query("SELECT count(*) FROM companies")).containsExactly("0");
    }

    @Test
    void a_first_import_that_breaks_off_leaves_the_catalogue_empty_with_its_indexes() throws Exception {
        List<String> indexes = query("SELECT indexdef FROM pg_indexes WHERE tablename = 'companies' ORDER BY 1");
        Path folder = Files.createDirectory(dir.resolve("broken"));
        SnapshotFile.write(
                folder.resolve("part1.csv"),
                aCompany("00000020", "LOADED FIRST LTD").toString());
        String[] lines = new String[5_000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = aCompany(String.format("%08d", 2_000_000 + i), "PART TWO COMPANY " + i + " LTD")
                    .toString();
        }
        Path zip = SnapshotFile.zip(folder.resolve("part2.zip"), "part2.csv", lines);
        corruptNearTheEnd(zip);

        assertThatThrownBy(() -> importFile(folder))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("part2.csv could not be read to the end");

        assertThat(query("SELECT count(*) FROM companies")).containsExactly("0");
        assertThat(query("SELECT indexdef FROM pg_indexes WHERE tablename = 'companies' ORDER BY 1"))
                .isEqualTo(indexes)
                .hasSizeGreaterThan(5);
    }

    @Test
    void a_later_import_that_breaks_off_keeps_its_committed_chunks_and_a_second_run_completes_it() throws Exception {
        importFile(SnapshotFile.write(
                dir.resolve("first.csv"),
                aCompany("00000021", "ALREADY HERE LTD").toString()));
        Path folder = Files.createDirectory(dir.resolve("next-month"));
        String[] lines = new String[SnapshotStore.CHUNK + 10];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = aCompany(String.format("%08d", 3_000_000 + i), "NEXT MONTH COMPANY " + i + " LTD")
                    .toString();
        }
        SnapshotFile.write(folder.resolve("part1.csv"), lines);
        String[] more = new String[5_000];
        for (int i = 0; i < more.length; i++) {
            more[i] = aCompany(String.format("%08d", 4_000_000 + i), "PART TWO COMPANY " + i + " LTD")
                    .toString();
        }
        Path zip = SnapshotFile.zip(folder.resolve("part2.zip"), "part2.csv", more);
        byte[] intact = Files.readAllBytes(zip);
        corruptNearTheEnd(zip);

        assertThatThrownBy(() -> importFile(folder)).isInstanceOf(ImportException.class);
        assertThat(query("SELECT count(*) FROM companies"))
                .as("the first chunk was committed, the rest not")
                .containsExactly(String.valueOf(1 + SnapshotStore.CHUNK));

        Files.write(zip, intact);
        ImportSummary again = importFile(folder);

        assertThat(again.unchanged()).isEqualTo(SnapshotStore.CHUNK);
        assertThat(again.inserted()).isEqualTo(10 + more.length);
        assertThat(query("SELECT count(*) FROM companies"))
                .containsExactly(String.valueOf(1 + lines.length + more.length));
    }

    /** Flips bytes in the compressed data of the zip's last fifth, before its central directory. */
    private static void corruptNearTheEnd(Path zip) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        int directory = bytes.length - 200;
        for (int i = directory * 4 / 5; i < directory * 4 / 5 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(zip, bytes);
    }

    @Test
    void more_rows_than_one_chunk_are_all_loaded_the_first_time_and_the_next() throws Exception {
        int rows = SnapshotStore.CHUNK + 10;
        String[] lines = new String[rows];
        for (int i = 0; i < rows; i++) {
            lines[i] = aCompany(String.format("%08d", 1_000_000 + i), "COMPANY " + i + " LTD")
                    .postcode("M1 1AE")
                    .toString();
        }

        Path file = SnapshotFile.write(dir.resolve("large.csv"), lines);

        assertThat(importFile(file).inserted()).isEqualTo(rows);
        assertThat(query("SELECT count(*) FROM companies WHERE postcode_area = 'M'"))
                .containsExactly(String.valueOf(rows));
        assertThat(importFile(file).unchanged()).isEqualTo(rows);
    }

    private ImportSummary importFile(Path file) {
        RecordedImport listener = new RecordedImport();
        problems = listener.problems;
        return new CompanyImport(database, reference(), listener, Clock.system()).run(file);
    }

    private static ReferenceData reference() {
        return ReferenceData.bundled();
    }

    private static Map<String, String> row(String number) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT * FROM companies WHERE company_number = ?")) {
            statement.setString(1, number);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next())
                        .as("company %s is in the catalogue", number)
                        .isTrue();
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                }
                return row;
            }
        }
    }

    private static List<String> query(String sql) throws SQLException {
        return RecordedImport.query(database, sql);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
