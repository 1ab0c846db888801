package io.agentry.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line on stderr and a non-zero exit: bad values (an {@link
 * IllegalArgumentException} from the options records) exit 2 like bad flags; anything else exits
 * 1, with the stack trace in the log.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof IllegalArgumentException) {
            commandLine.getErr().println("agentry " + commandLine.getCommandName() + ": " + e.getMessage());
            commandLine.getErr().println("Try 'agentry " + commandLine.getCommandName() + " --help'.");
            return 2;
        }
        log.debug("Command failed", e);
        commandLine.getErr().println("agentry " + commandLine.getCommandName() + ": " + e.getMessage());
        return 1;
    }
}
