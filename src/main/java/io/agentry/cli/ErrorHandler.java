package io.agentry.cli;

import io.agentry.db.DatabaseConfig;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr, in plain words ({@link FailureMessage}), and a
 * non-zero exit: 2 for a value refused once the command ran (an {@link IllegalArgumentException},
 * such as a data directory in a place the embedded server cannot use, or a server's 400), like a
 * bad flag; 1 for anything else. The stack trace goes to the log at debug level ({@code AGENTRY_LOG_LEVEL=debug}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        log.debug("Command failed", e);
        String name = commandLine.getCommandSpec().qualifiedName();
        PrintWriter err = commandLine.getErr();
        err.println(name + ": " + DatabaseConfig.hidePasswords(FailureMessage.of(e)));
        if (e instanceof IllegalArgumentException || (e instanceof ApiError refused && refused.isBadRequest())) {
            err.println("see '" + name + " --help'");
            err.flush();
            return 2;
        }
        err.flush();
        return 1;
    }
}
