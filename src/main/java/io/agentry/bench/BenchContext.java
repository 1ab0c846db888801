package io.agentry.bench;

import io.agentry.support.Clock;
import java.io.PrintStream;

/**
 * What every workload gets: its settings, its database, the one process clock (handlers and
 * producers read the same one), the run's deadline and a stream for progress lines.
 */
record BenchContext(
        BenchSettings settings, BenchDatabase database, Clock clock, Deadline deadline, PrintStream progress) {

    Jobs jobs() {
        return new Jobs(database.fixture());
    }
}
