package io.agentry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.queue.TaskQueue;
import io.agentry.runner.NodeRegistry;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerStatus;
import io.agentry.support.Threads;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The seed's task runner endpoints. The status is this node's runner with every node the
 * database knows; the counts and recent tasks are the caller's org's (every org's for the
 * operator). Start and stop act on the runner of the node that serves the request.
 */
final class RunnerRoutes {
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Control(String action) {}

    private static final int RECENT_TASKS = 20;

    private RunnerRoutes() {}

    static void addTo(Routes routes) {
        TaskCounts counts = new TaskCounts();
        routes.get(
                        "/api/agents/task-runner",
                        Access.VIEWER_OR_OPERATOR,
                        "Task runner status, task counts and recent tasks",
                        call -> status(call, counts))
                .post(
                        "/api/agents/task-runner",
                        Access.OPERATOR,
                        "Start the runner, or stop it (it drains first)",
                        Control.class,
                        RunnerRoutes::control);
    }

    private static Object status(Call call, TaskCounts taskCounts) {
        UUID org = call.caller().orgId();
        DataSource data = org == null ? call.database().dataSource() : call.data();
        TaskCounts.Counted counted = taskCounts.of(org, data, call);
        Map<String, Object> stats = new LinkedHashMap<>();
        counted.byStatus().forEach((status, count) -> stats.put(status.sql(), count));
        stats.put(
                "total",
                counted.byStatus().values().stream().mapToLong(Long::longValue).sum());
        stats.put("counted_at", counted.countedAt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("runner", runner(call));
        body.put("stats", stats);
        body.put("waiting_for_node", counted.waitingForNode());
        body.put("recent_tasks", new TaskQueue(data).recent(org, RECENT_TASKS));
        return body;
    }

    private static Map<String, Object> runner(Call call) {
        RunnerStatus status = call.services().runner().status();
        Map<String, Object> runner = new LinkedHashMap<>();
        runner.put("status", status.state().name().toLowerCase(Locale.ROOT));
        runner.put("node_id", status.nodeId());
        runner.put("polling_interval", status.pollInterval().toMillis());
        runner.put("max_concurrent_tasks", status.slots());
        runner.put("busy_slots", status.busySlots());
        runner.put("nodes", new NodeRegistry(call.database().dataSource()).list());
        return runner;
    }

    private static Object control(Call call) {
        Control control = call.body(Control.class);
        Runner runner = call.services().runner();
        String action = control.action();
        if ("start".equals(action)) {
            runner.start();
        } else if ("stop".equals(action)) {
            // Draining waits for running agents, up to the shutdown grace: not the request's to wait for.
            Threads.start("agentry-runner-stop", runner::stop);
        } else {
            throw ApiException.invalid("action", "action must be \"start\" or \"stop\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("runner", runner(call));
        return body;
    }
}
