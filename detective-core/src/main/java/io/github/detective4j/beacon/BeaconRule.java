package io.github.detective4j.beacon;

import java.time.Duration;

/**
 * The settings of a {@link BeaconScorer}: RITA v5's beacon settings ({@code scoring.beacon} in its
 * {@code default_config.hjson}) under their own names and defaults, and the aggregation interval of the flow logs.
 *
 * <pre>{@code
 * BeaconRule rule = BeaconRule.DEFAULT                            // RITA's defaults, 10-minute capture windows
 *     .withAggregationInterval(Duration.ofMinutes(1))             // flow logs created with a 1-minute interval
 *     .withThreshold(0.7);                                        // RITA's "medium" and above only
 * }</pre>
 *
 * <p>The hour settings are for RITA's 24-hour window; {@link BeaconScorer} carries them to a window of {@code H}
 * hours by multiplying them by {@code H / 24}.
 *
 * @param threshold the score from which a pair is a beacon, 0 to 1; RITA's {@code score_thresholds.base} (50, as a
 *     percentage) below which it reports no beacon
 * @param minConnections the fewest connections scored, at least 4 (RITA's {@code unique_connection_threshold}: three
 *     intervals are the least its timestamp score reads); connections are capture windows or runs of them, see the
 *     package documentation
 * @param timestampWeight weight of {@link BeaconScore#timestampScore()} ({@code timestamp_score_weight})
 * @param dataSizeWeight weight of {@link BeaconScore#dataSizeScore()} ({@code datasize_score_weight})
 * @param histogramWeight weight of {@link BeaconScore#histogramScore()} ({@code histogram_score_weight})
 * @param durationWeight weight of {@link BeaconScore#durationScore()} ({@code duration_score_weight}); the four
 *     weights lie in {@code [0, 1]} and sum to 1
 * @param durationMinHours hours with connections, 1 to 24, before the duration subscore counts
 *     ({@code duration_min_hours_seen})
 * @param durationIdealHours consecutive hours with connections, 1 to 24, that make the duration's consistency
 *     1 ({@code duration_consistency_ideal_hours_seen})
 * @param histogramModeSensitivity share of the tallest hourly bar, in {@code (0, 1]}, within which bar heights count
 *     as one mode ({@code histogram_mode_sensitivity})
 * @param histogramBimodalOutlierRemoval hourly bars, 0 to 24, the bimodal fit may leave out
 *     ({@code histogram_bimodal_outlier_removal})
 * @param histogramBimodalMinHours hours with connections, 6 to 24, before the bimodal fit is tried
 *     ({@code histogram_bimodal_min_hours_seen}; below 6 RITA's code falls back to 11)
 * @param aggregationInterval the flow logs' maximum aggregation interval, whole seconds from 1 second to 1 hour:
 *     AWS offers 60 and 600 seconds (the default); 1 second means per-connection timestamps, RITA's own input
 */
public record BeaconRule(
        double threshold,
        int minConnections,
        double timestampWeight,
        double dataSizeWeight,
        double histogramWeight,
        double durationWeight,
        int durationMinHours,
        int durationIdealHours,
        double histogramModeSensitivity,
        int histogramBimodalOutlierRemoval,
        int histogramBimodalMinHours,
        Duration aggregationInterval) {

    /** RITA v5's defaults, for flow logs with AWS's default 10-minute aggregation interval. */
    public static final BeaconRule DEFAULT = new BeaconRule(0.5, 4, 0.25, 0.25, 0.25, 0.25, 6, 12, 0.05, 1, 11,
            Duration.ofMinutes(10));

    /**
     * Creates a rule.
     *
     * @param threshold the score from which a pair is a beacon, 0 to 1
     * @param minConnections the fewest connections scored, at least 4
     * @param timestampWeight weight of the timestamp subscore
     * @param dataSizeWeight weight of the data-size subscore
     * @param histogramWeight weight of the histogram subscore
     * @param durationWeight weight of the duration subscore; the four weights lie in {@code [0, 1]} and sum to 1
     * @param durationMinHours hours with connections, 1 to 24, before the duration subscore counts
     * @param durationIdealHours consecutive hours with connections, 1 to 24, of full consistency
     * @param histogramModeSensitivity share of the tallest bar, in {@code (0, 1]}, within which heights are one mode
     * @param histogramBimodalOutlierRemoval bars, 0 to 24, the bimodal fit may leave out
     * @param histogramBimodalMinHours hours with connections, 6 to 24, before the bimodal fit is tried
     * @param aggregationInterval whole seconds from 1 second to 1 hour
     * @throws IllegalArgumentException if a setting is out of range; the message names it
     */
    public BeaconRule {
        Scores.requireUnit(threshold, "threshold");
        if (minConnections < 4) {
            throw new IllegalArgumentException("min connections must be at least 4 (three intervals), was "
                    + minConnections);
        }
        Scores.requireUnit(timestampWeight, "timestamp weight");
        Scores.requireUnit(dataSizeWeight, "data size weight");
        Scores.requireUnit(histogramWeight, "histogram weight");
        Scores.requireUnit(durationWeight, "duration weight");
        double sum = timestampWeight + dataSizeWeight + histogramWeight + durationWeight;
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("the four weights must sum to 1, they sum to " + sum);
        }
        hours(durationMinHours, 1, "duration min hours");
        hours(durationIdealHours, 1, "duration ideal hours");
        if (!(histogramModeSensitivity > 0 && histogramModeSensitivity <= 1)) {
            throw new IllegalArgumentException("histogram mode sensitivity must be in (0, 1], was "
                    + histogramModeSensitivity);
        }
        hours(histogramBimodalOutlierRemoval, 0, "histogram bimodal outlier removal");
        hours(histogramBimodalMinHours, 6, "histogram bimodal min hours");
        if (aggregationInterval == null || aggregationInterval.getNano() != 0
                || aggregationInterval.compareTo(Duration.ofSeconds(1)) < 0
                || aggregationInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("aggregation interval must be whole seconds from 1 second to 1 hour"
                    + " (AWS: 60 or 600 seconds), was " + aggregationInterval);
        }
    }

    /**
     * Returns this rule with another threshold.
     *
     * <pre>{@code BeaconRule.DEFAULT.withThreshold(0.9)  // RITA's "high" beacons only}</pre>
     *
     * @param threshold the score from which a pair is a beacon, 0 to 1
     * @return the new rule
     * @throws IllegalArgumentException if {@code threshold} is outside {@code [0, 1]}
     */
    public BeaconRule withThreshold(double threshold) {
        return new BeaconRule(threshold, minConnections, timestampWeight, dataSizeWeight, histogramWeight,
                durationWeight, durationMinHours, durationIdealHours, histogramModeSensitivity,
                histogramBimodalOutlierRemoval, histogramBimodalMinHours, aggregationInterval);
    }

    /**
     * Returns this rule with another aggregation interval.
     *
     * <pre>{@code BeaconRule.DEFAULT.withAggregationInterval(Duration.ofMinutes(1))}</pre>
     *
     * @param aggregationInterval the flow logs' maximum aggregation interval, whole seconds from 1 second to 1 hour
     * @return the new rule
     * @throws IllegalArgumentException if the interval is out of range
     */
    public BeaconRule withAggregationInterval(Duration aggregationInterval) {
        return new BeaconRule(threshold, minConnections, timestampWeight, dataSizeWeight, histogramWeight,
                durationWeight, durationMinHours, durationIdealHours, histogramModeSensitivity,
                histogramBimodalOutlierRemoval, histogramBimodalMinHours, aggregationInterval);
    }

    /**
     * Returns this rule with other weights.
     *
     * <pre>{@code BeaconRule.DEFAULT.withWeights(0.4, 0.2, 0.2, 0.2)  // periodicity counts most}</pre>
     *
     * @param timestamp weight of the timestamp subscore
     * @param dataSize weight of the data-size subscore
     * @param histogram weight of the histogram subscore
     * @param duration weight of the duration subscore
     * @return the new rule
     * @throws IllegalArgumentException if a weight is outside {@code [0, 1]} or they do not sum to 1
     */
    public BeaconRule withWeights(double timestamp, double dataSize, double histogram, double duration) {
        return new BeaconRule(threshold, minConnections, timestamp, dataSize, histogram, duration,
                durationMinHours, durationIdealHours, histogramModeSensitivity, histogramBimodalOutlierRemoval,
                histogramBimodalMinHours, aggregationInterval);
    }

    /** RITA's score: the weighted sum of the subscores, its terms in RITA's order so that it rounds the same. */
    double weightedSum(double timestamp, double dataSize, double histogram, double duration) {
        return Scores.round(timestamp * timestampWeight + dataSize * dataSizeWeight + duration * durationWeight
                + histogram * histogramWeight);
    }

    private static void hours(int value, int min, String name) {
        if (value < min || value > 24) {
            throw new IllegalArgumentException(name + " must be " + min + " to 24 (hours of RITA's day), was "
                    + value);
        }
    }
}
