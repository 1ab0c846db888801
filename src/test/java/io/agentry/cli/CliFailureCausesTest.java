package io.agentry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.db.EmbeddedDatabase;
import io.agentry.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A failure that has a cause says the cause, in plain words, and never repeats a password. */
class CliFailureCausesTest {
    // .invalid never resolves (RFC 2606).
    private static final String NO_SUCH_HOST = "db.invalid";

    @TempDir
    Path dir;

    @Test
    void a_file_given_as_data_directory_says_it_is_not_a_directory() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "not a directory");

        AgentryRun run = AgentryRun.of("serve", "--data-dir", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly(
                        "agentry serve: cannot prepare data directory " + file.toRealPath() + ": not a directory");
    }

    @Test
    void a_data_directory_under_a_file_says_it_is_not_a_directory() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "not a directory");

        AgentryRun run =
                AgentryRun.of("db", "migrate", "--data-dir", file.resolve("sub").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry db migrate: cannot prepare data directory "
                        + file.toRealPath().resolve("sub") + ": not a directory");
    }

    @Test
    void a_host_that_does_not_resolve_is_named() {
        AgentryRun run = AgentryRun.of("worker", "--database-url", "jdbc:postgresql://" + NO_SUCH_HOST + ":5432/x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry worker: cannot connect to jdbc:postgresql://db.invalid:5432/x: unknown host "
                        + NO_SUCH_HOST);
    }

    @Test
    void a_port_nothing_listens_on_says_so() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/x";

        AgentryRun run = AgentryRun.of("db", "migrate", "--database-url", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry db migrate: cannot connect to " + url
                        + ": connection refused: no server listens on that host and port");
    }

    @Test
    void a_wrong_password_says_the_server_refused_it_without_repeating_it() {
        EmbeddedDatabase server = TestDatabase.embedded();
        String url = server.jdbcUrl("postgres");

        AgentryRun run = AgentryRun.of(
                "status",
                "--database-url",
                url,
                "--database-user",
                server.user(),
                "--database-password",
                "wrong-s3cret");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines())
                .containsExactly("agentry status: cannot connect to " + url
                        + ": password authentication failed for user \"" + server.user() + "\"");
        assertThat(run.err()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db.invalid:5432/x?user=u&password=s3cret",
                "jdbc:postgresql://db.invalid:5432/x?sslmode=disable&sslpassword=s3cret&password=s3cret",
                "jdbc:postgresql://u:s3cret@db.invalid:5432/x",
                "postgres://u:s3cret@db.invalid:5432/x",
                "jdbc:postgresql://db.invalid:5432/x?password=s3cret extra"
            })
    void a_password_in_a_url_is_never_repeated(String url) {
        for (String command : new String[] {"serve", "worker", "status", "db migrate"}) {
            String[] words = command.split(" ");
            String[] args = new String[words.length + 2];
            System.arraycopy(words, 0, args, 0, words.length);
            args[words.length] = "--database-url";
            args[words.length + 1] = url;

            AgentryRun run = AgentryRun.of(args);

            assertThat(run.exitCode()).as(command).isIn(1, 2);
            assertThat(run.err())
                    .as(command)
                    .startsWith("agentry " + command + ": ")
                    .doesNotContain("s3cret");
            assertThat(run.out()).as(command).doesNotContain("s3cret");
        }
    }

    @Test
    void a_url_of_the_wrong_kind_is_refused_as_a_bad_value_without_its_password() {
        AgentryRun run = AgentryRun.of("serve", "--database-url", "postgres://u:s3cret@db.invalid/x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "agentry serve: --database-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), "
                                + "was postgres://u:***@db.invalid/x",
                        "see 'agentry serve --help'");
    }
}
