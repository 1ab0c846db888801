package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A second JVM running {@link EmbeddedChildMain} on the test's class path: another agentry process. */
final class EmbeddedChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final List<String> seen = new ArrayList<>();

    private EmbeddedChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    }

    static EmbeddedChildJvm launch(String mode, Path dataDir, String... more) {
        return launch(Map.of(), mode, dataDir, more);
    }

    /** As {@link #launch(String, Path, String...)}, with {@code environment} overriding the inherited one. */
    static EmbeddedChildJvm launch(Map<String, String> environment, String mode, Path dataDir, String... more) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedChildMain.class.getName(),
                mode,
                dataDir.toString()));
        command.addAll(List.of(more));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new EmbeddedChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The rest of the first {@code CHILD <word> ...} line it prints; fails if it ends first. */
    String awaitLine(String word) {
        String prefix = "CHILD " + word + " ";
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                if (line.startsWith("CHILD ERROR")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("child never said " + prefix + "; its output:\n" + String.join("\n", seen));
    }

    /** SIGKILL, as an operator's {@code kill -9} or the OOM killer would; waits until it is gone. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not exit; its output:\n" + String.join("\n", seen));
        }
        return process.exitValue();
    }

    /** Closes its input, on which an owning child closes its database and exits; kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            killHard();
        }
    }
}
