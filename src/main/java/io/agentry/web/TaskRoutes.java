package io.agentry.web;

import io.agentry.queue.OrgTasks;
import io.agentry.queue.Task;
import io.agentry.queue.TaskQueue;
import io.agentry.queue.TaskStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The org's tasks: listed and read by its viewers, cancelled and retried by its editors. The
 * queue's cancel and retry act on a task id alone, so each is called only once the task is known
 * to be the caller's org's; another org's task is a 404 like a task that does not exist.
 */
final class TaskRoutes {
    private TaskRoutes() {}

    static void addTo(Routes routes) {
        routes.get(
                        "/api/tasks",
                        Access.VIEWER,
                        "List tasks, newest first (filters: status, agent_id, workflow_run_id)",
                        TaskRoutes::list)
                .get("/api/tasks/{id}", Access.VIEWER, "One task", call -> Map.of("task", find(call)))
                .post(
                        "/api/tasks/{id}/cancel",
                        Access.EDITOR,
                        "Cancel a task: a pending one at once, a processing one by stopping its agent",
                        null,
                        TaskRoutes::cancel)
                .post(
                        "/api/tasks/{id}/retry",
                        Access.EDITOR,
                        "Put a failed task back to pending with its retries restored",
                        null,
                        TaskRoutes::retry);
    }

    private static Object list(Call call) {
        String status = Queries.oneOf(
                call,
                "status",
                Arrays.stream(TaskStatus.values()).map(TaskStatus::sql).toList());
        OrgTasks.Filter filter = new OrgTasks.Filter(
                status == null ? null : TaskStatus.of(status),
                call.queryId("agent_id"),
                call.queryId("workflow_run_id"));
        Keyset after = Keyset.of(call);
        int limit = call.limit();
        List<Task> tasks = new OrgTasks(call.data()).list(call.orgId(), filter, after.at(), after.id(), limit + 1);
        return Page.of(tasks, limit, task -> Cursor.of(task.createdAt(), task.id()));
    }

    private static Object cancel(Call call) {
        Task task = find(call);
        TaskQueue.CancelResult result = new TaskQueue(call.data()).cancel(task.id());
        return switch (result) {
            case CANCELLED -> answer(call, task.id(), "cancelled");
            case CANCEL_REQUESTED -> {
                call.status(202);
                yield answer(call, task.id(), "cancel_requested");
            }
            case ALREADY_ENDED -> {
                TaskStatus status = find(call, task.id()).status();
                throw new ApiException(
                        409,
                        "conflict",
                        "the task has already ended (" + status.sql() + ") and cannot be cancelled",
                        Map.of("status", status));
            }
            case NOT_FOUND -> throw ApiException.notFound("task");
        };
    }

    private static Object retry(Call call) {
        Task task = find(call);
        if (task.status() != TaskStatus.FAILED || !new TaskQueue(call.data()).retry(task.id())) {
            Task now = find(call, task.id());
            if (now.status() == TaskStatus.FAILED) {
                throw new ApiException(
                        409,
                        "conflict",
                        "the task's agent was deleted, so the task cannot run again",
                        Map.of("status", now.status()));
            }
            throw new ApiException(
                    409,
                    "conflict",
                    "only a failed task can be retried; this one is "
                            + now.status().sql(),
                    Map.of("status", now.status()));
        }
        return answer(call, task.id(), "retried");
    }

    private static Map<String, Object> answer(Call call, UUID taskId, String result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("task", find(call, taskId));
        return body;
    }

    private static Task find(Call call) {
        return find(call, call.pathId("id"));
    }

    private static Task find(Call call, UUID taskId) {
        return new OrgTasks(call.data()).find(call.orgId(), taskId).orElseThrow(() -> ApiException.notFound("task"));
    }
}
