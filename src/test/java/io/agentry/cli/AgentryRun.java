package io.agentry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the {@code agentry} command line in the test JVM: its exit code and what it printed. */
record AgentryRun(int exitCode, String out, String err) {

    static AgentryRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new AgentryRun(exitCode, out.toString(), err.toString());
    }

    /** The error output as lines, without line separators. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
