package io.agentry.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;

/**
 * Where the embedded server answers at a given moment: 127.0.0.1 and a port, with the superuser's
 * password. A restart may move it to another port, so nothing keeps one for longer than a
 * connection attempt.
 */
record EmbeddedEndpoint(int port, String password) {
    /** The server going down (57P01, 57P02), or not up yet (57P03). */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect(String database, Properties properties) throws SQLException {
        Properties withLogin = new Properties();
        withLogin.putAll(properties);
        withLogin.setProperty("user", PgServer.SUPERUSER);
        withLogin.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(database), withLogin);
    }

    /**
     * True when {@code failure} says the server is not there (any more, or yet): a refused or
     * broken connection (class 08), or one of {@link #SERVER_GONE}. Looking for the server again
     * may help then; not when the server itself refused something, such as a login.
     */
    static boolean serverIsGone(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || SERVER_GONE.contains(state));
    }

    @Override
    public String toString() {
        return "127.0.0.1:" + port; // never the password
    }
}
