package io.agentry.company.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceOverrideTest {
    @TempDir
    Path dir;

    @Test
    void a_file_in_the_override_directory_replaces_its_bundled_namesake_and_the_rest_stay_bundled() throws IOException {
        write("industries.csv", """
                label,aliases,sic,note
                Widgets,Gadgets,25990,"Other fabricated metal products, for this test"
                """);

        ReferenceData data = ReferenceData.load(dir);

        assertThat(data.industries().labels()).containsExactly("Widgets");
        assertThat(data.industries().resolve("gadgets").sicCodes()).containsExactly("25990");
        assertThatThrownBy(() -> data.industries().resolve("SaaS")).hasMessageContaining("one of: Widgets");
        assertThat(data.regions().regionOf("M1 1AE")).contains("North West");
        assertThat(data.locations().resolve("UK").regions()).hasSize(12);
        assertThat(data.sizeBands().forCategory("SMALL")).isPresent();
        assertThat(data.sic().sections()).hasSize(21);
    }

    @Test
    void an_empty_override_directory_gives_the_bundled_data() {
        ReferenceData data = ReferenceData.load(dir);

        assertThat(data.industries().labels())
                .isEqualTo(ReferenceData.bundled().industries().labels());
    }

    @Test
    void a_bad_value_is_reported_with_file_and_line() throws IOException {
        Path file = write("industries.csv", """
                label,aliases,sic,note
                Widgets,,25990,
                Gizmos,,26 6x,
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage(
                        file
                                + ", line 3: \"6x\" in the sic column is not a SIC 2007 code, class, division or section letter");
    }

    @Test
    void a_line_with_the_wrong_number_of_fields_is_reported_with_its_line() throws IOException {
        Path file = write("postcode-areas.csv", """
                area,name,region
                M,Manchester,North West
                B,Birmingham
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageStartingWith(file + ", line 3: 2 fields, but the header has 3");
    }

    @Test
    void a_region_that_is_not_an_itl1_region_is_refused() throws IOException {
        Path file = write("postcode-areas.csv", """
                area,name,region
                M,Manchester,North Westish
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessageStartingWith(file + ", line 2: \"North Westish\" is not an ITL1 region");
    }

    @Test
    void a_misspelt_column_is_refused() throws IOException {
        Path file = write("size-bands.csv", """
                accounts_category,band,employees_min,employees_max,turnover_max_gbp,source,notes
                SMALL,small,0,50,15000000,law,
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessageStartingWith(file + ", line 1: unknown column \"notes\"");
    }

    @Test
    void a_number_that_is_not_one_is_refused() throws IOException {
        Path file = write("size-thresholds.csv", """
                band,employees_min,employees_max,turnover_max_gbp,source
                micro,0,ten,1000000,law
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessage(file + ", line 2: employees_max \"ten\" is not a whole number");
    }

    @Test
    void a_replaced_file_is_checked_against_the_bundled_files_that_depend_on_it() throws IOException {
        write("sic-divisions.csv", """
                division,section,title
                01,A,"Crop and animal production, hunting and related service activities"
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage(
                        "bundled reference/industries.csv, line 2: \"62012\" in the sic column: division 62 is not in"
                                + " sic-divisions.csv");
    }

    @Test
    void a_quote_that_is_never_closed_is_reported_rather_than_swallowing_the_lines_after_it() throws IOException {
        Path file = write("industries.csv", """
                label,aliases,sic,note
                Widgets,,25990,"no closing quote
                Gizmos,,26,
                """);

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .hasMessage(file + ", line 2: the note field runs onto the next line; is a closing quote missing?");
    }

    @Test
    void a_csv_file_that_is_not_a_reference_file_is_refused() throws IOException {
        write("industry.csv", "label,sic\n");

        assertThatThrownBy(() -> ReferenceData.load(dir))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("holds industry.csv, which is not a reference file")
                .hasMessageContaining("industries.csv");
    }

    @Test
    void a_missing_directory_is_refused() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> ReferenceData.load(missing))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("reference directory " + missing + " does not exist");
    }

    @Test
    void a_file_saved_by_a_spreadsheet_with_a_byte_order_mark_is_read() throws IOException {
        write("locations.csv", "\uFEFFlabel,regions\nDown South,London; South East; South West\n");

        assertThat(ReferenceData.load(dir).locations().resolve("down south").regions())
                .containsExactly("London", "South East", "South West");
    }

    @Test
    void the_environment_variable_names_the_override_directory() throws IOException {
        write("locations.csv", "label,regions\nHome,London\n");

        assertThat(ReferenceData.forDirectory(dir.toString()).locations().labels())
                .containsExactly("Home");
        assertThat(ReferenceData.forDirectory(" ")).isSameAs(ReferenceData.bundled());
        assertThat(ReferenceData.forDirectory((String) null)).isSameAs(ReferenceData.bundled());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
