package io.agentry.companieshouse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.agentry.companieshouse.CompaniesHouseException.Kind;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET, with a rate-limit permit before every attempt and retries on 429, 5xx, timeouts and
 * connection failures. Answers 200 and 404; everything else ends in a {@link
 * CompaniesHouseException}.
 */
final class Transport {
    private static final Logger log = LoggerFactory.getLogger(Transport.class);
    private static final int BODY_IN_MESSAGE = 200;

    private final CompaniesHouseOptions options;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String authorization;
    private final String userAgent;

    Transport(
            CompaniesHouseOptions options,
            HttpClient http,
            RateLimiter limiter,
            Backoff backoff,
            Sleeper sleeper,
            Clock clock,
            String userAgent) {
        this.options = options;
        this.http = http;
        this.limiter = limiter;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.userAgent = userAgent;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((options.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** A 200 or a 404 to {@code call}. */
    record Response(String call, int status, String body, int attempts) {
        boolean found() {
            return status != 404;
        }

        /** The body as {@code type}, ignoring the many fields the API sends that the type leaves out. */
        <T> T as(Class<T> type) {
            try {
                T value = Json.MAPPER
                        .readerFor(type)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(body);
                if (value == null) {
                    throw new IOException("empty body");
                }
                return value;
            } catch (IOException e) {
                throw new CompaniesHouseException(
                        Kind.INVALID_RESPONSE,
                        call,
                        status,
                        attempts,
                        "Companies House " + call + " answered with a body that is not a " + type.getSimpleName() + ": "
                                + e.getMessage(),
                        e);
            }
        }
    }

    Response get(String pathAndQuery) {
        String call = "GET " + pathAndQuery;
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.baseUrl() + pathAndQuery))
                .GET()
                .timeout(options.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome = attempt(request, call, attempt);
            if (outcome.answer() != null) {
                return outcome.answer();
            }
            if (attempt >= options.maxAttempts()) {
                throw outcome.exception(call, attempt, options.requestTimeout());
            }
            Duration pause = backoff.after(attempt, outcome.retryAfter());
            log.debug("{} attempt {} failed ({}); retrying in {} ms", call, attempt, outcome, pause.toMillis());
            pause(pause, call, attempt);
        }
    }

    private Outcome attempt(HttpRequest request, String call, int attempt) {
        acquirePermit(call, attempt);
        long started = clock.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            log.debug("{} -> timed out after {} ms", call, millisSince(started));
            return Outcome.failed(Kind.TIMEOUT, 0, null, e);
        } catch (IOException e) {
            log.debug("{} -> connection failed after {} ms: {}", call, millisSince(started), e.toString());
            return Outcome.failed(Kind.CONNECTION_FAILED, 0, null, e);
        } catch (InterruptedException e) {
            throw interrupted(call, attempt, e);
        }
        int status = response.statusCode();
        log.debug("{} -> {} in {} ms", call, status, millisSince(started));
        if (status == 200 || status == 404) {
            return Outcome.answered(new Response(call, status, response.body(), attempt));
        }
        if (status == 401) {
            throw new CompaniesHouseException(
                    Kind.API_KEY_REFUSED,
                    call,
                    status,
                    attempt,
                    "Companies House API key refused (HTTP 401) for " + call + ": check "
                            + CompaniesHouseClient.API_KEY_VARIABLE,
                    null);
        }
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        if (status == 429) {
            return Outcome.failed(Kind.RATE_LIMITED, status, retryAfter, null);
        }
        if (status >= 500 && status <= 599) {
            return Outcome.failed(Kind.SERVER_ERROR, status, retryAfter, null);
        }
        throw new CompaniesHouseException(
                Kind.UNEXPECTED_STATUS,
                call,
                status,
                attempt,
                "Companies House " + call + " answered HTTP " + status + ": " + excerpt(response.body()),
                null);
    }

    private void acquirePermit(String call, int attempt) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            throw interrupted(call, attempt - 1, e);
        }
    }

    private void pause(Duration pause, String call, int attempts) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            throw interrupted(call, attempts, e);
        }
    }

    private static CompaniesHouseException interrupted(String call, int attempts, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CompaniesHouseException(
                Kind.INTERRUPTED, call, 0, attempts, "Interrupted during Companies House " + call, e);
    }

    private long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - started);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String text = body.strip();
        return text.length() <= BODY_IN_MESSAGE ? text : text.substring(0, BODY_IN_MESSAGE) + "…";
    }

    /** How one attempt ended: an answer to return, or a failure worth another attempt. */
    private record Outcome(Response answer, Kind failure, int status, String retryAfter, IOException cause) {
        static Outcome answered(Response answer) {
            return new Outcome(answer, null, 0, null, null);
        }

        static Outcome failed(Kind failure, int status, String retryAfter, IOException cause) {
            return new Outcome(null, failure, status, retryAfter, cause);
        }

        CompaniesHouseException exception(String call, int attempts, Duration timeout) {
            String last = switch (failure) {
                case TIMEOUT -> "timed out (request timeout " + timeout.toMillis() + " ms)";
                case CONNECTION_FAILED -> "could not connect: " + cause;
                default -> "answered HTTP " + status;
            };
            String plural = attempts == 1 ? " attempt" : " attempts";
            return new CompaniesHouseException(
                    failure,
                    call,
                    status,
                    attempts,
                    "Companies House " + call + " failed after " + attempts + plural + "; the last " + last,
                    cause);
        }

        @Override
        public String toString() {
            return status > 0 ? "HTTP " + status : failure == Kind.TIMEOUT ? "timed out" : "could not connect";
        }
    }
}
