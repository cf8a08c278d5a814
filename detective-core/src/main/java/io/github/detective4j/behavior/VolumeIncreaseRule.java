package io.github.detective4j.behavior;

/**
 * When an API method's volume in a scope counts as increased over its baseline: a documented test rather than a
 * black box.
 *
 * <p>The baseline rate is {@code λ = baselineCalls / baselineHours} calls per hour, over the hours of the baseline
 * window the graph holds data for; the scope is expected to bring {@code μ = λ · scopeHours} calls. A method is
 * flagged when all three hold:
 * <ol>
 *   <li>evidence: the scope has at least {@link #minCalls()} calls of it, so that a handful is never "a jump";
 *   <li>size: the scope has at least {@link #minRatio()} times the expected calls;
 *   <li>surprise: under a Poisson model of the baseline rate, seeing that many calls or more has probability
 *       {@code P(X ≥ k | μ)} (computed with commons-math3 as the regularized incomplete gamma function
 *       {@code P(k, μ)}, which equals it and stays exact far into the tail) at most
 *       {@link #maxPValue()}.
 * </ol>
 * The defaults (10 calls, 3×, p ≤ 10⁻⁶) keep false alarms rare across thousands of principals and hundreds of
 * methods each, where a laxer threshold would flag ordinary day-to-day noise somewhere every day. Methods without
 * baseline calls are newly observed, not increased.
 *
 * @param maxPValue the largest tail probability still flagged, in {@code (0, 1]}
 * @param minCalls the fewest scope calls flagged, at least 1
 * @param minRatio the smallest ratio of scope calls to expected calls flagged, at least 1
 */
public record VolumeIncreaseRule(double maxPValue, long minCalls, double minRatio) {
    /** p ≤ 10⁻⁶, at least 10 calls, at least 3 times the expected calls. */
    public static final VolumeIncreaseRule DEFAULT = new VolumeIncreaseRule(1e-6, 10, 3.0);

    /**
     * Creates a rule.
     *
     * @param maxPValue the largest tail probability still flagged, in {@code (0, 1]}
     * @param minCalls the fewest scope calls flagged, at least 1
     * @param minRatio the smallest ratio of scope to expected calls flagged, at least 1
     * @throws IllegalArgumentException if a bound is out of range
     */
    public VolumeIncreaseRule {
        if (!(maxPValue > 0 && maxPValue <= 1)) {
            throw new IllegalArgumentException("max p-value must be in (0, 1], was " + maxPValue);
        }
        if (minCalls < 1) {
            throw new IllegalArgumentException("min calls must be at least 1, was " + minCalls);
        }
        if (!(minRatio >= 1) || Double.isInfinite(minRatio)) {
            throw new IllegalArgumentException("min ratio must be a finite number of at least 1, was " + minRatio);
        }
    }
}
