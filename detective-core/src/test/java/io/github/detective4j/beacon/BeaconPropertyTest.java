package io.github.detective4j.beacon;

import static io.github.detective4j.beacon.Traffic.DAY;
import static io.github.detective4j.beacon.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The scorer over generated series: bounds, order, jitter, and RITA's reference shapes at scale. */
class BeaconPropertyTest {
    static final BeaconScorer RITA = RitaReferenceTest.RITA;

    /** Records of a year at most, any byte counts up to {@code Long.MAX_VALUE}, through 1-, 60- or 600-s windows. */
    record Series(long[] starts, long[] bytes, long interval) {
        BeaconScore score() {
            return BeaconScorer.of(BeaconRule.DEFAULT.withAggregationInterval(Duration.ofSeconds(interval)))
                    .score(starts, bytes);
        }
    }

    @Provide
    Arbitrary<Series> series() {
        Arbitrary<Long> span = Arbitraries.of(60L, 3600L, DAY, 7 * DAY, 365 * DAY);
        Arbitrary<Long> interval = Arbitraries.of(1L, 60L, 600L);
        Arbitrary<Integer> size = Arbitraries.integers().between(0, 1000);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(span, interval, size, seed).as((s, i, n, sd) -> {
            SplittableRandom random = new SplittableRandom(sd);
            long[] starts = random.longs(n, T0, T0 + s).toArray();
            long[] bytes = new long[n];
            for (int k = 0; k < n; k++) {
                bytes[k] = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> Long.MAX_VALUE - random.nextLong(10);
                    case 2 -> random.nextLong(1_000_000_000_000L);
                    default -> 1000 + random.nextLong(50);
                };
            }
            return new Series(starts, bytes, i);
        });
    }

    @Property(tries = 200)
    void everyScoreIsInTheUnitInterval(@ForAll("series") Series series) {
        BeaconScore s = series.score();
        for (double v : new double[] {s.score(), s.timestampScore(), s.dataSizeScore(), s.histogramScore(),
            s.durationScore()}) {
            assertTrue(v >= 0 && v <= 1, s.toString());
        }
        assertEquals(series.starts().length, s.records());
        assertTrue(s.connections() <= s.records());
        assertEquals(s.beacon(), s.score() >= 0.5 && s.connections() >= 4, s.toString());
    }

    @Property(tries = 100)
    void theOrderOfRecordsDoesNotMatter(@ForAll("series") Series series, @ForAll long seed) {
        int n = series.starts().length;
        int[] order = new Random(seed).ints(0, Integer.MAX_VALUE).limit(n).toArray();
        Integer[] index = new Integer[n];
        for (int k = 0; k < n; k++) {
            index[k] = k;
        }
        Arrays.sort(index, (a, b) -> Integer.compare(order[a], order[b]));
        long[] starts = new long[n];
        long[] bytes = new long[n];
        for (int k = 0; k < n; k++) {
            starts[k] = series.starts()[index[k]];
            bytes[k] = series.bytes()[index[k]];
        }
        assertEquals(series.score(), new Series(starts, bytes, series.interval()).score());
    }

    @Property(tries = 100)
    void jitterWithinTheCaptureWindowKeepsABeacon(@ForAll @LongRange(min = 60, max = 7200) long period,
            @ForAll("intervals") long interval, @ForAll @IntRange(min = 1, max = 3) int days, @ForAll long seed) {
        // every record starts anywhere in its window, each direction on its own, as the window's first packet may
        Traffic t = Traffic.jittered(interval, seed).beacon(T0 + Math.floorMod(seed, period), T0 + days * DAY,
                period, 420, 1380);
        BeaconScore s = t.score(VpcShapeTest.scorer(interval), T0, T0 + days * DAY);
        assertTrue(s.beacon(), s.toString());
    }

    /**
     * A beacon whose period is the capture interval (the default 10 minutes, say) starts a record about an interval
     * after the last, a second or a few less when it jitters: those are the next window's, not the same one's.
     */
    @Property(tries = 100)
    void aBeaconAsFastAsTheCaptureWindowStaysABeaconWhenItJitters(@ForAll("intervals") long interval,
            @ForAll @IntRange(min = 1, max = 5) int jitterPercent, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long jitter = Math.max(1, interval * jitterPercent / 100);
        int n = (int) (DAY / interval);
        long[] starts = new long[n];
        long[] bytes = new long[n];
        for (int k = 0; k < n; k++) {
            starts[k] = T0 + 3600 + k * interval + random.nextLong(-jitter, jitter + 1);
            bytes[k] = 1200;
        }
        BeaconScore s = VpcShapeTest.scorer(interval).score(starts, bytes, T0, T0 + DAY + 7200);
        assertTrue(s.beacon() && s.score() >= 0.85, s.toString());
    }

    @Provide
    Arbitrary<Long> intervals() {
        return Arbitraries.of(60L, 600L);
    }

    @Property(tries = 50)
    void intervalsOf98To102SecondsScoreAbout0995(@ForAll @IntRange(min = 100, max = 1000) int n,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ts = new long[n];
        ts[0] = T0;
        for (int k = 1; k < n; k++) {
            ts[k] = ts[k - 1] + 98 + random.nextInt(5);
        }
        double score = RITA.score(ts, new long[n]).timestampScore();
        // 0.995 when the MAD is 1 about a median of 100, as in RITA's vector; sampling moves the MAD between 0.5 and
        // 2 and the median by a second, that is, the score between 0.99 and 0.998
        assertTrue(score >= 0.99 && score <= 0.998, "timestamp score " + score);
    }

    @Property(tries = 50)
    void exponentialIntervalsScoreLow(@ForAll @IntRange(min = 500, max = 1000) int n,
            @ForAll @LongRange(min = 60, max = 3600) long mean, @ForAll long seed) {
        Traffic t = Traffic.random(1, seed);
        double at = T0;
        long[] ts = new long[n];
        for (int k = 0; k < n; k++) {
            at += 1 + t.exponential(mean);
            ts[k] = (long) at;
        }
        double score = RITA.score(ts, new long[n]).timestampScore();
        assertTrue(score < 0.75, "timestamp score " + score);
    }

    @Property(tries = 100)
    void aFewBurstsADayNeverScoreAsABeacon(@ForAll("intervals") long interval,
            @ForAll @IntRange(min = 1, max = 7) int days, @ForAll long seed) {
        BeaconScore s = Traffic.random(interval, seed).burstsADay(days)
                .score(VpcShapeTest.scorer(interval), T0, T0 + days * DAY);
        assertFalse(s.beacon(), s.toString());
    }
}
