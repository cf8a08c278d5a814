package io.github.detective4j.model;

/**
 * Severity labels, as Security Hub's ASFF names them and as GuardDuty's levels map onto them.
 *
 * <table>
 *   <caption>Label ranges</caption>
 *   <tr><th>label</th><th>ASFF normalized</th><th>GuardDuty score</th></tr>
 *   <tr><td>{@link #INFORMATIONAL}</td><td>0</td><td>0.0</td></tr>
 *   <tr><td>{@link #LOW}</td><td>1 to 39</td><td>0.1 to 3.9</td></tr>
 *   <tr><td>{@link #MEDIUM}</td><td>40 to 69</td><td>4.0 to 6.9</td></tr>
 *   <tr><td>{@link #HIGH}</td><td>70 to 89</td><td>7.0 to 8.9</td></tr>
 *   <tr><td>{@link #CRITICAL}</td><td>90 to 100</td><td>9.0 to 10.0</td></tr>
 * </table>
 * GuardDuty writes scores from 1.0 to 10.0 (Low from 1.0); the column's 0.0 to 0.9 are scores of this mapping, kept
 * so that every score from 0.0 has a label, not ones GuardDuty gives. Declared from least to most severe, so
 * {@link #compareTo} orders by severity.
 */
public enum SeverityLabel {
    /** No issue was found. */
    INFORMATIONAL(0),
    /** The issue does not require action on its own. */
    LOW(1),
    /** The issue must be addressed, but not urgently. */
    MEDIUM(40),
    /** The issue must be addressed as a priority. */
    HIGH(70),
    /** The issue must be remediated immediately. */
    CRITICAL(90);

    private final int lowestNormalized;

    SeverityLabel(int lowestNormalized) {
        this.lowestNormalized = lowestNormalized;
    }

    /**
     * Returns the lowest normalized (0 to 100) value of this label, which is the value Security Hub fills in when a
     * finding gives only a label.
     *
     * @return 0, 1, 40, 70 or 90
     */
    public int lowestNormalized() {
        return lowestNormalized;
    }

    /**
     * Returns the label of a normalized 0 to 100 severity.
     *
     * @param normalized the normalized severity
     * @return its label
     * @throws IllegalArgumentException if {@code normalized} is outside 0 to 100
     */
    public static SeverityLabel ofNormalized(int normalized) {
        Require.inRange(normalized, 0, 100, "normalized severity");
        SeverityLabel[] labels = values();
        for (int i = labels.length - 1; i > 0; i--) {
            if (normalized >= labels[i].lowestNormalized) {
                return labels[i];
            }
        }
        return INFORMATIONAL;
    }

    /**
     * Reads an ASFF label, ignoring case and surrounding white space.
     *
     * @param label for example {@code HIGH}
     * @return the label
     * @throws IllegalArgumentException if the text names no label
     */
    public static SeverityLabel parse(String label) {
        String text = Require.nonNull(label, "severity label").strip();
        for (SeverityLabel value : values()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown severity label '" + IpAddresses.abbreviate(label)
                + "'; expected INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL");
    }
}
