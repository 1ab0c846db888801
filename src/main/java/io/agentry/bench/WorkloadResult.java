package io.agentry.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The {@code result} of a report: serialized as the contract's keys, summarised for humans. */
interface WorkloadResult {

    /** True when the run hit {@code --timeout-s} before it finished (then it does not count). */
    boolean timedOut();

    /** A few lines for the terminal. */
    @JsonIgnore
    String summary();
}
