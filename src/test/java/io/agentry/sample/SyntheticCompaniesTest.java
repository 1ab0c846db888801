package io.agentry.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticCompaniesTest {
    /** The real file's first line, copied from the description of the Free Company Data Product. */
    private static final String OFFICIAL_HEADER =
            "CompanyName, CompanyNumber,RegAddress.CareOf,RegAddress.POBox,RegAddress.AddressLine1, RegAddress.AddressLine2,RegAddress.PostTown,RegAddress.County,RegAddress.Country,RegAddress.PostCode,CompanyCategory,CompanyStatus,CountryOfOrigin,DissolutionDate,IncorporationDate,Accounts.AccountRefDay,Accounts.AccountRefMonth,Accounts.NextDueDate,Accounts.LastMadeUpDate,Accounts.AccountCategory,Returns.NextDueDate,Returns.LastMadeUpDate,Mortgages.NumMortCharges,Mortgages.NumMortOutstanding,Mortgages.NumMortPartSatisfied,Mortgages.NumMortSatisfied,SICCode.SicText_1,SICCode.SicText_2,SICCode.SicText_3,SICCode.SicText_4,LimitedPartnerships.NumGenPartners,LimitedPartnerships.NumLimPartners,URI,PreviousName_1.CONDATE, PreviousName_1.CompanyName, PreviousName_2.CONDATE, PreviousName_2.CompanyName,PreviousName_3.CONDATE, PreviousName_3.CompanyName,PreviousName_4.CONDATE, PreviousName_4.CompanyName,PreviousName_5.CONDATE, PreviousName_5.CompanyName,PreviousName_6.CONDATE, PreviousName_6.CompanyName,PreviousName_7.CONDATE, PreviousName_7.CompanyName,PreviousName_8.CONDATE, PreviousName_8.CompanyName,PreviousName_9.CONDATE, PreviousName_9.CompanyName,PreviousName_10.CONDATE, PreviousName_10.CompanyName,ConfStmtNextDueDate, ConfStmtLastMadeUpDate";

    private static final int ROWS = 20_000;
    private static final Pattern QUOTED_ROW = Pattern.compile("\"(?:[^\"]|\"\")*\"(?:,\"(?:[^\"]|\"\")*\"){54}");
    private static final Pattern NUMBER = Pattern.compile("9\\d{7}|(?:SC|NI|OC|SO|NC)9\\d{5}");
    private static final Pattern SIC = Pattern.compile("\\d{5} - \\S.*");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> CATEGORIES = Set.of(
            "Private Limited Company",
            "Public Limited Company",
            "Limited Liability Partnership",
            "PRI/LTD BY GUAR/NSC (Private, limited by guarantee, no share capital)",
            "PRI/LBG/NSC (Private, Limited by guarantee, no share capital, use of 'Limited' exemption)",
            "Community Interest Company",
            "Private Unlimited Company");
    private static final Set<String> STATUSES = Set.of(
            "Active",
            "Active - Proposal to Strike off",
            "Liquidation",
            "In Administration",
            "Voluntary Arrangement",
            "Live but Receiver Manager on at least one charge",
            "Dissolved");
    private static final Set<String> ACCOUNT_CATEGORIES = Set.of(
            "MICRO ENTITY",
            "SMALL",
            "MEDIUM",
            "FULL",
            "GROUP",
            "DORMANT",
            "TOTAL EXEMPTION FULL",
            "TOTAL EXEMPTION SMALL",
            "UNAUDITED ABRIDGED",
            "AUDIT EXEMPTION SUBSIDIARY",
            "FILING EXEMPTION SUBSIDIARY",
            "PARTIAL EXEMPTION",
            "INITIAL",
            "NO ACCOUNTS FILED",
            "ACCOUNTS TYPE NOT AVAILABLE");

    private static String text;
    private static List<CsvRecord> rows;

    @BeforeAll
    static void generate() {
        text = generate(7, ROWS);
        rows = CsvReader.builder().ofCsvRecord(text).stream().skip(1).toList();
    }

    @Test
    void a_long_run_reports_its_progress_every_million_companies() throws IOException {
        List<Integer> reported = new java.util.ArrayList<>();

        new SyntheticCompanies(1)
                .write(java.io.Writer.nullWriter(), SyntheticCompanies.PROGRESS_EVERY + 1, reported::add);

        assertThat(reported).containsExactly(SyntheticCompanies.PROGRESS_EVERY);
    }

    @Test
    void the_header_is_the_official_line_verbatim_with_its_leading_spaces() {
        assertThat(SyntheticCompanies.HEADER).isEqualTo(OFFICIAL_HEADER);
        assertThat(text).startsWith(OFFICIAL_HEADER + "\r\n");
        assertThat(OFFICIAL_HEADER.split(",")).hasSize(CompanyRow.FIELDS).contains(" CompanyNumber");
    }

    @Test
    void every_row_has_55_fields_each_double_quoted_as_in_the_real_file() {
        List<String> lines = text.lines().skip(1).toList();
        assertThat(lines).hasSize(ROWS).allSatisfy(line -> assertThat(line).matches(QUOTED_ROW));
        assertThat(text).endsWith("\"\r\n").doesNotContain("\n\n");
        assertThat(rows)
                .hasSize(ROWS)
                .allSatisfy(row -> assertThat(row.getFieldCount()).isEqualTo(55));
    }

    @Test
    void the_same_seed_and_rows_give_the_same_bytes_and_another_seed_does_not() {
        assertThat(generate(7, ROWS)).isEqualTo(text);
        assertThat(generate(8, 100)).isNotEqualTo(generate(7, 100));
    }

    @Test
    void a_shorter_file_is_the_start_of_a_longer_one_with_the_same_seed() {
        assertThat(text).startsWith(generate(7, 500));
    }

    @Test
    void company_numbers_are_unique_and_in_ranges_no_real_company_has() {
        Set<String> numbers = new HashSet<>();
        for (CsvRecord row : rows) {
            String number = row.getField(1);
            assertThat(number).matches(NUMBER);
            assertThat(numbers.add(number)).as("unique %s", number).isTrue();
            assertThat(row.getField(32)).isEqualTo("http://business.data.gov.uk/id/company/" + number);
        }
    }

    @Test
    void the_number_agrees_with_where_and_what_the_company_is() {
        for (CsvRecord row : rows) {
            String number = row.getField(1);
            String area = row.getField(9).replaceAll("\\d.*", "");
            boolean partnership = row.getField(10).equals("Limited Liability Partnership");
            assertThat(number.startsWith("OC") || number.startsWith("SO") || number.startsWith("NC"))
                    .as(number)
                    .isEqualTo(partnership);
            if (number.startsWith("SC") || number.startsWith("SO")) {
                assertThat(Set.of("EH", "G", "AB", "DD", "IV", "KY", "FK", "PA", "PH"))
                        .contains(area);
            } else if (number.startsWith("NI") || number.startsWith("NC")) {
                assertThat(area).isEqualTo("BT");
            } else {
                assertThat(Set.of("EH", "G", "AB", "DD", "IV", "KY", "FK", "PA", "PH", "BT"))
                        .doesNotContain(area);
            }
        }
    }

    @Test
    void dates_are_valid_dd_mm_yyyy_and_consistent() {
        LocalDate first = LocalDate.of(1950, 1, 1);
        for (CsvRecord row : rows) {
            for (int field : new int[] {13, 14, 17, 18, 20, 21, 53, 54}) {
                String value = row.getField(field);
                if (!value.isEmpty()) {
                    assertThat(date(value)).isNotNull();
                }
            }
            for (int field = 33; field < 53; field += 2) {
                if (!row.getField(field).isEmpty()) {
                    assertThat(date(row.getField(field))).isAfter(date(row.getField(14)));
                    assertThat(row.getField(field + 1)).isNotEmpty();
                }
            }
            LocalDate incorporated = date(row.getField(14));
            assertThat(incorporated).isBetween(first, CompanyGenerator.SNAPSHOT.minusDays(1));
            assertThat(row.getField(13).isEmpty()).isEqualTo(!row.getField(11).equals("Dissolved"));
            if (!row.getField(13).isEmpty()) {
                assertThat(date(row.getField(13))).isAfter(incorporated);
            }
            if (!row.getField(18).isEmpty()) {
                assertThat(date(row.getField(18))).isAfter(incorporated);
                assertThat(date(row.getField(17))).isAfter(date(row.getField(18)));
            }
            if (!row.getField(54).isEmpty()) {
                assertThat(date(row.getField(53))).isAfter(date(row.getField(54)));
            }
            assertThat(Integer.parseInt(row.getField(15))).isBetween(1, 31);
            assertThat(Integer.parseInt(row.getField(16))).isBetween(1, 12);
        }
    }

    @Test
    void sic_fields_are_a_code_and_its_description_or_none_supplied() {
        int noneSupplied = 0;
        for (CsvRecord row : rows) {
            if (row.getField(26).equals("None Supplied")) {
                noneSupplied++;
                assertThat(List.of(row.getField(27), row.getField(28), row.getField(29)))
                        .containsOnly("");
                continue;
            }
            assertThat(row.getField(26)).matches(SIC);
            for (int field = 27; field <= 29; field++) {
                assertThat(row.getField(field))
                        .matches(value -> value.isEmpty() || SIC.matcher(value).matches());
            }
        }
        assertThat(noneSupplied).isPositive();
        assertThat(text)
                .contains("\"62012 - Business and domestic software development\"", "\"99999 - Dormant Company\"");
    }

    @Test
    void categories_statuses_and_account_categories_are_values_of_the_real_file() {
        for (CsvRecord row : rows) {
            assertThat(row.getField(10)).isIn(CATEGORIES);
            assertThat(row.getField(11)).isIn(STATUSES);
            assertThat(row.getField(19)).isIn(ACCOUNT_CATEGORIES);
            assertThat(row.getField(12)).isEqualTo("United Kingdom");
        }
        assertThat(rows.stream().map(row -> row.getField(10)).distinct()).hasSize(CATEGORIES.size());
        long active =
                rows.stream().filter(row -> row.getField(11).equals("Active")).count();
        assertThat(active).isGreaterThan(ROWS * 85L / 100);
    }

    @Test
    void names_end_as_their_category_requires() {
        for (CsvRecord row : rows) {
            String name = row.getField(0);
            switch (row.getField(10)) {
                case "Private Limited Company" -> assertThat(name).containsPattern(" (LIMITED|LTD)$");
                case "Public Limited Company" -> assertThat(name).endsWith(" PLC");
                case "Limited Liability Partnership" -> assertThat(name).endsWith(" LLP");
                case "Community Interest Company" ->
                    assertThat(name).containsPattern(" (CIC|C\\.I\\.C\\.|COMMUNITY INTEREST COMPANY)$");
                default -> assertThat(name).isUpperCase();
            }
        }
    }

    @Test
    void some_names_have_commas_quotes_or_apostrophes_and_nearly_all_are_distinct() {
        List<String> names = rows.stream().map(row -> row.getField(0)).toList();
        assertThat(names.stream().filter(name -> name.contains(","))).hasSizeGreaterThan(ROWS / 100);
        assertThat(names.stream().filter(name -> name.contains("\""))).hasSizeGreaterThan(ROWS / 400);
        assertThat(names.stream().filter(name -> name.contains("'"))).hasSizeGreaterThan(ROWS / 100);
        assertThat(new HashSet<>(names)).hasSizeGreaterThan(ROWS * 98 / 100);
        assertThat(text).contains("\"\"");
    }

    @Test
    void the_country_when_given_agrees_with_the_postcode() {
        for (CsvRecord row : rows) {
            String country = row.getField(8).toUpperCase(Locale.ROOT);
            String area = row.getField(9).replaceAll("\\d.*", "");
            String expected = switch (area) {
                case "EH", "G", "AB", "DD", "IV", "KY", "FK", "PA", "PH" -> "SCOTLAND";
                case "BT" -> "NORTHERN IRELAND";
                case "CF", "SA", "NP", "LL", "LD" -> "WALES";
                default -> "ENGLAND";
            };
            assertThat(country).isIn("", "UNITED KINGDOM", expected);
            assertThat(row.getField(9)).matches("[A-Z]{1,2}\\d[A-Z\\d]? \\d[ABD-HJLNP-UW-Z]{2}");
        }
    }

    @Test
    void more_rows_than_the_england_and_wales_range_holds_are_refused() {
        assertThatThrownBy(() -> new SyntheticCompanies(1).write(new StringWriter(), SyntheticCompanies.MAX_ROWS + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000000");
    }

    static String generate(long seed, int rows) {
        StringWriter out = new StringWriter();
        try {
            new SyntheticCompanies(seed).write(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new AssertionError("not a dd/mm/yyyy date: " + text, e);
        }
    }
}
