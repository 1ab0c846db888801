package io.agentry.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.stream.Progress;
import io.agentry.stream.Stream;
import io.agentry.stream.StreamInsights;
import io.agentry.stream.StreamItems;
import io.agentry.stream.StreamProgress;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The JSON documents that describe a stream, one definition each: the command line prints them
 * ({@code --json}) and renders its text from them, and the HTTP API returns them, so that a
 * command gives the same output on the deployment's database as through a server.
 */
public final class StreamReports {
    /** Insights a stream's overview shows. */
    public static final int INSIGHTS = 5;

    private StreamReports() {}

    /** A stream in a list: its row, with {@code progress}. */
    public static ObjectNode summary(Stream stream, Progress progress) {
        ObjectNode node = Json.MAPPER.valueToTree(stream);
        node.set("progress", progress(progress));
        return node;
    }

    /** {@code {completed, total, percentage, items, goal_status}}. */
    public static ObjectNode progress(Progress progress) {
        ObjectNode json = progress.toJson();
        json.put("items", progress.items());
        json.put("goal_status", progress.goalStatus().value());
        return json;
    }

    /**
     * A stream's overview: {@code stream}, {@code progress} (absent before any), its {@code top}
     * ranked {@code items}, latest {@code insights}, the workflow's {@code assignments} and its
     * {@code latest_run} (null before any).
     */
    public static ObjectNode overview(DataSource dataSource, Clock clock, Stream stream, int top) {
        ObjectNode report = Json.object();
        report.set("stream", Json.MAPPER.valueToTree(stream));
        new StreamProgress(dataSource, clock).read(stream.id()).ifPresent(p -> report.set("progress", progress(p)));
        report.set(
                "items",
                Json.MAPPER.valueToTree(new StreamItems(dataSource).ranked(stream.orgId(), stream.id(), null, top)));
        report.set(
                "insights",
                Json.MAPPER.valueToTree(new StreamInsights(dataSource)
                        .page(stream.orgId(), stream.id(), StreamInsights.Filter.ALL, null, INSIGHTS)));
        report.set(
                "assignments", Json.MAPPER.valueToTree(new Assignments(dataSource).list(stream.orgId(), stream.id())));
        List<WorkflowRun> latest = new WorkflowRuns(dataSource).list(stream.orgId(), stream.id(), 1);
        report.set("latest_run", latest.isEmpty() ? null : Json.MAPPER.valueToTree(latest.get(0)));
        return report;
    }

    /** A run with its {@code steps}. */
    public static ObjectNode run(WorkflowRuns runs, UUID orgId, WorkflowRun run) {
        return run(run, runs.steps(orgId, run.id()));
    }

    /** The stream's newest runs, newest first, each with its steps. */
    public static ArrayNode runs(DataSource dataSource, UUID orgId, UUID streamId, int limit) {
        WorkflowRuns runs = new WorkflowRuns(dataSource);
        return runs(runs, orgId, runs.list(orgId, streamId, limit));
    }

    /** These runs, in their order, each with its steps (read in one statement). */
    public static ArrayNode runs(WorkflowRuns runs, UUID orgId, List<WorkflowRun> list) {
        Map<UUID, List<RunStep>> steps =
                runs.steps(orgId, list.stream().map(WorkflowRun::id).toList());
        ArrayNode array = Json.MAPPER.createArrayNode();
        list.forEach(run -> array.add(run(run, steps.get(run.id()))));
        return array;
    }

    private static ObjectNode run(WorkflowRun run, List<RunStep> steps) {
        ObjectNode node = Json.MAPPER.valueToTree(run);
        node.set("steps", Json.MAPPER.valueToTree(steps));
        return node;
    }

    /**
     * What an execute queued, as the seed answers it: {@code {"execution": {"id", "status":
     * "queued", "created_at", "agent_id", "stream_id", "task_id", "workflow_run_id"}, "message"}}.
     */
    public static ObjectNode queued(Workflows.Started started, UUID streamId, UUID agentId) {
        ObjectNode execution = Json.object();
        execution.put("id", started.executionId().toString());
        execution.put("status", "queued");
        execution.set("created_at", Json.MAPPER.valueToTree(started.createdAt()));
        execution.put("agent_id", agentId.toString());
        execution.put("stream_id", streamId.toString());
        execution.put("task_id", started.taskId().toString());
        execution.put("workflow_run_id", started.runId().toString());
        ObjectNode answer = Json.object();
        answer.set("execution", execution);
        answer.put("message", "Agent execution queued successfully");
        return answer;
    }
}
