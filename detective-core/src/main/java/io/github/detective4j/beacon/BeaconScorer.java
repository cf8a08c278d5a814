package io.github.detective4j.beacon;

import io.github.detective4j.model.ScopeTime;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores the flow records of one (instance, remote IP) pair for beaconing with RITA v5's method, adapted to VPC Flow
 * Logs' capture windows (see the package documentation for both). Immutable and thread-safe.
 *
 * <pre>{@code
 * BeaconScorer scorer = BeaconScorer.create();                   // RITA's defaults, 10-minute capture windows
 * long[] starts = ...;                                           // each record's start, epoch seconds
 * long[] bytes = ...;                                            // each record's bytes
 * BeaconScore s = scorer.score(starts, bytes, scope.start().getEpochSecond(), scope.end().getEpochSecond());
 * if (s.beacon()) { ... }
 * }</pre>
 */
public final class BeaconScorer {
    private static final long HOUR = 3600;
    /** The latest start accepted: 9999-12-31T23:59:59Z, far past any flow log and far from overflowing. */
    private static final long MAX_START = 253_402_300_799L;
    private static final long MAX_WINDOW_SECONDS = ScopeTime.MAX_LENGTH.getSeconds();

    private final BeaconRule rule;

    private BeaconScorer(BeaconRule rule) {
        this.rule = rule;
    }

    /**
     * Returns a scorer with {@link BeaconRule#DEFAULT}.
     *
     * <pre>{@code BeaconScorer.create().score(starts, bytes).beacon()}</pre>
     *
     * @return the scorer
     */
    public static BeaconScorer create() {
        return new BeaconScorer(BeaconRule.DEFAULT);
    }

    /**
     * Returns a scorer with the given rule.
     *
     * <pre>{@code BeaconScorer.of(BeaconRule.DEFAULT.withAggregationInterval(Duration.ofMinutes(1)))}</pre>
     *
     * @param rule the settings
     * @return the scorer
     * @throws NullPointerException if {@code rule} is null
     */
    public static BeaconScorer of(BeaconRule rule) {
        return new BeaconScorer(Objects.requireNonNull(rule, "rule"));
    }

    /**
     * Returns the settings.
     *
     * @return the rule this scorer was built from
     */
    public BeaconRule rule() {
        return rule;
    }

    /**
     * Scores the records over the hours they span: from the start of the hour of the first record to the end of the
     * hour of the last. The duration's coverage is then close to 1 by construction; to score how much of a scope
     * the pair covers, pass the scope to {@link #score(long[], long[], long, long)}.
     *
     * <pre>{@code
     * long[] starts = {0, 600, 1200, 1800, 2400, 3000};   // a beacon every ten minutes
     * long[] bytes = {300, 300, 300, 300, 300, 300};
     * BeaconScorer.create().score(starts, bytes).timestampScore();  // 1.0
     * }</pre>
     *
     * @param startSeconds each record's start, epoch seconds from 0 to the end of year 9999, in any order; the
     *     array is not modified
     * @param bytes each record's byte count, not negative, in the order of {@code startSeconds}
     * @return the score; unscored, with the reason, when there are too few connections
     * @throws IllegalArgumentException if the arrays differ in length, a byte count is negative, a start is out of
     *     range, or the records span more than 366 days
     * @throws NullPointerException if an array is null
     */
    public BeaconScore score(long[] startSeconds, long[] bytes) {
        check(startSeconds, bytes);
        if (startSeconds.length == 0) {
            return BeaconScore.unscored(0, 0, tooFew(0, 0));
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long start : startSeconds) {
            first = Math.min(first, start);
            last = Math.max(last, start);
        }
        long from = first - first % HOUR;
        long to = last - last % HOUR + HOUR;
        if (to - from > MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("the records span " + (to - from) / HOUR
                    + " hours, more than 366 days; score a window of them instead");
        }
        return scoreChecked(startSeconds, bytes, from, to);
    }

    /**
     * Scores the records that start in {@code [fromSecond, toSecond)}, leaving out the others. RITA scores the last
     * 24 hours; a scope of any length up to 366 days works, RITA's hour settings scaled to it.
     *
     * <pre>{@code
     * ScopeTime scope = ScopeTime.lastHours(24);
     * scorer.score(starts, bytes, scope.start().getEpochSecond(), scope.end().getEpochSecond());
     * }</pre>
     *
     * @param startSeconds each record's start, epoch seconds from 0 to the end of year 9999, in any order; the
     *     array is not modified
     * @param bytes each record's byte count, not negative, in the order of {@code startSeconds}
     * @param fromSecond the window's start, epoch seconds, inclusive
     * @param toSecond the window's end, epoch seconds, exclusive; at most 366 days after {@code fromSecond}
     * @return the score; unscored, with the reason, when there are too few connections in the window
     * @throws IllegalArgumentException if the arrays differ in length, a byte count is negative, a start is out of
     *     range, or the window is empty, inverted or longer than 366 days
     * @throws NullPointerException if an array is null
     */
    public BeaconScore score(long[] startSeconds, long[] bytes, long fromSecond, long toSecond) {
        check(startSeconds, bytes);
        long length = toSecond - fromSecond; // negative, too, when the bounds are so far apart that it overflows
        if (fromSecond >= toSecond || length > MAX_WINDOW_SECONDS || length < 0) {
            throw new IllegalArgumentException("the window [" + fromSecond + ", " + toSecond
                    + ") must be non-empty and at most 366 days long");
        }
        return scoreChecked(startSeconds, bytes, fromSecond, toSecond);
    }

    private BeaconScore scoreChecked(long[] startSeconds, long[] bytes, long from, long to) {
        long interval = rule.aggregationInterval().getSeconds();
        Connections connections = Connections.of(startSeconds, bytes, from, to, interval);
        int records = connections.records();
        int n = connections.size();
        if (records >= to - from) {
            return BeaconScore.unscored(records, n, String.format(Locale.ROOT,
                    "%d records in %d seconds, one a second or more: RITA calls that a strobe, not a beacon",
                    records, to - from));
        }
        if (n < rule.minConnections()) {
            return BeaconScore.unscored(records, n, tooFew(records, n));
        }
        double[] intervals = connections.sortedIntervals();
        double[] sizes = connections.sortedBytes();
        double timestamp = Regularity.score(intervals, 1);
        double dataSize = Regularity.score(sizes, 0);
        HourlyHistogram histogram = HourlyHistogram.of(connections.times(), from, to);
        double hist = histogram.score(rule.histogramModeSensitivity(), rule.histogramBimodalOutlierRemoval(),
                rule.histogramBimodalMinHours());
        double duration = histogram.durationScore(connections.first(), connections.last(), from, to,
                rule.durationMinHours(), rule.durationIdealHours());
        double score = rule.weightedSum(timestamp, dataSize, hist, duration);
        boolean beacon = score >= rule.threshold();
        String reason = String.format(Locale.ROOT, "score %s %s threshold %s", score, beacon ? ">=" : "<",
                rule.threshold());
        return new BeaconScore(score, timestamp, dataSize, hist, duration, records, n,
                Math.round(Regularity.median(intervals)), Math.round(Regularity.median(sizes)), beacon, reason);
    }

    private String tooFew(int records, int connections) {
        return String.format(Locale.ROOT, "%d connection%s from %d record%s; RITA scores from %d", connections,
                connections == 1 ? "" : "s", records, records == 1 ? "" : "s", rule.minConnections());
    }

    private static void check(long[] startSeconds, long[] bytes) {
        Objects.requireNonNull(startSeconds, "startSeconds");
        Objects.requireNonNull(bytes, "bytes");
        if (startSeconds.length != bytes.length) {
            throw new IllegalArgumentException("startSeconds has " + startSeconds.length + " records but bytes has "
                    + bytes.length + "; they describe the same records");
        }
        for (int i = 0; i < startSeconds.length; i++) {
            if (startSeconds[i] < 0 || startSeconds[i] > MAX_START) {
                throw new IllegalArgumentException("record " + i + " starts at " + startSeconds[i]
                        + ", not an epoch second from 0 to 253402300799 (the end of year 9999)");
            }
            if (bytes[i] < 0) {
                throw new IllegalArgumentException("record " + i + " has " + bytes[i] + " bytes; bytes are not"
                        + " negative");
            }
        }
    }
}
