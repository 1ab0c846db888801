package io.agentry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.org.Organizations;
import io.agentry.stream.InvalidGoalException;
import io.agentry.stream.NewStream;
import io.agentry.stream.Stream;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry streams create}: a goal for the agents, checked before anything is written. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Create a stream. The goal is given by flags or as JSON (--criteria, --targets), "
                + "and checked before anything is written: see docs/streams.md.",
        footer = Main.FOOTER)
final class StreamCreateCommand implements Callable<Integer> {
    private static final Pattern RANGE = Pattern.compile("(\\d*)-(\\d*)");

    /** Goal fields as the flags that set them, for errors in the user's words. */
    private static final Map<String, String> FLAG_OF = Map.of(
            "goal_criteria.industry", "--industry",
            "goal_criteria.location", "--location",
            "goal_criteria.employee_count", "--employees",
            "goal_criteria.revenue", "--revenue",
            "target_metrics.companies_to_find", "--companies",
            "target_metrics.min_quality_score", "--min-quality",
            "name", "NAME");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseFlags database;

    @Mixin
    RemoteFlags remote;

    @Mixin
    ReferenceFlags referenceFlags;

    @Mixin
    OrgFlags org;

    @Parameters(index = "0", paramLabel = "NAME", description = "The stream's name: \"UK SaaS prospects\".")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the stream is for.")
    String description;

    @Option(
            names = "--industry",
            paramLabel = "LABEL",
            description = "An industry label (SaaS, FinTech, …), SIC code, division or section; repeatable.")
    List<String> industries = new ArrayList<>();

    @Option(
            names = "--location",
            paramLabel = "PLACE",
            description = "A country (UK, Ireland, …), region, postcode area or town; repeatable.")
    List<String> locations = new ArrayList<>();

    @Option(
            names = "--employees",
            paramLabel = "MIN-MAX",
            description = "The company size in employees: 10-500, 10- (at least 10) or -500.")
    String employees;

    @Option(names = "--revenue", paramLabel = "MIN-MAX", description = "Turnover in pounds: 1000000-50000000.")
    String revenue;

    @Option(
            names = "--companies",
            paramLabel = "N",
            description = "How many qualified companies the stream wants (1..10000). Default: 50.")
    String companies;

    @Option(
            names = "--min-quality",
            paramLabel = "SCORE",
            description = "The score (0..5) from which a company counts as qualified. Default: 3.0.")
    String minQuality;

    @Option(
            names = "--criteria",
            paramLabel = "JSON",
            description = "The goal criteria as JSON instead of the flags above: "
                    + "'{\"industry\": [\"SaaS\"], \"location\": [\"UK\"]}'.")
    String criteriaJson;

    @Option(
            names = "--targets",
            paramLabel = "JSON",
            description = "The target metrics as JSON: '{\"companies_to_find\": 50, \"min_quality_score\": 4.0}'.")
    String targetsJson;

    @Option(names = "--deadline", paramLabel = "DATE", description = "When the goal should be met: 2027-03-31.")
    String deadline;

    @Option(names = "--json", description = "Print the stream as JSON.")
    boolean json;

    @Override
    public Integer call() {
        FlagValues flags = new FlagValues(spec);
        NewStream stream = new NewStream(name, description, criteria(flags), targets(flags), deadline(flags));
        Optional<RemoteApi> api = remote.api();
        JsonNode created = api.isPresent() ? created(flags, api.get(), stream) : created(flags, stream);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(created));
        } else {
            Stream made = Documents.read(created, Stream.class);
            out.printf("Created stream %s: %s%n", made.id(), made.name());
            out.println(StreamText.goal(made));
            out.printf("Next: agentry run opportunity_bot --stream %s%n", made.id());
        }
        out.flush();
        return 0;
    }

    private JsonNode created(FlagValues flags, NewStream stream) {
        ReferenceData reference = referenceFlags.load();
        try (Database db = Databases.open(database.config())) {
            db.migrate();
            UUID orgId = new Organizations(db.dataSource()).findOrCreate(org.name);
            return Json.MAPPER.valueToTree(new Streams(db.dataSource(), reference).create(orgId, stream));
        } catch (InvalidGoalException e) {
            throw flags.error(inFlagTerms(e.errors()));
        }
    }

    /** Through the server, which checks the goal with its own reference data. */
    private JsonNode created(FlagValues flags, RemoteApi api, NewStream stream) {
        ObjectNode body = Json.object();
        body.put("name", stream.name());
        if (stream.description() != null) {
            body.put("description", stream.description());
        }
        body.set("goal_criteria", stream.goalCriteria());
        body.set("target_metrics", stream.targetMetrics());
        if (stream.goalDeadline() != null) {
            body.set("goal_deadline", Json.MAPPER.valueToTree(stream.goalDeadline()));
        }
        try {
            return api.post("/api/streams", body).path("stream");
        } catch (ApiError e) {
            if (!e.isBadRequest()) {
                throw e;
            }
            List<InvalidGoalException.FieldError> errors = new ArrayList<>();
            e.details()
                    .path("fields")
                    .fields()
                    .forEachRemaining(field -> errors.add(new InvalidGoalException.FieldError(
                            field.getKey(), field.getValue().asText())));
            if (errors.isEmpty() && e.details().path("field").isTextual()) {
                errors.add(new InvalidGoalException.FieldError(
                        e.details().path("field").asText(), e.error()));
            }
            throw flags.error(errors.isEmpty() ? e.error() : inFlagTerms(errors));
        }
    }

    private JsonNode criteria(FlagValues flags) {
        boolean anyFlag = !industries.isEmpty() || !locations.isEmpty() || employees != null || revenue != null;
        if (criteriaJson != null) {
            if (anyFlag) {
                throw flags.error("--criteria: give the criteria as JSON or as --industry, --location, "
                        + "--employees and --revenue, not both");
            }
            return json(flags, "--criteria", criteriaJson);
        }
        ObjectNode criteria = Json.object();
        if (!industries.isEmpty()) {
            industries.forEach(criteria.putArray("industry")::add);
        }
        if (!locations.isEmpty()) {
            locations.forEach(criteria.putArray("location")::add);
        }
        range(flags, "--employees", employees).ifPresent(range -> criteria.set("employee_count", range));
        range(flags, "--revenue", revenue).ifPresent(range -> criteria.set("revenue", range));
        return criteria;
    }

    private JsonNode targets(FlagValues flags) {
        if (targetsJson != null) {
            if (companies != null || minQuality != null) {
                throw flags.error("--targets: give the targets as JSON or as --companies and --min-quality, not both");
            }
            return json(flags, "--targets", targetsJson);
        }
        ObjectNode targets = Json.object();
        if (companies != null) {
            targets.put("companies_to_find", flags.whole("--companies", companies, "1..10000"));
        }
        if (minQuality != null) {
            targets.put("min_quality_score", flags.decimal("--min-quality", minQuality, "0..5"));
        }
        return targets;
    }

    private static JsonNode json(FlagValues flags, String flag, String text) {
        try {
            return Json.read(text);
        } catch (RuntimeException e) {
            throw flags.error(flag + ": not valid JSON (" + FailureMessage.of(e) + ")");
        }
    }

    private static Optional<ObjectNode> range(FlagValues flags, String flag, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = RANGE.matcher(text.strip());
        if (!matcher.matches()
                || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            throw flags.error(flag + " must be MIN-MAX in whole numbers (10-500, 10- or -500), was " + text);
        }
        ObjectNode range = Json.object();
        try {
            if (!matcher.group(1).isEmpty()) {
                range.put("min", Long.parseLong(matcher.group(1)));
            }
            if (!matcher.group(2).isEmpty()) {
                range.put("max", Long.parseLong(matcher.group(2)));
            }
        } catch (NumberFormatException e) {
            throw flags.error(flag + ": " + text + " is too large");
        }
        return Optional.of(range);
    }

    private Instant deadline(FlagValues flags) {
        if (deadline == null) {
            return null;
        }
        try {
            return LocalDate.parse(deadline.strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw flags.error("--deadline must be a date such as 2027-03-31, was " + deadline);
        }
    }

    /** Field paths become the flags that set them, unless the goal came as JSON. */
    private String inFlagTerms(List<InvalidGoalException.FieldError> errors) {
        List<String> problems = new ArrayList<>();
        for (InvalidGoalException.FieldError error : errors) {
            String field = error.field();
            boolean fromJson = field.startsWith("goal_criteria") ? criteriaJson != null : targetsJson != null;
            String flag = FLAG_OF.entrySet().stream()
                    .filter(entry -> field.equals(entry.getKey()) || field.startsWith(entry.getKey() + "["))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            problems.add((flag == null || (fromJson && !field.equals("name")) ? field : flag) + ": " + error.message());
        }
        return String.join("; ", problems);
    }
}
