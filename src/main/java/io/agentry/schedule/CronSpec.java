package io.agentry.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * A 5-field Unix cron expression ({@code minute hour day-of-month month day-of-week}), read by
 * cron-utils and evaluated on the wall clock of a time zone.
 *
 * <p>The expression is matched against local date-times, never against instants, so "0 9 * * *"
 * is 09:00 in the zone all year round. A local time the zone skips (the hour lost when clocks go
 * forward) fires once, at the instant the clocks jump; several skipped slots collapse into that
 * one fire. A local time the zone repeats (the hour gained when clocks go back) fires once, at its
 * first occurrence; the repeated hour does not fire again. See docs/schedules.md.
 *
 * <p>Immutable and thread-safe.
 */
public final class CronSpec {
    static final String FIELDS = "minute hour day-of-month month day-of-week";
    private static final List<String> FIELD_NAMES = List.of(FIELDS.split(" "));
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Far more wall-clock slots than one repeated hour holds, even for "* * * * *". */
    private static final int MAX_SLOTS_PER_CALL = 10_000;

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSpec(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    /**
     * Reads a 5-field Unix cron expression: numbers, ranges ({@code 1-5}), lists ({@code 1,15}),
     * steps ({@code *}{@code /15}), month and weekday names ({@code JAN}, {@code MON-FRI}); day of
     * week 0 or 7 is Sunday. When both day-of-month and day-of-week are restricted, a day matching
     * either fires, as in Unix cron.
     *
     * @throws InvalidCronException saying what is wrong, naming the field at fault
     */
    public static CronSpec parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidCronException(
                    expression == null ? "" : expression,
                    "is empty; a schedule needs the 5 fields " + FIELDS + ", such as \"0 9 * * *\"");
        }
        String text = expression.strip();
        if (text.startsWith("@")) {
            throw new InvalidCronException(
                    expression,
                    "is a nickname; write the 5 fields " + FIELDS + " instead (\"@daily\" is \"0 0 * * *\")");
        }
        String[] fields = text.split("\\s+");
        if (fields.length != FIELD_NAMES.size()) {
            throw new InvalidCronException(
                    expression,
                    "is not a 5-field Unix cron expression (" + FIELDS + "): it has " + fields.length
                            + (fields.length == 1 ? " field" : " fields"));
        }
        for (int i = 0; i < fields.length; i++) {
            checkField(expression, fields, i);
        }
        Cron cron;
        try {
            cron = PARSER.parse(String.join(" ", fields));
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidCronException(expression, "is not a valid cron expression: " + reason(e));
        }
        CronSpec spec = new CronSpec(text, ExecutionTime.forCron(cron));
        if (spec.slotAfter(LocalDateTime.of(2000, 1, 1, 0, 0)).isEmpty()) {
            throw new InvalidCronException(expression, "never fires: no date matches it");
        }
        return spec;
    }

    /** Each field alone, the others {@code *}, so that the message can name the one at fault. */
    private static void checkField(String expression, String[] fields, int index) {
        String[] alone = {"*", "*", "*", "*", "*"};
        alone[index] = fields[index];
        try {
            PARSER.parse(String.join(" ", alone)).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidCronException(
                    expression,
                    "has an invalid " + FIELD_NAMES.get(index) + " field \"" + fields[index] + "\": " + reason(e));
        }
    }

    /** cron-utils' message in plain words. */
    private static String reason(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "");
        if (message.matches("Value (\\S+) not in range \\[(\\S+), (\\S+)]")) {
            return message.replaceAll(
                    "Value (\\S+) not in range \\[(\\S+), (\\S+)]", "$1 is out of range, it must be $2 to $3");
        }
        if (message.matches("Period (\\S+) not in range \\[(\\S+), (\\S+)]")) {
            return message.replaceAll("Period (\\S+) not in range \\[(\\S+), (\\S+)]", "the step $1 must be 1 to $3");
        }
        if (message.matches("Invalid range! \\[(\\S+),(\\S+)]")) {
            return message.replaceAll("Invalid range! \\[(\\S+),(\\S+)]", "the range $1-$2 runs backwards");
        }
        if (message.startsWith("Invalid chars in expression!")) {
            return "it has characters cron does not know ("
                    + message.substring(message.lastIndexOf(':') + 1).strip() + ")";
        }
        if (message.startsWith("Invalid expression: ")) {
            return "\"" + message.substring("Invalid expression: ".length()) + "\" is not allowed in Unix cron";
        }
        return message;
    }

    /** The expression as it was given, without surrounding blanks. */
    public String expression() {
        return expression;
    }

    /**
     * The first fire strictly after {@code after}, following the wall clock of {@code zone} as the
     * class comment says. Successive calls, each given the previous result, strictly increase.
     */
    public Instant next(Instant after, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        // Whole seconds down: slots are whole minutes, so nothing between is lost.
        LocalDateTime wall = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < MAX_SLOTS_PER_CALL; i++) {
            LocalDateTime slot = slotAfter(wall)
                    .orElseThrow(() -> new IllegalStateException(
                            "schedule_cron \"" + expression + "\" has no fire after " + after + " in " + zone));
            Instant fire = instant(slot, rules);
            // A slot of the repeated hour's second pass maps to its first: already behind us.
            if (fire.isAfter(after)) {
                return fire;
            }
            wall = slot;
        }
        throw new IllegalStateException("schedule_cron \"" + expression + "\" found no fire after " + after + " in "
                + zone + " within " + MAX_SLOTS_PER_CALL + " slots");
    }

    /** The next matching wall-clock time after {@code wall}, computed where no clock ever jumps. */
    private Optional<LocalDateTime> slotAfter(LocalDateTime wall) {
        return executionTime.nextExecution(wall.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }

    /** A gap's slot fires when the clocks jump; an overlap's at its first occurrence. */
    static Instant instant(LocalDateTime slot, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(slot);
        if (offsets.size() == 1) {
            return slot.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition transition = rules.getTransition(slot);
        return offsets.isEmpty() ? transition.getInstant() : slot.toInstant(transition.getOffsetBefore());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSpec spec && spec.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}
