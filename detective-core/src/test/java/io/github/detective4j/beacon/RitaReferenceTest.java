package io.github.detective4j.beacon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/**
 * RITA's published reference behaviour: the expected values of RITA v5's own tests ({@code analysis/beacons_test.go}
 * of github.com/activecm/rita, commit 392fd16), to the precision they assert (0.001), on the same inputs.
 */
class RitaReferenceTest {
    /** RITA's own input: connection timestamps to the second, no capture windows to rebuild. */
    static final BeaconScorer RITA = BeaconScorer.of(BeaconRule.DEFAULT.withAggregationInterval(Duration.ofSeconds(1)));
    static final double PRECISION = 0.001;

    @Test
    void perfectlyRegularIntervalsScoreOne() {
        assertEquals(1.0, timestampScore(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), PRECISION);
        long t0 = 1517338924;
        assertEquals(1.0, timestampScore(LongStream.range(0, 10).map(k -> t0 + 60 * k).toArray()), PRECISION);
    }

    @Test
    void intervalsOf98To102SecondsScore0995() {
        // RITA's "Connection with Closely-Valued Intervals": 98, 99, 99, 100, 100, 100, 101, 101, 102
        long[] ts = {1517338924, 1517339022, 1517339121, 1517339220, 1517339320, 1517339420, 1517339520, 1517339621,
            1517339722, 1517339824};
        assertEquals(0.995, timestampScore(ts), PRECISION);
        double[] intervals = {98, 99, 99, 100, 100, 100, 101, 101, 102};
        assertArrayEquals(new double[] {99, 100, 101}, Regularity.quartiles(intervals));
        assertEquals(0, Regularity.bowleySkew(intervals), "an IQR of 2 s is under RITA's 10");
        assertEquals(1, Regularity.mad(intervals));
        assertEquals(0.99, Regularity.madScore(intervals, 1), 1e-12);
        assertEquals(0.995, Regularity.score(intervals, 1), "exactly, as RITA rounds");
    }

    @Test
    void twoAlternatingIntervalsScore0746() {
        // 98, 300, 98, 300, ...: symmetric (skew 0) but dispersed, MAD 101 about a median of 199
        long[] ts = {1517338924, 1517339022, 1517339322, 1517339420, 1517339720, 1517339818, 1517340118, 1517340216,
            1517340516, 1517340614, 1517340914};
        assertEquals(0.746, timestampScore(ts), PRECISION);
    }

    @Test
    void randomIntervalsScoreLow() {
        // intervals 1, 299, 25, 4975, 90, 2, 42, 500, 1500: skew 0.845, MAD 89 about a median of 90
        long[] ts = {1517338924, 1517338925, 1517339224, 1517339249, 1517344224, 1517344314, 1517344316, 1517344358,
            1517344858, 1517346358};
        assertEquals(0.083, timestampScore(ts), PRECISION);
        double[] intervals = sorted(1, 299, 25, 4975, 90, 2, 42, 500, 1500);
        assertArrayEquals(new double[] {13.5, 90, 1000}, Regularity.quartiles(intervals));
        assertEquals(0.845, Regularity.bowleySkew(intervals), PRECISION);
        assertEquals(89, Regularity.mad(intervals));
    }

    @Test
    void tooFewTimestampsAreNotScored() {
        BeaconScore same = RITA.score(new long[] {60, 60, 60, 60, 60, 60, 60, 60, 60}, new long[9]);
        assertFalse(same.beacon());
        assertEquals(1, same.connections(), same.reason());
        BeaconScore two = RITA.score(new long[] {1517338924, 1517338925}, new long[2]);
        assertFalse(two.beacon());
        assertEquals("2 connections from 2 records; RITA scores from 4", two.reason());
    }

    @Test
    void dataSizeScores() {
        assertEquals(0.773, Regularity.score(sorted(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0), PRECISION);
        assertEquals(2.5, Regularity.mad(sorted(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        assertEquals(1.0, Regularity.score(sorted(60, 60, 60, 60, 60, 60, 60, 60, 60), 0), PRECISION);
        assertEquals(0.995, Regularity.score(sorted(98, 99, 99, 100, 100, 100, 101, 101, 102), 0), PRECISION);
        double[] random = sorted(524885, 1, 5000, 98654, 50, 41, 965842, 3);
        assertEquals(0.008, Regularity.score(random, 0), PRECISION);
        assertEquals(0.984, Regularity.bowleySkew(random), PRECISION);
        assertEquals(2523, Regularity.mad(random));
        assertEquals(0.5, Regularity.score(new double[10], 0), "a pair that sends nothing: MAD score 0");
        assertEquals(1.0, Regularity.score(new double[10], 1), "intervals under a second: MAD score 1");
    }

    @Test
    void skewIsIgnoredWhereRitaFindsItUnreliable() {
        assertEquals(1.0, Regularity.score(sorted(7, 8, 7, 8, 7, 8, 7, 8, 7), 1), PRECISION); // Q1 == Q2
        assertEquals(1.0, Regularity.score(sorted(1, 1, 2, 2, 2, 2), 1), PRECISION);          // Q2 == Q3
    }

    @Test
    void quartilesAreRitasNotPercentilesDefault() {
        double[] oneToTen = sorted(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertArrayEquals(new double[] {3, 5.5, 8}, Regularity.quartiles(oneToTen));
        assertEquals(2.75, new Percentile().evaluate(oneToTen, 25), "why Percentile is not used for quartiles");
    }

    @Test
    void histogramScores() {
        long[] simple = LongStream.rangeClosed(1, 10).flatMap(v -> LongStream.generate(() -> v).limit(v)).toArray();
        check(simple, 1, 11, 10, 6, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 10, 10, 0.478);

        long t0 = 1517338924;
        long[] hourly = LongStream.range(0, 24).map(k -> t0 + 3600 * k).toArray();
        check(hourly, t0, t0 + 86400, 24, 11, ones(24), 24, 24, 1);

        check(new long[] {98, 99, 99, 100, 100, 100, 101, 101, 102}, 98, 102, 8, 6,
                new int[] {1, 0, 2, 0, 3, 0, 2, 1}, 5, 3, 0.064);

        check(new long[] {524885, 1, 5000, 98654, 50, 41, 965842, 3, 12001, 200400, 104001, 199999}, 0, 1_000_000,
                10, 6, new int[] {7, 2, 1, 0, 0, 1, 0, 0, 0, 1}, 5, 4, 0);

        check(new long[] {1, 2, 3, 4, 15, 21, 22, 23, 24, 35, 41, 42, 43, 44, 55, 61, 62, 63, 64, 75, 81, 82, 83, 84,
            95}, 0, 100, 10, 6, new int[] {4, 1, 4, 1, 4, 1, 4, 1, 4, 1}, 10, 10, 1);

        check(new long[] {10, 20, 100, 110, 110, 220}, 0, 250, 5, 6, new int[] {2, 0, 3, 0, 1}, 3, 2, 0.028);

        long[] oneBar = LongStream.range(0, 10).map(k -> t0 + 60 * k).toArray();
        int[] first = new int[24];
        first[0] = 10;
        check(oneBar, t0, t0 + 86400, 24, 11, first, 1, 1, 0);
    }

    @Test
    void durationScores() {
        long min = 1517338924;
        long max = min + 24 * 3600;
        long h = 3600;
        assertEquals(1, duration(min, max, min, max, 24, 24));
        assertEquals(1, duration(min, max, min, max, 6, 0));
        assertEquals(0.5, duration(min, max, min + 12 * h, max, 6, 0));
        assertEquals(0.5, duration(min, max, min, min + 12 * h, 6, 0));
        assertEquals(0.75, duration(min, max, min + 6 * h, max, 6, 0));
        assertEquals(1, duration(min, max, min + 12 * h, max, 12, 12));
        assertEquals(0.5, duration(min, max, min + 12 * h, min + 18 * h, 6, 6));
        assertEquals(0.5, duration(min, max, min + 6 * h, min + 18 * h, 12, 6));
        assertEquals(0, duration(min, max, min + 6 * h, min + 18 * h, 3, 1), "fewer than 6 hours seen");
    }

    @Test
    void weightedSum() {
        assertEquals(0.63, weights(0.2, 0.2, 0.3, 0.3).weightedSum(0.8, 0.7, 0.5, 0.6), PRECISION);
        assertEquals(1, weights(0.25, 0.25, 0.25, 0.25).weightedSum(1, 1, 1, 1), PRECISION);
        assertEquals(1, weights(0.1, 0.2, 0.4, 0.3).weightedSum(1, 1, 1, 1), PRECISION);
        assertEquals(0.25, weights(0.25, 0.25, 0.25, 0.25).weightedSum(0.1, 0.2, 0.4, 0.3), PRECISION);
        assertEquals(0.30, weights(0.1, 0.2, 0.4, 0.3).weightedSum(0.1, 0.2, 0.4, 0.3), PRECISION);
        assertEquals(0.281, weights(0.173, 0.325, 0.203, 0.299).weightedSum(0.111, 0.222, 0.444, 0.333), PRECISION);
        assertEquals(0.10025, weights(0.249, 0.251, 0.250, 0.250).weightedSum(0.1001, 0.1002, 0.1004, 0.1003),
                PRECISION);
        assertEquals(0.25, weights(1, 0, 0, 0).weightedSum(0.25, 1, 1, 1), PRECISION);
        for (double[] bad : new double[][] {{-0.1, 0.25, 0.25, 0.25}, {1.1, 0.25, 0.25, 0.25},
            {0.3, 0.3, 0.3, 0.3}, {0.3, 0.3, 0.1, 0.2}, {0.3, 0.3, 0.2, 0.3}}) {
            assertThrows(IllegalArgumentException.class, () -> weights(bad[0], bad[1], bad[2], bad[3]),
                    Arrays.toString(bad));
        }
    }

    private static double timestampScore(long... ts) {
        return RITA.score(ts, new long[ts.length]).timestampScore();
    }

    private static void check(long[] times, long from, long to, int bins, int bimodalMinHours, int[] counts, int bars,
            int longestRun, double score) {
        HourlyHistogram histogram = HourlyHistogram.of(times, from, to, bins);
        assertArrayEquals(counts, histogram.counts());
        assertEquals(bars, histogram.bars());
        assertEquals(longestRun, histogram.longestRun());
        assertEquals(score, histogram.score(0.05, 1, bimodalMinHours), PRECISION);
    }

    /** RITA's {@code getDurationScore} with its defaults: 6 hours seen, 12 consistent hours ideal. */
    private static double duration(long datasetMin, long datasetMax, long first, long last, int bars, int run) {
        return HourlyHistogram.durationScore(first, last, datasetMin, datasetMax, bars, run, 6, 12);
    }

    private static BeaconRule weights(double timestamp, double dataSize, double histogram, double duration) {
        return BeaconRule.DEFAULT.withWeights(timestamp, dataSize, histogram, duration);
    }

    private static double[] sorted(double... values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static int[] ones(int n) {
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        return ones;
    }
}
