package io.github.detective4j.beacon;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * RITA's statistical score of a list of values (intervals between connections, or bytes per connection): the mean
 * of a symmetry score, {@code 1 - |Bowley skewness|}, and a dispersion score, {@code (median - MAD) / median},
 * rounded to three decimals ({@code calculateStatisticalScore} in RITA v5's {@code analysis/beacons.go}).
 *
 * <p>Quartiles are RITA's (montanaflynn/stats {@code Quartile}): Q1 and Q3 are the medians of the lower and upper
 * halves of the sorted values, the middle value left out of both when the count is odd. commons-math3's
 * {@code Percentile} interpolates differently (for 1..10 it gives Q1 = 2.75 where RITA has 3), so only its
 * {@link Median}, which is the ordinary median, is used, on each half.
 */
final class Regularity {
    /**
     * Below this interquartile range RITA calls the skewness unreliable and takes it as 0: a spread of a few seconds
     * or bytes is jitter, not asymmetry.
     */
    static final double MIN_IQR = 10;

    private Regularity() {
    }

    /**
     * Returns RITA's statistical score.
     *
     * @param sorted the values, ascending, at least three
     * @param scoreWithoutMedian the dispersion score when the median is below 1, where {@code MAD / median} means
     *     nothing: RITA uses 1 for intervals and 0 for data sizes (a pair that sends nothing is no beacon)
     */
    static double score(double[] sorted, double scoreWithoutMedian) {
        return Scores.round((skewScore(sorted) + madScore(sorted, scoreWithoutMedian)) / 2.0);
    }

    /** {@code 1 - |skew|}: 1 for a symmetric distribution. */
    static double skewScore(double[] sorted) {
        return 1.0 - Math.abs(bowleySkew(sorted));
    }

    /**
     * Bowley's skewness {@code (Q1 + Q3 - 2 Q2) / (Q3 - Q1)}, or 0 where RITA finds it unreliable: an interquartile
     * range under {@link #MIN_IQR}, or a median equal to Q1 or Q3.
     */
    static double bowleySkew(double[] sorted) {
        double[] q = quartiles(sorted);
        double iqr = q[2] - q[0];
        if (iqr >= MIN_IQR && q[1] != q[0] && q[1] != q[2]) {
            return (q[0] + q[2] - 2 * q[1]) / iqr;
        }
        return 0;
    }

    /** {@code (median - MAD) / median}, clamped to 0; {@code scoreWithoutMedian} when the median is below 1. */
    static double madScore(double[] sorted, double scoreWithoutMedian) {
        double median = median(sorted);
        double score = median >= 1 ? (median - mad(sorted)) / median : scoreWithoutMedian;
        return score < 0 || Double.isNaN(score) ? 0 : score;
    }

    /** The median absolute deviation about the median. */
    static double mad(double[] sorted) {
        double median = median(sorted);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        return new Median().evaluate(deviations);
    }

    static double median(double[] sorted) {
        return new Median().evaluate(sorted);
    }

    /** Q1, Q2, Q3 as RITA computes them; {@code sorted} has at least two values. */
    static double[] quartiles(double[] sorted) {
        int n = sorted.length;
        int lowerEnd = n / 2;              // exclusive
        int upperStart = n - n / 2;        // past the middle value when n is odd
        Median median = new Median();
        return new double[] {
            median.evaluate(sorted, 0, lowerEnd),
            median.evaluate(sorted),
            median.evaluate(sorted, upperStart, n - upperStart),
        };
    }
}
