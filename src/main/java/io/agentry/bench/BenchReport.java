package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON file a run writes, key for key as WORKLOADS.md specifies. A run counts only if
 * {@code error} is null and the result did not time out ({@link #counts()}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "peer",
    "workload",
    "library",
    "library_version",
    "runtime",
    "concurrency",
    "settings",
    "error",
    "result"
})
public record BenchReport(
        String peer,
        String workload,
        String library,
        String libraryVersion,
        String runtime,
        int concurrency,
        ObjectNode settings,
        String error,
        WorkloadResult result) {

    static final String PEER = "agentry";

    @JsonIgnore
    public boolean counts() {
        return error == null && result != null && !result.timedOut();
    }

    void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
    }

    /** The human-readable version, for the terminal. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append("agentry ")
                .append(libraryVersion)
                .append(" bench ")
                .append(workload)
                .append(" (")
                .append(runtime)
                .append(", concurrency ")
                .append(concurrency);
        if (settings.has("synchronous_commit")) {
            text.append(", synchronous_commit=")
                    .append(settings.path("synchronous_commit").asText());
        }
        text.append(")\n");
        if (result != null) {
            text.append(result.summary()).append('\n');
        }
        if (error != null) {
            text.append("ERROR: ").append(error).append('\n');
        }
        text.append(counts() ? "This run counts." : "This run does NOT count (error or timed out).");
        return text.toString();
    }
}
