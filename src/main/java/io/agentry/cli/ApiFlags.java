package io.agentry.cli;

import io.agentry.web.ApiConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where {@code serve} listens for the HTTP API. The operator token is read from the environment only. */
final class ApiFlags {
    private static final String PORT = "0..65535";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:AGENTRY_PORT:-8080}",
            description = "Port of the HTTP API (" + PORT + "; 0 picks a free one). Env AGENTRY_PORT. "
                    + "Default: ${DEFAULT-VALUE}.")
    String port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "${env:AGENTRY_BIND:-127.0.0.1}",
            description = "Address the HTTP API listens on; 0.0.0.0 for every interface. Env AGENTRY_BIND. "
                    + "Default: ${DEFAULT-VALUE}.")
    String bind;

    ApiConfig config() {
        FlagValues flags = new FlagValues(command);
        int parsedPort = flags.whole("--port", port, PORT);
        String token = System.getenv("AGENTRY_ADMIN_TOKEN");
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < 16) {
            throw flags.error("AGENTRY_ADMIN_TOKEN must be at least 16 characters; it guards every organization");
        }
        return ApiConfig.defaults().withPort(parsedPort).withBind(bind).withAdminToken(token);
    }
}
