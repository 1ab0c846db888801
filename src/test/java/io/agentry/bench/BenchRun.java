package io.agentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.cli.Main;
import io.agentry.support.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code agentry bench} invocation in the test JVM: its exit code, error output and report. */
record BenchRun(int exitCode, String err, JsonNode report) {

    /** Runs {@code bench} with {@code args}, adding {@code --out} under {@code dir}. */
    static BenchRun of(Path dir, String... args) {
        Path out = dir.resolve("report-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(List.of(args));
        all.add("--out");
        all.add(out.toString());
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine().setErr(new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new BenchRun(exitCode, err.toString(), read(out));
    }

    JsonNode result() {
        return report.path("result");
    }

    private static JsonNode read(Path out) {
        if (!Files.exists(out)) {
            return null;
        }
        try {
            return Json.read(Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
