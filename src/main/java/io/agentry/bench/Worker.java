package io.agentry.bench;

import io.agentry.agent.AgentRegistry;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.runner.RunnerOptions;
import io.agentry.support.Clock;

/**
 * The benchmark's worker: a real {@link Runner} with C slots and otherwise the default options
 * (poll every 5 s, so wake-ups come from LISTEN/NOTIFY; leases, fencing and retries on), on a
 * connection pool of its own, running {@link NoopAgent}.
 */
final class Worker implements AutoCloseable {
    /** The pool size the runner gets: what {@code DatabaseConfig} gives a node by default. */
    static final int POOL_SIZE = 10;

    private final Database database;
    private final Runner runner;

    private Worker(Database database, Runner runner) {
        this.database = database;
        this.runner = runner;
    }

    static RunnerOptions options(int slots) {
        return RunnerOptions.defaults().withSlots(slots);
    }

    /** Opens the worker's pool and starts the runner: everything a worker node does at start-up. */
    static Worker start(BenchDatabase target, int slots, Clock clock, JobLog log) {
        Database database = target.connect(POOL_SIZE);
        try {
            AgentRegistry registry = new AgentRegistry().register(NoopAgent.TYPE, new NoopAgent(clock, log));
            Runner runner = new Runner(database, registry, options(slots), clock);
            runner.start();
            return new Worker(database, runner);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Stops the runner (it finishes what it holds and gives back the rest), then closes the pool. */
    @Override
    public void close() {
        try {
            runner.close();
        } finally {
            database.close();
        }
    }
}
