package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;

/**
 * The typical hourly API call volume before a scope: averages over the hours of the baseline window that had any
 * call, as Amazon Detective computes its baseline (hours without activity are left out, so a principal active one
 * hour a day is compared with its active hours, not diluted by idle ones).
 *
 * @param window the baseline window, by default the 45 days before the scope start
 * @param activeHours hours of the window with at least one call
 * @param averageSuccess successful calls per active hour, 0 when there was none
 * @param averageFailure failed calls per active hour, 0 when there was none
 */
public record CallBaseline(ScopeTime window, long activeHours, double averageSuccess, double averageFailure) {
    /**
     * Returns all calls per active hour.
     *
     * @return {@code averageSuccess + averageFailure}
     */
    public double average() {
        return averageSuccess + averageFailure;
    }
}
