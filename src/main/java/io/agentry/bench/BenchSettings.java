package io.agentry.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Every knob of one benchmark run, checked on construction (each message names its flag). The
 * meaning of each is in WORKLOADS.md; the flags and defaults are on {@code agentry bench --help}.
 *
 * @param dbUrl the server to use, or {@code null} for the embedded PostgreSQL in {@code dataDir}
 * @param timeout the limit of the whole workload; past it the run ends with {@code timed_out}
 * @param variant a free-text label for this configuration, copied to the report; it changes
 *     nothing in how the run behaves
 * @param claimBatch how many tasks one claim takes (claim workload)
 * @param claimSamples how many timed claims at each pending-queue size (claim workload)
 * @param claimSmall the smaller pending-queue size (claim workload)
 * @param claimLarge the larger pending-queue size (claim workload)
 * @param importRows how many synthetic companies to generate (import workload)
 * @param importFile a snapshot file to import instead of generating one, or {@code null}
 * @param websites how many sites to analyse (websites workload)
 * @param websiteDelay how long the local server waits before each answer (websites workload)
 * @param sseSubscribers how many event streams to hold open (sse workload)
 * @param sseStreams over how many streams the subscribers and events are spread (sse workload)
 * @param sseRate events committed per second (sse workload)
 * @param sseDuration how long events are sent and measured, after a 5 s warm-up (sse workload)
 */
public record BenchSettings(
        Workload workload,
        PgUrl dbUrl,
        Path dataDir,
        Path out,
        int concurrency,
        int n,
        Duration timeout,
        Duration w2Interval,
        Duration w2Duration,
        Duration w2Warmup,
        Duration w2Settle,
        Duration w2Grace,
        int w3N,
        int w3Warmup,
        String variant,
        int claimBatch,
        int claimSamples,
        int claimSmall,
        int claimLarge,
        int importRows,
        Path importFile,
        int websites,
        Duration websiteDelay,
        int sseSubscribers,
        int sseStreams,
        int sseRate,
        Duration sseDuration) {

    public BenchSettings {
        Objects.requireNonNull(workload, "--workload is required");
        Objects.requireNonNull(dataDir, "--data-dir is required");
        Objects.requireNonNull(out, "--out is required");
        require(concurrency >= 1, "--concurrency must be at least 1, was " + concurrency);
        require(n >= 1, "--n must be at least 1, was " + n);
        requirePositive("--timeout-s", timeout);
        requirePositive("--w2-interval-ms", w2Interval);
        requirePositive("--w2-duration-s", w2Duration);
        requireNotNegative("--w2-warmup-s", w2Warmup);
        requireNotNegative("--w2-settle-ms", w2Settle);
        requireNotNegative("--w2-grace-s", w2Grace);
        require(w3N >= 1, "--w3-n must be at least 1, was " + w3N);
        require(w3Warmup >= 0, "--w3-warmup must be 0 or more, was " + w3Warmup);
        require(variant != null && !variant.isBlank(), "--variant must not be blank");
        require(claimBatch >= 1, "--claim-batch must be at least 1, was " + claimBatch);
        require(claimSamples >= 1, "--claim-samples must be at least 1, was " + claimSamples);
        require(claimSmall >= claimBatch, "--claim-small must be at least --claim-batch, was " + claimSmall);
        require(claimLarge >= claimSmall, "--claim-large must be at least --claim-small, was " + claimLarge);
        require(importRows >= 1, "--import-rows must be at least 1, was " + importRows);
        require(websites >= 1, "--websites must be at least 1, was " + websites);
        requireNotNegative("--website-delay-ms", websiteDelay);
        require(sseSubscribers >= 1, "--sse-subscribers must be at least 1, was " + sseSubscribers);
        require(
                sseStreams >= 1 && sseStreams <= sseSubscribers,
                "--sse-streams must be between 1 and --sse-subscribers, was " + sseStreams);
        require(sseRate >= 1, "--sse-rate must be at least 1, was " + sseRate);
        requirePositive("--sse-duration-s", sseDuration);
    }

    /** The knobs as the report's {@code settings} object (snake_case, units in the names). */
    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("workload", workload.id());
        json.put("database", dbUrl == null ? "embedded" : dbUrl.describe());
        json.put("concurrency", concurrency);
        json.put("n", n);
        json.put("timeout_s", timeout.toMillis() / 1000.0);
        json.put("w2_interval_ms", w2Interval.toMillis());
        json.put("w2_duration_s", w2Duration.toMillis() / 1000.0);
        json.put("w2_warmup_s", w2Warmup.toMillis() / 1000.0);
        json.put("w2_settle_ms", w2Settle.toMillis());
        json.put("w2_grace_s", w2Grace.toMillis() / 1000.0);
        json.put("w3_n", w3N);
        json.put("w3_warmup", w3Warmup);
        json.put("variant", variant);
        json.put("claim_batch", claimBatch);
        json.put("claim_samples", claimSamples);
        json.put("claim_small", claimSmall);
        json.put("claim_large", claimLarge);
        json.put("import_rows", importRows);
        json.put("import_file", importFile == null ? null : importFile.toString());
        json.put("websites", websites);
        json.put("website_delay_ms", websiteDelay.toMillis());
        json.put("sse_subscribers", sseSubscribers);
        json.put("sse_streams", sseStreams);
        json.put("sse_rate", sseRate);
        json.put("sse_duration_s", sseDuration.toMillis() / 1000.0);
        return json;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requirePositive(String flag, Duration value) {
        require(
                value != null && !value.isNegative() && !value.isZero(),
                flag + " must be positive, was " + inUnitOf(flag, value));
    }

    private static void requireNotNegative(String flag, Duration value) {
        require(value != null && !value.isNegative(), flag + " must be 0 or more, was " + inUnitOf(flag, value));
    }

    /** The value in the unit its flag names ({@code -ms} or {@code -s}). */
    private static String inUnitOf(String flag, Duration value) {
        if (value == null) {
            return "nothing";
        }
        return flag.endsWith("-ms") ? String.valueOf(value.toMillis()) : String.valueOf(value.toMillis() / 1000.0);
    }
}
