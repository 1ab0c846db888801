package io.agentry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.stream.After;
import io.agentry.stream.NewStream;
import io.agentry.stream.Progress;
import io.agentry.stream.RankedItem;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamChange;
import io.agentry.stream.StreamItems;
import io.agentry.stream.StreamProgress;
import io.agentry.stream.Streams;
import io.agentry.workflow.StreamDeletion;
import io.agentry.workflow.StreamReports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Streams: their list, creation, overview, changes and deletion, and their ranked items and
 * progress. The routes of a stream's workflow, runs and insights are added with them, in their
 * own classes. See docs/api-streams.md.
 */
final class StreamRoutes {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewStreamRequest(
            String name,
            String description,
            String streamType,
            JsonNode goalCriteria,
            JsonNode targetMetrics,
            String goalDeadline) {}

    /** Null keeps a field; an empty description or deadline clears it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamUpdate(
            String name,
            String description,
            JsonNode goalCriteria,
            JsonNode targetMetrics,
            String goalDeadline,
            String status) {}

    /** Items a stream's overview shows unless {@code top} says otherwise, and the most it shows. */
    static final int TOP = 10;

    static final int MAX_TOP = 1000;

    private StreamRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/streams",
                        Access.VIEWER,
                        "List the org's streams with their progress, newest first",
                        StreamRoutes::list)
                .post("/api/streams", Access.EDITOR, "Create a stream", NewStreamRequest.class, StreamRoutes::create)
                .get(
                        "/api/streams/{id}",
                        Access.VIEWER,
                        "A stream's overview: the stream, its progress, top items, latest insights, workflow and latest run",
                        StreamRoutes::overview)
                .patch(
                        "/api/streams/{id}",
                        Access.EDITOR,
                        "Change a stream's name, description, goal, deadline or status",
                        StreamUpdate.class,
                        StreamRoutes::update)
                .delete(
                        "/api/streams/{id}",
                        Access.EDITOR,
                        "Delete a stream with its items, insights, events, workflow and runs",
                        call -> {
                            new StreamDeletion(call.data()).delete(call.orgId(), call.pathId("id"));
                            return null;
                        })
                .get(
                        "/api/streams/{id}/items",
                        Access.VIEWER,
                        "A stream's companies, best ranked first",
                        StreamRoutes::items)
                .get(
                        "/api/streams/{id}/progress",
                        Access.VIEWER,
                        "A stream's progress towards its goal, worked out now (reading writes nothing)",
                        StreamRoutes::progress);
        AssignmentRoutes.addTo(routes);
        RunRoutes.addTo(routes);
        InsightRoutes.addTo(routes);
    }

    /** The caller's org's stream of the path's {@code id}; a 404 for any other. */
    static Stream stream(Call call) {
        return streams(call).find(call.orgId(), call.pathId("id")).orElseThrow(() -> ApiException.notFound("stream"));
    }

    /** Where a newest-first page starts, from the {@code cursor} its previous page gave ({@code created_at, id}). */
    static After after(Call call) {
        Keyset keyset = Keyset.of(call);
        return keyset.at() == null ? null : new After(keyset.at(), keyset.id());
    }

    /** A JSON value given in a body, or null when absent or {@code null}: a null field keeps its value. */
    static JsonNode given(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static Object list(Call call) {
        int limit = call.limit();
        List<Stream> rows = streams(call).page(call.orgId(), call.query("name"), after(call), limit + 1);
        Page<Stream> page = Page.of(rows, limit, stream -> Cursor.of(stream.createdAt(), stream.id()));
        Map<UUID, Progress> progress = new StreamProgress(
                        call.data(), call.services().clock())
                .readAll(page.items().stream().map(Stream::id).toList());
        return new Page<>(
                page.items().stream()
                        .filter(stream -> progress.containsKey(stream.id()))
                        .map(stream -> StreamReports.summary(stream, progress.get(stream.id())))
                        .toList(),
                page.nextCursor());
    }

    private static Object create(Call call) {
        NewStreamRequest request = call.body(NewStreamRequest.class);
        Stream stream = streams(call)
                .create(
                        call.orgId(),
                        new NewStream(
                                request.name(),
                                blankToNull(request.description()),
                                request.streamType(),
                                given(request.goalCriteria()),
                                given(request.targetMetrics()),
                                request.goalDeadline() == null ? null : deadline(request.goalDeadline())));
        call.status(201);
        return Map.of("stream", stream);
    }

    private static Object overview(Call call) {
        int top = top(call.query("top"));
        return StreamReports.overview(call.data(), call.services().clock(), stream(call), top);
    }

    private static Object update(Call call) {
        StreamUpdate request = call.body(StreamUpdate.class);
        StreamChange change = new StreamChange(
                request.name(),
                request.description() == null ? null : Optional.ofNullable(blankToNull(request.description())),
                given(request.goalCriteria()),
                given(request.targetMetrics()),
                request.goalDeadline() == null
                        ? null
                        : request.goalDeadline().isBlank()
                                ? Optional.empty()
                                : Optional.of(deadline(request.goalDeadline())),
                request.status());
        Stream stream = streams(call)
                .update(
                        call.orgId(),
                        call.pathId("id"),
                        change,
                        call.services().clock().now())
                .orElseThrow(() -> ApiException.notFound("stream"));
        return Map.of("stream", stream);
    }

    private static Object items(Call call) {
        Stream stream = stream(call);
        int limit = call.limit();
        Cursor cursor = call.cursor();
        StreamItems.Rank after = cursor == null
                ? null
                : fromCursor(() -> new StreamItems.Rank(
                        orNull(cursor.value(0), Integer::valueOf),
                        orNull(cursor.value(1), Double::valueOf),
                        Instant.parse(cursor.value(2)),
                        UUID.fromString(cursor.value(3))));
        List<RankedItem> rows = new StreamItems(call.data()).ranked(call.orgId(), stream.id(), after, limit + 1);
        return Page.of(
                rows, limit, item -> Cursor.of(item.position(), item.qualityScore(), item.createdAt(), item.id()));
    }

    private static Object progress(Call call) {
        Stream stream = stream(call);
        Progress progress = new StreamProgress(call.data(), call.services().clock())
                .read(stream.id())
                .orElseThrow(() -> ApiException.notFound("stream"));
        return Map.of("progress", StreamReports.progress(progress));
    }

    private static Streams streams(Call call) {
        return new Streams(call.data(), call.services().reference());
    }

    private static int top(String value) {
        if (value == null) {
            return TOP;
        }
        try {
            int top = Integer.parseInt(value);
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.invalid("top", "top must be a whole number from 1 to " + MAX_TOP + ", not '" + value + "'");
    }

    /** A date (the start of that day, UTC, as {@code agentry streams create --deadline}) or a time with its offset. */
    private static Instant deadline(String value) {
        String text = value.strip();
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(
                        "goal_deadline",
                        "goal_deadline must be a date such as 2027-03-31 or a time such as 2027-03-31T17:00:00Z, was '"
                                + value + "'");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> T fromCursor(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiException.invalid("cursor", "cursor is not one this list gave");
        }
    }

    private static <T> T orNull(String value, Function<String, T> parse) {
        return "null".equals(value) ? null : parse.apply(value);
    }
}
