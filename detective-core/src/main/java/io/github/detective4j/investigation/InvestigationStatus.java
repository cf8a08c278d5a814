package io.github.detective4j.investigation;

/** Whether an investigation ran to its end: Amazon Detective's {@code Status}. Ours run synchronously. */
public enum InvestigationStatus {
    /** Still running (never returned by a synchronous investigation; kept for Detective's shape). */
    RUNNING,
    /** It could not run. */
    FAILED,
    /** It ran; its indicators are complete. */
    SUCCESSFUL
}
