package io.agentry.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * A running server to act through, instead of the deployment's database: {@code --url} and
 * {@code --key}, with {@code AGENTRY_URL} and {@code AGENTRY_API_KEY} as fallbacks. The key
 * decides the organization, and the server works on its own database, so the flags that say
 * which database or organization are refused beside {@code --url}; a database flag on the
 * command line wins over {@code AGENTRY_URL} from the environment.
 */
final class RemoteFlags {
    /** What only a command on the database itself uses. */
    private static final List<String> LOCAL_ONLY = List.of(
            "--database-url",
            "--database-user",
            "--database-password",
            "--data-dir",
            "--pool-size",
            "--org",
            "--reference-dir");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:AGENTRY_URL}",
            description = "Act through the HTTP API of a running server (agentry serve), e.g. http://10.0.0.5:8080, "
                    + "instead of on the database; the output is the same. Env AGENTRY_URL.")
    String url;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            defaultValue = "${env:AGENTRY_API_KEY}",
            description = "The API key for --url (agentry keys create); its organization is the one acted for. "
                    + "Prefer the environment variable AGENTRY_API_KEY, which other users cannot see in the "
                    + "process list.")
    String key;

    /** The server to act through; empty when none is given, and the command works on the database. */
    Optional<RemoteApi> api() {
        FlagValues flags = new FlagValues(command);
        ParseResult parsed = command.commandLine().getParseResult();
        boolean urlOnCommandLine = parsed.hasMatchedOption("--url");
        String local =
                LOCAL_ONLY.stream().filter(parsed::hasMatchedOption).findFirst().orElse(null);
        if (isBlank(url) || (local != null && !urlOnCommandLine)) {
            if (parsed.hasMatchedOption("--key")) {
                throw flags.error("--key is for a server: give --url (or AGENTRY_URL) too");
            }
            return Optional.empty();
        }
        if (local != null) {
            throw flags.error("--url and " + local + " do not go together: through a server the key decides the "
                    + "organization and the server its database");
        }
        if (isBlank(key)) {
            throw flags.error(flags.quote("--url", url) + " needs a key: --key or, better, AGENTRY_API_KEY "
                    + "(agentry keys create --org NAME makes one)");
        }
        return Optional.of(new RemoteApi(base(flags), key.strip()));
    }

    /** {@code http(s)://host[:port][/prefix]}, without a trailing slash. */
    private String base(FlagValues flags) {
        String text = url.strip();
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return text.replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw flags.error(flags.quote("--url", url)
                + " must be a server's address such as http://127.0.0.1:8080 (http or https, a host, an optional "
                + "port and path)");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
