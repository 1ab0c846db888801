package io.agentry.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the embedded server answers at a given moment: 127.0.0.1 and a port, with the superuser's
 * password. A restart may move it to another port, so nothing keeps one for longer than a
 * connection attempt.
 */
record EmbeddedEndpoint(int port, String password) {

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

    @Override
    public String toString() {
        return "127.0.0.1:" + port; // never the password
    }
}
