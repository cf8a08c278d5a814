package io.github.detective4j.investigation;

/**
 * How severe an investigation or one of its indicators is: Amazon Detective's severities, lowest first. How each is
 * derived is documented on {@link Investigation}.
 */
public enum InvestigationSeverity {
    /** Nothing to act on. */
    INFORMATIONAL,
    /** Unusual, most likely benign. */
    LOW,
    /** Worth a look. */
    MEDIUM,
    /** Likely malicious. */
    HIGH,
    /** Corroborated by several strong signals: act now. */
    CRITICAL;

    /**
     * Returns the higher of two severities.
     *
     * @param other another severity
     * @return the higher one
     */
    public InvestigationSeverity max(InvestigationSeverity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Returns the next lower severity, {@link #INFORMATIONAL} staying so.
     *
     * @return one level down
     */
    public InvestigationSeverity lower() {
        return this == INFORMATIONAL ? this : values()[ordinal() - 1];
    }
}
