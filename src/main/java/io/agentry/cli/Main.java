package io.agentry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code agentry} command. */
@Command(
        name = "agentry",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A durable execution engine for business-intelligence agents, on PostgreSQL.",
        footer = Main.FOOTER,
        subcommands = {
            DemoCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            DbCommand.class,
            StatusCommand.class,
            ImportCommand.class,
            CompaniesCommand.class,
            StreamsCommand.class,
            AgentsCommand.class,
            KeysCommand.class,
            RunCommand.class,
            WorkflowCommand.class,
            RunsCommand.class,
            ExecuteCommand.class,
            SampleCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** The end of every command's help. */
    static final String FOOTER = "%nEnv AGENTRY_LOG_LEVEL sets what is logged to stderr: error, warn, info "
            + "(the default) or debug (which adds the stack trace of a failure)."
            + "%nExit codes: 0 done, 1 failed, 2 bad command line or value.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code agentry} command line, ready to execute in this process. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Main()));
    }

    /** How every Agentry command line reports errors; later flags override earlier ones. */
    static CommandLine configured(CommandLine commandLine) {
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
