package io.agentry.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one attempt used, counted by the agent as it goes and stored as the execution's {@code
 * metrics} (snake_case keys: items_processed, api_calls, tokens_used, cost_usd, duration_ms).
 * Safe to use from several threads of one agent.
 */
public final class CostMeter {
    private final LongAdder itemsProcessed = new LongAdder();
    private final LongAdder apiCalls = new LongAdder();
    private final LongAdder tokensUsed = new LongAdder();
    private final AtomicReference<BigDecimal> costUsd = new AtomicReference<>(BigDecimal.ZERO);

    public void itemsProcessed(long count) {
        itemsProcessed.add(count);
    }

    public void apiCall() {
        apiCalls.increment();
    }

    public void tokens(long count) {
        tokensUsed.add(count);
    }

    public void cost(BigDecimal usd) {
        if (usd.signum() < 0) {
            throw new IllegalArgumentException("cost must not be negative, was " + usd);
        }
        costUsd.accumulateAndGet(usd, BigDecimal::add);
    }

    public ObjectNode toJson(long durationMs) {
        ObjectNode json = Json.object();
        json.put("items_processed", itemsProcessed.sum());
        json.put("api_calls", apiCalls.sum());
        json.put("tokens_used", tokensUsed.sum());
        json.put("cost_usd", costUsd.get());
        json.put("duration_ms", durationMs);
        return json;
    }
}
