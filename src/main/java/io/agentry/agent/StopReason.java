package io.agentry.agent;

/** Why the runner asked an agent to stop. */
public enum StopReason {
    /** Someone cancelled the task. */
    CANCELLED,
    /** The attempt ran past its timeout. */
    TIMED_OUT,
    /** This node lost the task's lease; another node may already be running it. */
    LEASE_LOST,
    /** The node is shutting down and its drain deadline passed. */
    SHUTDOWN
}
