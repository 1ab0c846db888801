package io.agentry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code agentry} command. */
@Command(
        name = "agentry",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A durable execution engine for business-intelligence agents, on PostgreSQL.",
        subcommands = {
            ServeCommand.class,
            WorkerCommand.class,
            DbCommand.class,
            StatusCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
