package io.agentry.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agentry.cli.Main;
import io.agentry.support.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM on the test's class path: another agentry process, running {@link EmbeddedChildMain}
 * or the {@code agentry} command itself. Its output is read all along, so that it never blocks on
 * a full pipe.
 */
final class EmbeddedChildJvm implements AutoCloseable {
    private static final String END = "\0end of output";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private EmbeddedChildJvm(Process process) {
        this.process = process;
        Threads.start("child-jvm-output-" + process.pid(), this::read);
    }

    static EmbeddedChildJvm launch(String mode, Path dataDir, String... more) {
        return launch(Map.of(), mode, dataDir, more);
    }

    /** As {@link #launch(String, Path, String...)}, with {@code environment} overriding the inherited one. */
    static EmbeddedChildJvm launch(Map<String, String> environment, String mode, Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of(mode, dataDir.toString()));
        arguments.addAll(List.of(more));
        return launch(environment, EmbeddedChildMain.class, arguments);
    }

    /** {@code agentry <arguments>}, as a user runs it. */
    static EmbeddedChildJvm agentry(String... arguments) {
        return launch(Map.of(), Main.class, List.of(arguments));
    }

    private static EmbeddedChildJvm launch(Map<String, String> environment, Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new EmbeddedChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("output closed: " + e.getMessage());
        } finally {
            lines.add(END);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The rest of the first {@code CHILD <word> ...} line it prints; fails if it ends first. */
    String awaitLine(String word) {
        String prefix = "CHILD " + word + " ";
        return awaitOutput(prefix).substring(prefix.length());
    }

    /** The next line of its output that starts with {@code prefix}, as {@link #await} does. */
    String awaitOutput(String prefix) {
        return await(line -> line.startsWith(prefix), prefix);
    }

    /** The next line it logs that holds {@code message}, as {@link #await} does. */
    String awaitLog(String message) {
        return await(line -> line.contains(message), message);
    }

    /**
     * The next line of its output, logging included, that matches; fails if the output ends
     * first, the child reports an error, or two minutes pass.
     */
    private String await(Predicate<String> matching, String description) {
        try {
            for (String line = next(); line != null; line = next()) {
                seen.add(line);
                if (matching.test(line)) {
                    return line;
                }
                if (line.startsWith("CHILD ERROR")) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("child never said " + description + "; its output:\n" + String.join("\n", seen));
    }

    private String next() throws InterruptedException {
        String line = lines.poll(2, TimeUnit.MINUTES);
        if (line == null || line.equals(END)) {
            lines.add(END);
            return null;
        }
        return line;
    }

    /** Everything it printed so far; once it has exited, everything. */
    List<String> output() {
        try {
            boolean exited = !process.isAlive();
            for (String line = poll(exited); line != null && !line.equals(END); line = poll(exited)) {
                seen.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(seen);
    }

    private String poll(boolean toTheEnd) throws InterruptedException {
        return toTheEnd ? lines.poll(10, TimeUnit.SECONDS) : lines.poll();
    }

    /** SIGKILL, as an operator's {@code kill -9} or the OOM killer would; waits until it is gone. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Closes its input, on which a child that runs until then stops; returns its exit status. */
    int stop() throws InterruptedException {
        closeInput();
        return awaitExit();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not exit; its output:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    /** Closes its input, on which an owning child closes its database and exits; kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        closeInput();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            killHard();
        }
    }

    private void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
