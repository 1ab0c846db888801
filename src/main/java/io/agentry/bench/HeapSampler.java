package io.agentry.bench;

import io.agentry.support.Threads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The most heap in use while it runs, read every 20 ms: garbage not yet collected included. */
final class HeapSampler implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(Threads.factory("heap-sampler"));

    private HeapSampler() {
        sampler.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    private void sample() {
        peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    long peakUsedMib() {
        sample();
        return peak.get() >> 20;
    }

    long maxMib() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
