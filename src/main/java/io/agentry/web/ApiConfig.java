package io.agentry.web;

import java.time.Duration;

/**
 * How the HTTP API is served.
 *
 * @param bind the address to listen on; 127.0.0.1 by default, so that nothing is exposed until
 *     the operator says so
 * @param port the port; 8080 by default, 0 for any free one
 * @param adminToken the operator token ({@code AGENTRY_ADMIN_TOKEN}); null: no operator routes
 * @param maxBodyBytes the largest request body accepted; larger ones are a 413. 1 MiB by default
 * @param shutdownGrace how long a stop waits for requests in flight
 * @param authFailuresPerMinute failed authentications an address may make in a minute before it
 *     is refused (429) for the rest of that minute; 20 by default
 */
public record ApiConfig(
        String bind,
        int port,
        String adminToken,
        long maxBodyBytes,
        Duration shutdownGrace,
        int authFailuresPerMinute) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_AUTH_FAILURES = 20;

    public ApiConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (adminToken != null && adminToken.length() < 16) {
            throw new IllegalArgumentException("AGENTRY_ADMIN_TOKEN must be at least 16 characters");
        }
    }

    public static ApiConfig defaults() {
        return new ApiConfig(
                DEFAULT_BIND,
                DEFAULT_PORT,
                null,
                DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(10),
                DEFAULT_AUTH_FAILURES);
    }

    public ApiConfig withPort(int port) {
        return new ApiConfig(bind, port, adminToken, maxBodyBytes, shutdownGrace, authFailuresPerMinute);
    }

    public ApiConfig withBind(String address) {
        return new ApiConfig(address, port, adminToken, maxBodyBytes, shutdownGrace, authFailuresPerMinute);
    }

    public ApiConfig withAdminToken(String token) {
        return new ApiConfig(bind, port, token, maxBodyBytes, shutdownGrace, authFailuresPerMinute);
    }

    public ApiConfig withAuthFailuresPerMinute(int limit) {
        return new ApiConfig(bind, port, adminToken, maxBodyBytes, shutdownGrace, limit);
    }
}
