package io.agentry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Point 5 of DESIGN.md §3 "Embedded, made safe": the door is closed. One server for the class. */
@Timeout(120)
class EmbeddedDatabaseSecurityTest {

    @TempDir
    static Path temp;

    static Path dataDir;
    static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        dataDir = EmbeddedTemplate.copyTo(temp.resolve("data"));
        database = EmbeddedDatabase.start(dataDir);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void connection_with_the_password_is_accepted() throws Exception {
        assertThat(EmbeddedSql.query(database, "SELECT current_user")).isEqualTo("postgres");
    }

    @Test
    void passwordless_connection_is_refused() {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", database.user());

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("postgres"), noPassword)
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    @Test
    void wrong_password_is_refused() {
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(), "wrong")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void password_is_random_and_stored_scram_hashed() throws Exception {
        assertThat(database.password()).matches("[A-Za-z0-9_-]{32}");
        assertThat(EmbeddedSql.query(database, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
                .startsWith("SCRAM-SHA-256$");
    }

    @Test
    void secrets_are_readable_by_the_owner_only() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("server.properties"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(dataDir.resolve("server.properties"))).doesNotContain(database.password());
    }

    @Test
    void every_host_rule_demands_scram_on_the_loopback_address() throws Exception {
        List<String> rules = new ArrayList<>();
        try (Connection connection = EmbeddedSql.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT type, address, auth_method, error FROM pg_hba_file_rules ORDER BY rule_number")) {
            while (rs.next()) {
                rules.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        assertThat(rules).containsExactly("host 127.0.0.1 scram-sha-256 null", "host 127.0.0.1 scram-sha-256 null");
    }

    @Test
    void listens_on_127_0_0_1_only_without_a_unix_socket() throws Exception {
        String port = EmbeddedSql.query(database, "SHOW port");
        assertThat(EmbeddedSql.query(database, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(EmbeddedSql.query(database, "SHOW unix_socket_directories")).isEmpty();
        assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();

        Optional<InetAddress> otherAddress = nonLoopbackAddress();
        if (otherAddress.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() ->
                                socket.connect(new InetSocketAddress(otherAddress.get(), Integer.parseInt(port)), 2000))
                        .as("connecting through %s", otherAddress.get())
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst();
    }

    @Test
    void a_wrong_password_file_fails_at_once_naming_the_file_and_the_fix() throws Exception {
        Path other = EmbeddedTemplate.copyTo(temp.resolve("wrong-password"));
        Path passwordFile = other.toRealPath().resolve("password");
        String right = Files.readString(passwordFile).strip();
        Files.writeString(passwordFile, "not-the-password-of-this-cluster\n");

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(other))
                .hasMessageContaining("the password in " + passwordFile + " is not the one of the PostgreSQL cluster")
                .hasMessageContaining("restore that file from when the cluster was created, or move "
                        + other.toRealPath().resolve("pg") + " away to start with an empty database")
                .message()
                .doesNotContain(right)
                .doesNotContain("not-the-password-of-this-cluster");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(other.resolve("pg/postmaster.pid"))
                .as("no server left running")
                .doesNotExist();

        Files.writeString(passwordFile, right + "\n");
        try (EmbeddedDatabase restored = EmbeddedDatabase.start(other)) {
            assertThat(restored.ownsServer()).as("the lock was given back").isTrue();
        }
    }
}
