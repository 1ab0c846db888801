package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.db.Database;
import io.agentry.support.Json;
import io.agentry.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentry import} and {@code agentry companies}, as a user runs them. */
class CompanyCommandsTest {
    private static final String HEADER = "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,"
            + "RegAddress.AddressLine1, RegAddress.AddressLine2,RegAddress.PostTown,RegAddress.County,RegAddress.Country,"
            + "RegAddress.PostCode,CompanyCategory,CompanyStatus,CountryOfOrigin,DissolutionDate,IncorporationDate,"
            + "Accounts.AccountRefDay,Accounts.AccountRefMonth,Accounts.NextDueDate,Accounts.LastMadeUpDate,"
            + "Accounts.AccountCategory,Returns.NextDueDate,Returns.LastMadeUpDate,Mortgages.NumMortCharges,"
            + "Mortgages.NumMortOutstanding,Mortgages.NumMortPartSatisfied,Mortgages.NumMortSatisfied,SICCode.SicText_1,"
            + "SICCode.SicText_2,SICCode.SicText_3,SICCode.SicText_4,LimitedPartnerships.NumGenPartners,"
            + "LimitedPartnerships.NumLimPartners,URI,PreviousName_1.CONDATE, PreviousName_1.CompanyName,"
            + " PreviousName_2.CONDATE, PreviousName_2.CompanyName,PreviousName_3.CONDATE, PreviousName_3.CompanyName,"
            + "PreviousName_4.CONDATE, PreviousName_4.CompanyName,PreviousName_5.CONDATE, PreviousName_5.CompanyName,"
            + "PreviousName_6.CONDATE, PreviousName_6.CompanyName,PreviousName_7.CONDATE, PreviousName_7.CompanyName,"
            + "PreviousName_8.CONDATE, PreviousName_8.CompanyName,PreviousName_9.CONDATE, PreviousName_9.CompanyName,"
            + "PreviousName_10.CONDATE, PreviousName_10.CompanyName,ConfStmtNextDueDate, ConfStmtLastMadeUpDate";

    private static Database database;

    @TempDir
    static Path dir;

    @BeforeAll
    static void importCatalogue() throws Exception {
        database = TestDatabase.fresh();
        Path file = Files.writeString(
                dir.resolve("BasicCompanyData.csv"),
                String.join(
                        "\r\n",
                        HEADER,
                        line(
                                "NORTHWIND ANALYTICS LTD",
                                "09000001",
                                "M1 4ET",
                                "Active",
                                "SMALL",
                                "62012 - Business and domestic software development"),
                        line(
                                "COBALT LEDGER LTD",
                                "SC900002",
                                "EH2 2AD",
                                "Active",
                                "MICRO ENTITY",
                                "64999 - Financial intermediation not elsewhere classified"),
                        line(
                                "HARBOURSIDE LOGISTICS LIMITED",
                                "09000003",
                                "BS1 4DJ",
                                "Liquidation",
                                "MEDIUM",
                                "49410 - Freight transport by road"),
                        line("", "09000004", "BS1 4DJ", "Active", "SMALL", "None Supplied")));

        AgentryRun run = agentry("import", "companies-house", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Imported companies-house: 4 rows read: 3 inserted, 0 updated, 0 unchanged, 1 rejected");
        assertThat(run.err()).contains("BasicCompanyData.csv line 5: CompanyName is empty (skipped)");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @Test
    void importing_the_same_file_again_says_nothing_changed() {
        AgentryRun run = agentry(
                "import", "companies-house", dir.resolve("BasicCompanyData.csv").toString());

        assertThat(run.out()).contains("3 unchanged, 1 rejected");
        assertThat(run.out()).contains("0 inserted, 0 updated");
    }

    @Test
    void search_by_industry_label_and_location_shows_a_table() {
        AgentryRun run = agentry("companies", "search", "--industry", "SaaS", "--location", "North West");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("NUMBER")
                .contains("NAME", "REGION", "SIZE");
        assertThat(run.out()).contains("09000001", "NORTHWIND ANALYTICS LTD", "North West", "small", "62012");
    }

    @Test
    void search_as_json_by_name_status_and_size() {
        AgentryRun run = agentry(
                "companies",
                "search",
                "--name",
                "cobalt led",
                "--status",
                "active",
                "--size",
                "micro",
                "--location",
                "Scotland",
                "--json");

        JsonNode companies = Json.read(run.out());
        assertThat(companies).hasSize(1);
        assertThat(companies.get(0).get("company_number").asText()).isEqualTo("SC900002");
        assertThat(companies.get(0).get("region").asText()).isEqualTo("Scotland");
        assertThat(companies.get(0).get("sic_codes").get(0).asText()).isEqualTo("64999");
    }

    @Test
    void status_filters_and_nothing_matching_is_said_plainly() {
        assertThat(agentry("companies", "search", "--status", "Liquidation").out())
                .contains("HARBOURSIDE");
        assertThat(agentry("companies", "search", "--industry", "FinTech", "--location", "London")
                        .out())
                .isEqualTo("No company matches." + System.lineSeparator());
    }

    @Test
    void an_unknown_label_is_refused_naming_the_flag_and_the_known_labels() {
        AgentryRun run = agentry("companies", "search", "--industry", "Underwater Basket Weaving");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("--industry: unknown industry \"Underwater Basket Weaving\"")
                .contains("SaaS", "FinTech", "Cybersecurity");
        assertThat(agentry("companies", "search", "--location", "Atlantis").err())
                .contains("--location: unknown location \"Atlantis\"");
        assertThat(agentry("companies", "search", "--size", "huge").err()).contains("--size: ");
    }

    @Test
    void a_reference_directory_replaces_the_industry_labels() throws Exception {
        Path reference = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(
                reference.resolve("industries.csv"), "label,aliases,sic,note\nLedgers,,64999,our own label\n");

        AgentryRun run =
                agentry("companies", "search", "--industry", "Ledgers", "--reference-dir", reference.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("COBALT LEDGER LTD").doesNotContain("NORTHWIND");
        assertThat(agentry("companies", "search", "--industry", "SaaS", "--reference-dir", reference.toString())
                        .err())
                .contains("--industry: unknown industry \"SaaS\"")
                .contains("Ledgers");
    }

    @Test
    void a_missing_reference_directory_is_refused_before_a_database_is_made() {
        Path dataDir = dir.resolve("never-made");

        AgentryRun run = AgentryRun.of(
                "import",
                "companies-house",
                dir.resolve("BasicCompanyData.csv").toString(),
                "--reference-dir",
                dir.resolve("no-such-folder").toString(),
                "--data-dir",
                dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("agentry import companies-house: ").contains("no-such-folder");
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void show_prints_what_the_catalogue_holds_with_the_size_as_an_estimate() {
        AgentryRun run = agentry("companies", "show", "9000001");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("NORTHWIND ANALYTICS LTD (09000001)")
                .contains("SIC:")
                .contains("62012 Business and domestic software development")
                .contains("Region:", "North West")
                .contains("small, 0–50 employees, turnover up to £15,000,000 (estimate: accounts category SMALL");

        JsonNode json =
                Json.read(agentry("companies", "show", "09000001", "--json").out());
        assertThat(json.get("size").get("band").asText()).isEqualTo("small");
        assertThat(json.get("registered_address").get("postcode").asText()).isEqualTo("M1 4ET");
    }

    @Test
    void show_of_an_unknown_company_says_so() {
        AgentryRun run = agentry("companies", "show", "09999999");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No company 09999999 in the catalogue.");
    }

    @Test
    void websites_import_reports_problems_to_a_file_too() throws Exception {
        Path websites = Files.writeString(
                dir.resolve("websites.csv"), "company_number,website\n9000001,northwind.example\n123,x.example\n");
        Path problems = dir.resolve("problems.csv");

        AgentryRun run = agentry("import", "websites", websites.toString(), "--problems", problems.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Imported websites: 2 rows read: 0 inserted, 1 updated, 0 unchanged, 1 rejected");
        assertThat(Files.readAllLines(problems))
                .containsExactly(
                        "file,line,outcome,reason", websites + ",3,skipped,company 00000123 is not in the catalogue");
        assertThat(agentry("companies", "show", "09000001").out()).contains("https://northwind.example/");
    }

    @Test
    void an_import_needs_a_file_or_the_sample_and_only_some_have_a_sample() {
        AgentryRun none = AgentryRun.of("import", "companies-house");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give the FILE to import");

        AgentryRun both = AgentryRun.of("import", "websites", "websites.csv", "--sample");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give a FILE or --sample, not both");

        AgentryRun psc = AgentryRun.of("import", "psc", "--sample");
        assertThat(psc.exitCode()).isEqualTo(2);
        assertThat(psc.err()).contains("Unknown option: '--sample'");
    }

    @Test
    void a_missing_file_is_a_clear_error() {
        AgentryRun run = agentry("import", "psc", dir.resolve("nowhere.txt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("agentry import psc: " + dir.resolve("nowhere.txt") + " does not exist");
    }

    private static String line(
            String name, String number, String postcode, String status, String accounts, String sic) {
        List<String> fields = new ArrayList<>(java.util.Collections.nCopies(55, ""));
        fields.set(0, name);
        fields.set(1, number);
        fields.set(9, postcode);
        fields.set(10, "Private Limited Company");
        fields.set(11, status);
        fields.set(19, accounts);
        fields.set(26, sic);
        return "\"" + String.join("\",\"", fields) + "\"";
    }

    private static AgentryRun agentry(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--database-url", database.url(),
                "--database-user", database.user(),
                "--database-password", database.password()));
        return AgentryRun.of(all.toArray(String[]::new));
    }
}
