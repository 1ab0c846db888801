package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.signal.DetectedSignal;
import io.agentry.support.Json;
import java.util.List;

/**
 * What the scout found in one source, and how the source went ({@code report}: its {@code status}
 * is {@code checked}, {@code skipped} with a {@code reason}, or {@code not_requested}).
 */
record Scan(List<DetectedSignal> signals, ObjectNode report) {

    Scan {
        signals = List.copyOf(signals);
    }

    static Scan notRequested() {
        return new Scan(List.of(), Json.object().put("status", "not_requested"));
    }

    static Scan skipped(String reason) {
        return new Scan(List.of(), Json.object().put("status", "skipped").put("reason", reason));
    }
}
