package io.github.detective4j.investigation;

/** Whether an investigator still works on an investigation: Amazon Detective's {@code State}. */
public enum InvestigationState {
    /** Open. */
    ACTIVE,
    /** Closed by an investigator. */
    ARCHIVED
}
