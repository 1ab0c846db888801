package io.agentry.testing;

import io.agentry.agent.Agent;
import io.agentry.agent.AgentResult;
import io.agentry.support.Json;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Agents with one behaviour each, for tests. */
public final class TestAgents {
    private TestAgents() {}

    public static Agent succeeding() {
        return context -> {
            context.meter().itemsProcessed(2);
            context.meter().apiCall();
            return AgentResult.success(
                    Json.object().put("echo", context.input().path("i").asInt()));
        };
    }

    public static Agent reportingFailure(String error) {
        return context -> AgentResult.failure(error);
    }

    public static Agent throwing(String message) {
        return context -> {
            throw new IllegalStateException(message);
        };
    }

    /**
     * Counts down {@code started}, then waits for {@code release} (or an interrupt, which ends the
     * attempt with an exception). Gives up after a minute so that a broken test cannot hang.
     */
    public static Agent blocking(CountDownLatch started, CountDownLatch release) {
        return context -> {
            started.countDown();
            if (!release.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
            return AgentResult.success(Json.object().put("released", true));
        };
    }
}
