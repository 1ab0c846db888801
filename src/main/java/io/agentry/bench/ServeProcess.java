package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Database;
import io.agentry.support.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code agentry serve} in a JVM of its own, on the benchmark's database, as an operator runs it:
 * the same classes and JVM options as the bench, the API on a free port of 127.0.0.1. Its own
 * process, so that its memory is its alone, not the clients'. Its output goes to a log file.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("HTTP API on http://127\\.0\\.0\\.1:(\\d+) ");

    /**
     * What the server's process holds, read from {@code /proc} and the JDK's {@code jcmd}/{@code jstat}.
     *
     * @param rssMib resident memory of the process
     * @param heapLiveMib heap in use right after a full collection (what the server keeps alive)
     * @param threads the process's threads
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"rss_mib", "heap_live_mib", "threads"})
    record Memory(long rssMib, long heapLiveMib, int threads) {}

    private final Process process;
    private final int port;
    private final Path log;

    private ServeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServeProcess start(Database database, Path log, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.agentry.cli.Main"));
        command.addAll(List.of("serve", "--bind", "127.0.0.1", "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AGENTRY_DATABASE_URL", database.url());
        builder.environment().put("AGENTRY_DATABASE_USER", database.user());
        builder.environment().put("AGENTRY_DATABASE_PASSWORD", database.password());
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Threads.start("serve-output", () -> copy(process, log, port));
        try {
            return new ServeProcess(process, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "agentry serve did not say where it serves within " + timeout + " (exit "
                            + (process.isAlive() ? "none" : process.exitValue()) + "); see " + log,
                    e);
        }
    }

    /** Copies the server's output to the log, and completes {@code port} from the line that gives it. */
    private static void copy(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    port.complete(Integer.parseInt(serving.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the server's output ended"));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The server's memory now: a full collection first, so the heap figure is what it keeps. */
    Memory memory() throws IOException, InterruptedException {
        jdkTool("jcmd", String.valueOf(process.pid()), "GC.run");
        return new Memory(procStatus("VmRSS") / 1024, liveHeapKib() / 1024, (int) procStatus("Threads"));
    }

    /** The heap in use by {@code jstat -gc}: survivors, eden and old generation, in KiB. */
    private long liveHeapKib() throws IOException, InterruptedException {
        List<String> lines = jdkTool("jstat", "-gc", String.valueOf(process.pid()));
        List<String> names = Arrays.asList(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double kib = 0;
        for (String used : List.of("S0U", "S1U", "EU", "OU")) {
            kib += Double.parseDouble(values[names.indexOf(used)]);
        }
        return Math.round(kib);
    }

    /** A field of {@code /proc/<pid>/status}, as its number (kB for sizes). */
    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    private static List<String> jdkTool(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            output = lines.lines().toList();
        }
        if (run.waitFor() != 0) {
            throw new IOException(tool + " failed: " + String.join("\n", output));
        }
        return output;
    }

    /** Stops the server as an operator does (SIGTERM: a graceful stop), forcibly if it takes over 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
