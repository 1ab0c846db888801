package io.agentry.web;

import io.agentry.db.DatabaseException;
import io.agentry.schedule.InvalidScheduleException;
import io.agentry.schedule.UnknownAgentException;
import io.agentry.stream.InvalidGoalException;
import io.agentry.support.Json;
import io.agentry.workflow.MissingDependenciesException;
import io.agentry.workflow.WorkflowException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an HTTP answer: {@code {"error", "code", "details"}}.
 * Features throw their own typed exceptions; this maps each to its status. Anything unexpected is
 * a 500 that says only that, with the request id, and is logged in full.
 */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    static void respond(Exception failure, Context context) {
        ApiException answer = map(failure);
        if (answer.status() >= 500) {
            log.error("{} {} failed", context.method(), context.path(), failure);
        }
        write(context, answer);
    }

    static void write(Context context, ApiException answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", answer.getMessage());
        body.put("code", answer.code());
        if (!answer.details().isEmpty()) {
            body.put("details", answer.details());
        }
        if (answer.status() == 429 && answer.details().get("retry_after_seconds") instanceof Number seconds) {
            context.header("Retry-After", String.valueOf(seconds.longValue()));
        }
        context.status(answer.status()).contentType("application/json").result(Json.write(body));
    }

    static ApiException map(Exception failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof MissingDependenciesException missing) {
            return new ApiException(
                    400,
                    "missing_dependencies",
                    missing.getMessage(),
                    Map.of("missing_dependencies", missing.missingDependencies()));
        }
        if (failure instanceof WorkflowException workflow) {
            Map<String, Object> details = workflow.field() == null ? Map.of() : Map.of("field", workflow.field());
            return switch (workflow.kind()) {
                case NOT_FOUND -> new ApiException(404, "not_found", workflow.getMessage(), details);
                case INVALID -> new ApiException(400, "invalid_field", workflow.getMessage(), details);
                case CONFLICT -> new ApiException(409, "conflict", workflow.getMessage(), details);
            };
        }
        if (failure instanceof InvalidGoalException goal) {
            Map<String, String> fields = new LinkedHashMap<>();
            goal.errors().forEach(error -> fields.put(error.field(), error.message()));
            return new ApiException(400, "invalid_goal", goal.getMessage(), Map.of("fields", fields));
        }
        if (failure instanceof InvalidScheduleException schedule) {
            return ApiException.invalid(schedule.field(), schedule.getMessage());
        }
        if (failure instanceof UnknownAgentException) {
            return ApiException.notFound("agent");
        }
        if (failure instanceof HttpResponseException http) {
            return switch (http.getStatus()) {
                case 404 -> new ApiException(404, "not_found", "no such route");
                case 405 -> new ApiException(405, "method_not_allowed", "this route does not take that method");
                case 413 -> new ApiException(413, "body_too_large", "the request body is too large");
                default -> new ApiException(http.getStatus(), "http_" + http.getStatus(), http.getMessage());
            };
        }
        if (failure instanceof DatabaseException database && isUnavailable(database.sqlState())) {
            return new ApiException(503, "database_unavailable", "the database is not answering; try again shortly");
        }
        return new ApiException(500, "internal_error", "internal error; the server log has the details");
    }

    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57"));
    }
}
