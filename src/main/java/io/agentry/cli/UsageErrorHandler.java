package io.agentry.cli;

import io.agentry.db.DatabaseConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line (unknown flag, bad value, missing argument) is one line naming what is wrong
 * and a pointer to the help, not the whole usage, which would bury that line; exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String name = commandLine.getCommandSpec().qualifiedName();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        PrintWriter err = commandLine.getErr();
        err.println(name + ": " + DatabaseConfig.hidePasswords(message));
        err.println("see '" + name + " --help'");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}
