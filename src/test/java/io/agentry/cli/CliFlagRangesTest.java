package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every duration and count of the commands is checked against its range when the command line is
 * read, before a database is opened: the message names the flag and echoes the value as typed.
 */
class CliFlagRangesTest {
    private static final List<Flag> RUNNER_FLAGS = List.of(
            Flag.whole("--slots", "1", "1000"),
            Flag.whole("--prefetch", "0", "1000"),
            Flag.whole("--pool-size", "1", "1000"),
            Flag.duration("--poll-interval", "10ms", "1h"),
            Flag.duration("--lease-ttl", "1s", "1d"),
            Flag.duration("--heartbeat-interval", "100ms", "1h"),
            Flag.duration("--default-timeout", "1s", "7d"),
            Flag.duration("--shutdown-grace", "0s", "1h"),
            Flag.duration("--rescue-interval", "100ms", "1h"),
            Flag.duration("--retention", "1m", "3650d"));
    private static final List<Flag> STATUS_FLAGS = List.of(Flag.whole("--pool-size", "1", "1000"));
    private static final List<Flag> BENCH_FLAGS = List.of(
            Flag.whole("--concurrency", "1", "1000"),
            Flag.whole("--n", "1", "10000000"),
            Flag.whole("--timeout-s", "1", "86400"),
            Flag.whole("--w2-interval-ms", "1", "60000"),
            Flag.decimal("--w2-duration-s", "0.1", "3600"),
            Flag.decimal("--w2-warmup-s", "0", "3600"),
            Flag.whole("--w2-settle-ms", "0", "600000"),
            Flag.decimal("--w2-grace-s", "0", "3600"),
            Flag.whole("--w3-n", "1", "10000000"),
            Flag.whole("--w3-warmup", "0", "1000000"),
            Flag.whole("--claim-batch", "1", "1000"),
            Flag.whole("--claim-samples", "1", "1000000"),
            Flag.whole("--claim-small", "1", "10000000"),
            Flag.whole("--claim-large", "1", "100000000"));

    @TempDir
    Path dir;

    static Stream<Arguments> badValues() {
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("serve", "worker")) {
            RUNNER_FLAGS.forEach(flag -> flag.badValues().forEach(bad -> cases.add(Arguments.of(command, flag, bad))));
        }
        for (String command : List.of("status", "db migrate")) {
            STATUS_FLAGS.stream()
                    .filter(flag -> command.equals("status") || flag.name().equals("--pool-size"))
                    .forEach(flag -> flag.badValues().forEach(bad -> cases.add(Arguments.of(command, flag, bad))));
        }
        BENCH_FLAGS.forEach(flag -> flag.badValues().forEach(bad -> cases.add(Arguments.of("bench", flag, bad))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badValues")
    void a_bad_value_is_one_line_naming_the_flag_and_nothing_is_created(String command, Flag flag, String value) {
        Path dataDir = dir.resolve("never-created");
        Path report = dir.resolve("report.json");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--data-dir", dataDir.toString(), flag.name(), value));
        if (command.equals("bench")) {
            args.addAll(List.of("--workload", "w1", "--out", report.toString()));
        }

        AgentryRun run = AgentryRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "agentry " + command + ": " + flag.messageFor(value), "see 'agentry " + command + " --help'");
        assertThat(run.out()).as("no usage dump").isEmpty();
        assertThat(dataDir).doesNotExist();
        assertThat(report).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heartbeatsNotShorterThanTheLease")
    void the_heartbeat_must_be_shorter_than_the_lease_naming_both_flags_and_values(String heartbeat) {
        Path dataDir = dir.resolve("never-created");

        AgentryRun run = AgentryRun.of(
                "worker", "--data-dir", dataDir.toString(), "--heartbeat-interval", heartbeat, "--lease-ttl", "5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "agentry worker: --heartbeat-interval (" + heartbeat
                                + ") must be shorter than --lease-ttl (5s)",
                        "see 'agentry worker --help'");
        assertThat(dataDir).doesNotExist();
    }

    static Stream<String> heartbeatsNotShorterThanTheLease() {
        return Stream.of("5s", "5000ms", "10s");
    }

    @Test
    void the_ends_of_every_range_are_accepted() {
        for (boolean lowest : List.of(true, false)) {
            List<String> args = new ArrayList<>();
            RUNNER_FLAGS.forEach(flag -> args.addAll(List.of(flag.name(), lowest ? flag.min() : flag.max())));
            ServeCommand serve = new ServeCommand();
            Main.configured(new CommandLine(serve)).parseArgs(args.toArray(String[]::new));

            AppConfig config = AppConfig.from(serve.database, serve.runner);

            assertThat(config.runner().slots()).isEqualTo(lowest ? 1 : 1000);
            assertThat(config.maintenance().retention())
                    .isEqualTo(lowest ? Duration.ofMinutes(1) : Duration.ofDays(3650));
        }
    }

    @Test
    void unknown_flag_is_one_line_with_the_likely_one() {
        AgentryRun run = AgentryRun.of("serve", "--slot", "4");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "agentry serve: Unknown options: '--slot', '4'; did you mean --slots?",
                        "see 'agentry serve --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("a value from an AGENTRY_* variable names the variable; a flag given on the command line wins")
    void a_value_from_the_environment_names_its_variable() throws Exception {
        Path dataDir = dir.resolve("never-created");

        Exit lease = agentryProcess(
                Map.of("AGENTRY_LEASE_TTL", "0s", "AGENTRY_SLOTS", "0"),
                "serve",
                "--slots",
                "2",
                "--data-dir",
                dataDir.toString());
        Exit heartbeat = agentryProcess(
                Map.of("AGENTRY_HEARTBEAT_INTERVAL", "1m"),
                "worker",
                "--lease-ttl",
                "30s",
                "--data-dir",
                dataDir.toString());

        assertThat(lease.code()).isEqualTo(2);
        assertThat(lease.lines())
                .containsExactly(
                        "agentry serve: --lease-ttl (from AGENTRY_LEASE_TTL) must be between 1s and 1d, was 0s",
                        "see 'agentry serve --help'");
        assertThat(heartbeat.code()).isEqualTo(2);
        assertThat(heartbeat.lines())
                .containsExactly(
                        "agentry worker: --heartbeat-interval (1m, from AGENTRY_HEARTBEAT_INTERVAL) must be shorter "
                                + "than --lease-ttl (30s)",
                        "see 'agentry worker --help'");
        assertThat(dataDir).doesNotExist();
    }

    private record Exit(int code, List<String> lines) {}

    /** A real process, for what only a process has: its environment. */
    private static Exit agentryProcess(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AGENTRY_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Exit(process.exitValue(), output.lines().toList());
    }

    /** A flag, its kind and its range, and the messages it gives for bad values. */
    record Flag(String name, Kind kind, String min, String max) {
        enum Kind {
            WHOLE,
            DECIMAL,
            DURATION
        }

        static Flag whole(String name, String min, String max) {
            return new Flag(name, Kind.WHOLE, min, max);
        }

        static Flag decimal(String name, String min, String max) {
            return new Flag(name, Kind.DECIMAL, min, max);
        }

        static Flag duration(String name, String min, String max) {
            return new Flag(name, Kind.DURATION, min, max);
        }

        /** Zero (where it is out of range), negative, past the maximum, overflowing, a wrong unit, no number. */
        List<String> badValues() {
            List<String> values = new ArrayList<>();
            String unit = kind == Kind.DURATION ? max.replaceAll("\\d", "") : "";
            if (!min.matches("0(\\.0*)?[a-z]*")) {
                values.add(kind == Kind.DURATION ? "0s" : "0");
            }
            values.add(kind == Kind.DURATION ? "-5s" : "-1");
            values.add(Long.parseLong(max.replaceAll("\\D", "")) + 1 + unit);
            values.add(kind == Kind.DURATION ? "99999999999999d" : "99999999999");
            values.add("99999999999999999999" + (kind == Kind.DURATION ? "d" : ""));
            values.add(kind == Kind.DURATION ? "5x" : "5s");
            if (kind == Kind.DURATION) {
                values.add("5");
            }
            values.add("soon");
            return values;
        }

        String messageFor(String value) {
            boolean wellFormed = switch (kind) {
                case WHOLE -> value.matches("-?\\d+");
                case DECIMAL -> value.matches("-?\\d+(\\.\\d+)?");
                case DURATION -> value.matches("-?\\d+(ms|s|m|h|d)");
            };
            String range = min + " and " + max;
            if (wellFormed) {
                return name + " must be between " + range + ", was " + value;
            }
            return name + " must be "
                    + switch (kind) {
                        case WHOLE -> "a whole number between " + range;
                        case DECIMAL -> "a number between " + range;
                        case DURATION -> "a duration between " + range + " with a unit (ms, s, m, h or d)";
                    }
                    + ", was " + value;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
