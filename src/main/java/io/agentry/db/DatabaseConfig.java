package io.agentry.db;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is. Checked on construction: an {@link IllegalArgumentException} names the
 * field that is wrong, and never repeats a password.
 *
 * @param url a JDBC URL of an external PostgreSQL server ({@code jdbc:postgresql:…}), or {@code
 *     null} to use the embedded server whose data lives in {@code dataDir/pg}
 * @param user the user for {@code url}; ignored for the embedded server
 * @param password the password for {@code url}; ignored for the embedded server
 * @param dataDir the data directory of the embedded server (default {@code ./.agentry})
 * @param poolSize the most connections the process opens from its pool (default 10; 1 to 1000)
 */
public record DatabaseConfig(String url, String user, String password, Path dataDir, int poolSize) {
    // A password in a URL: a query parameter (password=, sslpassword=) or the user information
    // of user:password@host, which also turns up without its scheme (a driver that took it for a
    // host name says "unknown host user:password@host").
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(^|[\\s/'\"(=])([^\\s/@:'\"]*:)[^\\s/@]+@");
    // The placeholder that help texts show for the user information, not a secret.
    private static final String PLACEHOLDER = "USER:PASS@";

    public DatabaseConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was " + hidePasswords(url));
        }
        if (poolSize < 1 || poolSize > 1_000) {
            throw new IllegalArgumentException("poolSize must be between 1 and 1000, was " + poolSize);
        }
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Where the server is, for humans: the query and any password are left out. */
    public String describe() {
        return isEmbedded()
                ? "embedded PostgreSQL in " + dataDir.resolve("pg")
                : hidePasswords(url.replaceFirst("\\?.*$", ""));
    }

    /** {@code text} with the password of every URL in it replaced by {@code ***}. */
    public static String hidePasswords(String text) {
        String withoutParameters = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return USER_INFO
                .matcher(withoutParameters)
                .replaceAll(userInfo -> Matcher.quoteReplacement(
                        userInfo.group().endsWith(PLACEHOLDER)
                                ? userInfo.group()
                                : userInfo.group(1) + userInfo.group(2) + "***@"));
    }
}
