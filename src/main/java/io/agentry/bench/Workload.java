package io.agentry.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmark workloads: the three of WORKLOADS.md, Agentry's claim-scaling check, its
 * catalogue import, its website analyzer and its enrichment agent. */
public enum Workload {
    /** Drain throughput: batch-enqueue N jobs, then run them all. */
    W1,
    /** Pickup latency: one job every interval to an idle worker. */
    W2,
    /** Enqueue rate: single-row enqueues, each committed before the next. */
    W3,
    /** Workflow chains: runs of three agents, each started when the one before it completed. */
    W4,
    /** Claim latency with 1,000 versus 1,000,000 pending tasks (Agentry only). */
    CLAIM,
    /** The catalogue import of a snapshot file, beside a raw COPY of the same file (Agentry only). */
    IMPORT,
    /** The website analyzer against a local server standing for many slow sites (no database). */
    WEBSITES,
    /** The enrichment agent over a stream of companies whose sites and Companies House API answer locally. */
    ENRICHMENT,
    /** opportunity_bot: 50 qualified companies from a generated catalogue of --import-rows companies. */
    DISCOVERY,
    /** scoring_agent: a stream of 10,000 companies scored and ranked. */
    SCORING,
    /** The scheduler's tick with 10,000 agents due at once (id {@code schedule-tick}). */
    SCHEDULE_TICK,
    /** Live events: --sse-subscribers event streams on one {@code agentry serve}, delivery latency and the server's memory. */
    SSE;

    boolean needsDatabase() {
        return this != WEBSITES;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Workload of(String value) {
        for (Workload workload : values()) {
            if (workload.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Workload::id).collect(Collectors.joining(", ")));
    }
}
