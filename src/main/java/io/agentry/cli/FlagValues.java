package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentry.support.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reads the text of numeric flags, checked against their ranges before the command does anything.
 * Flags arrive as text, not converted by picocli, so that every message can name the flag and
 * echo the value as it was typed: {@code --lease-ttl must be between 1s and 1d, was 0s}. A value
 * that came from the flag's {@code AGENTRY_*} variable names the variable too. A bad value is a
 * {@link ParameterException}, which exits 2 like an unknown flag.
 *
 * <p>Ranges are written {@code MIN..MAX} in the flag's own notation ({@code 1..1000}, {@code
 * 1s..1d}, {@code 0.1..3600}); the same text appears in {@code --help}.
 */
final class FlagValues {
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("([-+]?\\d+)(ms|s|m|h|d)");

    private final CommandSpec command;

    FlagValues(CommandSpec command) {
        this.command = command;
    }

    int whole(String flag, String text, String range) {
        String[] bounds = range.split("\\.\\.");
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw invalid(flag, text, "must be a whole number between " + bounds[0] + " and " + bounds[1]);
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(new BigInteger(bounds[0])) < 0 || value.compareTo(new BigInteger(bounds[1])) > 0) {
            throw outOfRange(flag, text, bounds);
        }
        return value.intValueExact();
    }

    double decimal(String flag, String text, String range) {
        String[] bounds = range.split("\\.\\.");
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw invalid(flag, text, "must be a number between " + bounds[0] + " and " + bounds[1]);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(new BigDecimal(bounds[0])) < 0 || value.compareTo(new BigDecimal(bounds[1])) > 0) {
            throw outOfRange(flag, text, bounds);
        }
        return value.doubleValue();
    }

    Duration duration(String flag, String text, String range) {
        String[] bounds = range.split("\\.\\.");
        BigInteger millis = text == null ? null : millis(text);
        if (millis == null) {
            throw invalid(
                    flag,
                    text,
                    "must be a duration between " + bounds[0] + " and " + bounds[1]
                            + " with a unit (ms, s, m, h or d)");
        }
        if (millis.compareTo(millis(bounds[0])) < 0 || millis.compareTo(millis(bounds[1])) > 0) {
            throw outOfRange(flag, text, bounds);
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    /** {@code --lease-ttl (5s)}, or {@code --lease-ttl (5s, from AGENTRY_LEASE_TTL)}: for rules across flags. */
    String quote(String flag, String text) {
        String variable = variable(flag, text);
        return flag + " (" + text + (variable == null ? "" : ", from " + variable) + ")";
    }

    /** A flag whose value must be a JSON object. */
    JsonNode jsonObject(String flag, String text) {
        JsonNode node;
        try {
            node = Json.read(text);
        } catch (RuntimeException e) {
            throw error(flag + ": not valid JSON (" + FailureMessage.of(e) + ")");
        }
        if (!node.isObject()) {
            throw error(flag + " must be a JSON object, was " + text);
        }
        return node;
    }

    ParameterException error(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    private ParameterException outOfRange(String flag, String text, String[] bounds) {
        return invalid(flag, text, "must be between " + bounds[0] + " and " + bounds[1]);
    }

    private ParameterException invalid(String flag, String text, String rule) {
        String variable = variable(flag, text);
        String name = variable == null ? flag : flag + " (from " + variable + ")";
        return error(name + " " + rule + ", was " + text);
    }

    /**
     * The variable the text came from: {@code --x-y} falls back to {@code AGENTRY_X_Y} when it is
     * not on the command line. Flags without that fallback take their literal default, which never
     * fails its check.
     */
    private String variable(String flag, String text) {
        ParseResult parsed =
                command.commandLine() == null ? null : command.commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(flag)) {
            return null;
        }
        String variable =
                "AGENTRY_" + flag.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
        return text != null && text.equals(System.getenv(variable)) ? variable : null;
    }

    /** The milliseconds of {@code 250ms}, {@code 5s}, {@code 15m}, {@code 2h} or {@code 7d}; null if not one. */
    private static BigInteger millis(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        long unit = switch (matcher.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> 86_400_000;
        };
        return new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(unit));
    }
}
