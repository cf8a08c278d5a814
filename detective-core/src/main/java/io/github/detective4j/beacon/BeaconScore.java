package io.github.detective4j.beacon;

/**
 * How much one pair's traffic looks like a beacon: RITA's score, its four subscores and the numbers behind them.
 *
 * <pre>{@code
 * BeaconScore s = BeaconScorer.create().score(starts, bytes);   // a miner's six windows an hour
 * s.beacon();          // true
 * s.score();           // 0.96, RITA's weighted sum
 * s.timestampScore();  // 1.0: every connection ten minutes after the last
 * s.reason();          // "score 0.96 >= threshold 0.5"
 * }</pre>
 *
 * <p>Every score lies in {@code [0, 1]}, rounded to three decimals as RITA rounds them. A pair with too few
 * connections, or so many records that RITA would call it a strobe, is not scored: its scores and medians are 0,
 * {@link #beacon()} is false and {@link #reason()} says why.
 *
 * @param score RITA's weighted sum of the four subscores
 * @param timestampScore regularity of the intervals between connections: the mean of {@code 1 - |Bowley skew|} and
 *     {@code 1 - MAD / median}
 * @param dataSizeScore the same of the bytes per connection
 * @param histogramScore steadiness of the connections per hour: the better of a flat histogram and a two-level one
 * @param durationScore how much of the window the connections cover, or their longest run of hours, whichever is
 *     more
 * @param records the flow records in the window
 * @param connections the connections scored, rebuilt from the records (capture windows, or runs of them)
 * @param medianIntervalSeconds the median interval between connections, rounded to a second
 * @param medianBytes the median bytes per connection, rounded
 * @param beacon whether {@code score} reached the rule's threshold
 * @param reason why {@code beacon} is what it is, in a sentence
 */
public record BeaconScore(
        double score,
        double timestampScore,
        double dataSizeScore,
        double histogramScore,
        double durationScore,
        int records,
        int connections,
        long medianIntervalSeconds,
        long medianBytes,
        boolean beacon,
        String reason) {

    /**
     * Creates a score.
     *
     * @param score RITA's weighted sum, 0 to 1
     * @param timestampScore the timestamp subscore, 0 to 1
     * @param dataSizeScore the data-size subscore, 0 to 1
     * @param histogramScore the histogram subscore, 0 to 1
     * @param durationScore the duration subscore, 0 to 1
     * @param records the flow records in the window, not negative
     * @param connections the connections scored, not negative
     * @param medianIntervalSeconds the median interval between connections, not negative
     * @param medianBytes the median bytes per connection, not negative
     * @param beacon whether the score reached the threshold
     * @param reason why, not null
     * @throws IllegalArgumentException if a number is out of range or {@code reason} is null
     */
    public BeaconScore {
        Scores.requireUnit(score, "score");
        Scores.requireUnit(timestampScore, "timestamp score");
        Scores.requireUnit(dataSizeScore, "data size score");
        Scores.requireUnit(histogramScore, "histogram score");
        Scores.requireUnit(durationScore, "duration score");
        if (records < 0 || connections < 0 || medianIntervalSeconds < 0 || medianBytes < 0) {
            throw new IllegalArgumentException("counts and medians must not be negative");
        }
        if (reason == null) {
            throw new IllegalArgumentException("a beacon score needs its reason");
        }
    }

    /**
     * Returns the score as a table cell shows it: three decimals and whether it passes the threshold, such as
     * {@code 0.978 beacon}; empty when no record was scored.
     *
     * @return the label
     */
    public String label() {
        return records == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f%s", score, beacon ? " beacon" : "");
    }

    /** A pair that was not scored: zeros, no beacon, and why. */
    static BeaconScore unscored(int records, int connections, String reason) {
        return new BeaconScore(0, 0, 0, 0, 0, records, connections, 0, 0, false, reason);
    }
}
