package io.github.detective4j.model;

/**
 * The severity of a finding: a score on GuardDuty's 0.0 to 10.0 scale and a {@linkplain SeverityLabel label}.
 *
 * <p>The scales meet at {@code normalized = floor(score * 10)}: GuardDuty 8.0 is ASFF normalized 80, HIGH; ASFF
 * normalized 45 is score 4.5, MEDIUM. Floor rather than rounding keeps a GuardDuty 3.95 LOW, as GuardDuty names it.
 * When a source gives a label, the label is authoritative (Security Hub prefers {@code Label} to the deprecated
 * {@code Normalized}), so {@link #label()} may disagree with {@link #normalized()} for such findings.
 *
 * <pre>{@code
 * Severity.ofGuardDuty(8.0).label();                 // HIGH
 * Severity.ofNormalized(45).score();                 // 4.5
 * Severity.ofLabel(SeverityLabel.CRITICAL).normalized(); // 90
 * }</pre>
 *
 * @param score the score, 0.0 to 10.0 inclusive (GuardDuty's scale)
 * @param label the label
 */
public record Severity(double score, SeverityLabel label) implements Comparable<Severity> {
    /**
     * Creates a severity.
     *
     * @param score 0.0 to 10.0 inclusive
     * @param label the label
     * @throws IllegalArgumentException if the score is NaN or outside 0.0 to 10.0
     */
    public Severity {
        checkScore(score);
        score += 0.0; // -0.0 is 0.0: records compare doubles bit by bit, and the two would differ
        Require.nonNull(label, "severity label");
    }

    /**
     * A GuardDuty severity score, labelled by GuardDuty's ranges.
     *
     * @param score 0.0 to 10.0 inclusive
     * @return the severity
     * @throws IllegalArgumentException if the score is NaN or outside 0.0 to 10.0
     */
    public static Severity ofGuardDuty(double score) {
        checkScore(score);
        return new Severity(score, SeverityLabel.ofNormalized(toNormalized(score)));
    }

    /**
     * An ASFF normalized severity (0 to 100), labelled as Security Hub labels it.
     *
     * @param normalized 0 to 100 inclusive
     * @return the severity, with score {@code normalized / 10}
     * @throws IllegalArgumentException if {@code normalized} is outside 0 to 100
     */
    public static Severity ofNormalized(int normalized) {
        return new Severity(normalized / 10.0, SeverityLabel.ofNormalized(normalized));
    }

    /**
     * An ASFF label alone; the normalized value is the one Security Hub fills in for it.
     *
     * @param label the label
     * @return the severity
     */
    public static Severity ofLabel(SeverityLabel label) {
        Require.nonNull(label, "severity label");
        return new Severity(label.lowestNormalized() / 10.0, label);
    }

    /**
     * An ASFF severity with both fields; the label wins where they disagree.
     *
     * @param label the label
     * @param normalized 0 to 100 inclusive
     * @return the severity
     * @throws IllegalArgumentException if {@code normalized} is outside 0 to 100
     */
    public static Severity ofAsff(SeverityLabel label, int normalized) {
        Require.inRange(normalized, 0, 100, "normalized severity");
        return new Severity(normalized / 10.0, Require.nonNull(label, "severity label"));
    }

    /**
     * Returns the severity on ASFF's normalized 0 to 100 scale.
     *
     * @return {@code floor(score * 10)}
     */
    public int normalized() {
        return toNormalized(score);
    }

    /**
     * Orders by label, then by score.
     *
     * @param other another severity
     * @return the comparison
     */
    @Override
    public int compareTo(Severity other) {
        int byLabel = label.compareTo(other.label);
        return byLabel != 0 ? byLabel : Double.compare(score, other.score);
    }

    @Override
    public String toString() {
        return label + " (" + score + ")";
    }

    private static int toNormalized(double score) {
        // the epsilon keeps results of arithmetic such as (2.3 - 1.6) * 10 = 6.999... at 7
        return (int) Math.floor(score * 10 + 1e-9);
    }

    private static void checkScore(double score) {
        if (Double.isNaN(score) || score < 0.0 || score > 10.0) {
            throw new IllegalArgumentException("severity score must be a number from 0.0 to 10.0, was " + score);
        }
    }
}
