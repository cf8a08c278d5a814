package io.github.detective4j.behavior;


import io.github.detective4j.text.TextTable;
/**
 * An API method whose volume in the scope is significantly above its baseline rate, with the numbers that made it
 * so ({@link VolumeIncreaseRule}).
 *
 * @param eventSource the service endpoint
 * @param eventName the method
 * @param scopeCalls calls in the scope
 * @param scopeHours hours of the scope
 * @param baselineCalls calls in the baseline window
 * @param baselineHours hours of the baseline window the graph holds data for
 * @param expectedCalls calls the baseline rate predicts for the scope: {@code baselineCalls / baselineHours ·
 *     scopeHours}
 * @param ratio {@code scopeCalls / expectedCalls}
 * @param pValue the Poisson tail probability {@code P(X ≥ scopeCalls | expectedCalls)}
 */
public record VolumeIncrease(String eventSource, String eventName, long scopeCalls, long scopeHours,
        long baselineCalls, long baselineHours, double expectedCalls, double ratio, double pValue) {
    /**
     * Returns the scope's calls per hour.
     *
     * @return {@code scopeCalls / scopeHours}
     */
    public double scopeRate() {
        return (double) scopeCalls / scopeHours;
    }

    /**
     * Returns the baseline's calls per hour.
     *
     * @return {@code baselineCalls / baselineHours}
     */
    public double baselineRate() {
        return (double) baselineCalls / baselineHours;
    }

    /**
     * Returns the record's fields, strings from logs escaped ({@link TextTable#escape}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.describe(this);
    }
}
