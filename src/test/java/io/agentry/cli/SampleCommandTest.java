package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.sample.SyntheticCompanies;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void writes_the_companies_and_says_where_how_many_and_that_they_are_synthetic() throws IOException {
        Path file = dir.resolve("out/companies.csv");

        Run run = sample("companies", "--rows", "250", "--out", file.toString(), "--seed", "42");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(251).first().isEqualTo(SyntheticCompanies.HEADER);
        assertThat(run.out()).contains("Wrote 250 synthetic companies to " + file, "seed 42", "invented");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void the_file_gets_the_permissions_of_any_new_file_not_those_of_a_temporary_one() throws IOException {
        Path file = dir.resolve("companies.csv");
        Path ordinary = Files.createFile(dir.resolve("ordinary"));

        sample("companies", "--rows", "1", "--out", file.toString());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void the_default_seed_and_the_sample_size_reproduce_the_bundled_sample() throws IOException {
        Path file = dir.resolve("sample.csv");

        Run run = sample("companies", "--rows", "3000", "--out", file.toString());

        assertThat(run.exitCode()).isZero();
        try (InputStream bundled = SyntheticCompanies.class.getResourceAsStream(SyntheticCompanies.SAMPLE_RESOURCE)) {
            assertThat(Files.readAllBytes(file)).isEqualTo(bundled.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten", "1.5", "10000001", "99999999999"})
    void a_bad_row_count_is_one_line_naming_the_flag_and_writes_nothing(String rows) {
        Path file = dir.resolve("companies.csv");

        Run run = sample("companies", "--rows", rows, "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0))
                .startsWith("sample companies: --rows must be")
                .contains("between 1 and 10000000")
                .endsWith(", was " + rows);
        assertThat(file).doesNotExist();
    }

    @Test
    void a_bad_seed_names_the_seed_flag() {
        Run run =
                sample("companies", "--rows", "5", "--out", dir.resolve("x.csv").toString(), "--seed", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).contains("--seed must be between 0 and 2147483647, was -1");
    }

    @Test
    void rows_and_out_are_required() {
        assertThat(sample("companies", "--out", dir.resolve("x.csv").toString()).exitCode())
                .isEqualTo(2);
        Run run = sample("companies", "--rows", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void an_existing_file_is_kept_unless_force_is_given() throws IOException {
        Path file = dir.resolve("companies.csv");
        Files.writeString(file, "precious");

        Run refused = sample("companies", "--rows", "5", "--out", file.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines().get(0)).contains("--out " + file + " already exists", "--force");
        assertThat(file).hasContent("precious");

        Run forced = sample("companies", "--rows", "5", "--out", file.toString(), "--force");

        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(6);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_directory_is_not_a_file_to_write() {
        Run run = sample("companies", "--rows", "5", "--out", dir.toString(), "--force");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0)).contains("is a directory");
    }

    @Test
    void sample_alone_prints_its_usage() {
        Run run = sample();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("companies");
    }

    private static Run sample(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.configured(new CommandLine(new SampleCommand()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return new ArrayList<>(err.lines().toList());
        }
    }
}
