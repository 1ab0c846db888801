package io.agentry.bench;

import io.agentry.queue.NewTask;
import io.agentry.support.Json;
import java.util.ArrayList;
import java.util.List;

/** Builds the benchmark's tasks: payload {@code {i, t}}, everything else the queue's defaults. */
final class Jobs {
    private final BenchDatabase.Fixture fixture;

    Jobs(BenchDatabase.Fixture fixture) {
        this.fixture = fixture;
    }

    /** Job {@code i}, enqueued at {@code t} (epoch µs, or 0 when not measured). */
    NewTask job(int i, long t) {
        return NewTask.of(fixture.agentId(), fixture.orgId())
                .withPayload(Json.object().put("i", i).put("t", t));
    }

    /** Jobs 0..n−1, each with t = 0. */
    List<NewTask> batch(int n) {
        List<NewTask> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            jobs.add(job(i, 0));
        }
        return jobs;
    }
}
