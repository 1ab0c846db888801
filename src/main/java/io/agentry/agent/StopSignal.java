package io.agentry.agent;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The runner's request that an agent stop, and the thread to interrupt when it comes. The first
 * reason wins: a task that timed out and is then cancelled stays timed out.
 */
public final class StopSignal {
    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private Thread runningThread;

    /** Asks the agent to stop; returns false if a stop had already been requested. */
    public boolean request(StopReason why) {
        if (!reason.compareAndSet(null, why)) {
            return false;
        }
        synchronized (this) {
            if (runningThread != null) {
                runningThread.interrupt();
            }
        }
        return true;
    }

    public StopReason reason() {
        return reason.get();
    }

    public boolean isRequested() {
        return reason.get() != null;
    }

    /** Marks the current thread as the one running the agent, until {@link #detach}. */
    public synchronized void attach() {
        runningThread = Thread.currentThread();
        if (isRequested()) {
            runningThread.interrupt();
        }
    }

    /** The agent returned: later requests must not interrupt this thread's next work. */
    public void detach() {
        synchronized (this) {
            runningThread = null;
        }
        Thread.interrupted();
    }
}
