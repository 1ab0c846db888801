package io.agentry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.cli.BenchCommand;
import io.agentry.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void bench_is_a_subcommand_of_agentry() {
        CommandLine agentry = new CommandLine(new Main());

        assertThat(agentry.getSubcommands()).containsKey("bench");
        Object bench = agentry.getSubcommands().get("bench").getCommand();
        assertThat(bench).isInstanceOf(BenchCommand.class);
    }

    @Test
    void unknown_argument_is_an_error() {
        BenchRun run = BenchRun.of(dir, "--workload", "w3", "--w3-n", "5", "--no-such-flag", "1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--no-such-flag");
        assertThat(run.report()).isNull();
    }

    @Test
    void later_argument_overrides_an_earlier_one() {
        BenchRun run = BenchRun.of(
                dir,
                "--workload",
                "w4",
                "--workload",
                "w3",
                "--w3-n",
                "0",
                "--w3-n",
                "7",
                "--w3-warmup",
                "0",
                "--db-url",
                "nonsense",
                "--db-url",
                EmptyDatabases.newUrl());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.report().path("workload").asText()).isEqualTo("w3");
        assertThat(run.report().path("settings").path("w3_n").asInt()).isEqualTo(7);
        assertThat(run.result().path("n").asInt()).isEqualTo(7);
    }

    @Test
    void malformed_db_url_is_refused_with_a_message_that_shows_the_expected_form() {
        BenchRun run = BenchRun.of(dir, "--workload", "w1", "--db-url", "jdbc:postgresql://localhost/db");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--db-url").contains("postgres://USER:PASS@HOST:PORT/DB");
        assertThat(run.report()).isNull();
    }

    @Test
    void n_of_zero_is_refused_before_anything_runs() {
        BenchRun run = BenchRun.of(dir, "--workload", "w1", "--n", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .containsExactly(
                        "agentry bench: --n must be between 1 and 10000000, was 0", "see 'agentry bench --help'");
        assertThat(run.report()).isNull();
    }

    @Test
    void unknown_workload_is_refused_with_the_known_ones() {
        BenchRun run = BenchRun.of(dir, "--workload", "w9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value for option '--workload': unknown workload 'w9'")
                .contains("w1, w2, w3, w4, claim");
    }

    @Test
    void negative_durations_are_refused_in_the_unit_of_their_flag() {
        BenchRun run = BenchRun.of(dir, "--workload", "w2", "--w2-settle-ms", "-5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--w2-settle-ms must be between 0 and 600000, was -5");
    }

    @Test
    void help_documents_every_option_with_its_default() {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--workload", "--db-url", "--out", "--data-dir", "AGENTRY_DATA_DIR")
                .contains("--concurrency", "default: 8")
                .contains("--n", "default: 20000")
                .contains("--w2-interval-ms", "default: 20")
                .contains("--w2-duration-s", "default: 15")
                .contains("--w2-warmup-s", "--w2-settle-ms", "default: 1000", "--w2-grace-s", "default: 30")
                .contains("--w3-n", "default: 5000", "--w3-warmup", "default: 200")
                .contains("--variant", "default: default")
                .contains("--claim-large", "default: 1000000");
    }
}
