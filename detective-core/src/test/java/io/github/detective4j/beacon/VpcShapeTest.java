package io.github.detective4j.beacon;

import static io.github.detective4j.beacon.Traffic.DAY;
import static io.github.detective4j.beacon.Traffic.HOUR;
import static io.github.detective4j.beacon.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Beacons and non-beacons as VPC Flow Logs record them, through 60- and 600-second capture windows. */
class VpcShapeTest {
    static final BeaconScorer TEN_MINUTES = BeaconScorer.create();
    static final BeaconScorer ONE_MINUTE = BeaconScorer.of(BeaconRule.DEFAULT
            .withAggregationInterval(Duration.ofMinutes(1)));

    static BeaconScorer scorer(long interval) {
        return interval == 60 ? ONE_MINUTE : TEN_MINUTES;
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600})
    void aTenMinuteBeaconIsABeaconThroughEitherWindow(long interval) {
        BeaconScore s = Traffic.through(interval).beacon(T0 + 137, T0 + DAY, 600, 420, 1380)
                .score(scorer(interval), T0, T0 + DAY);
        assertTrue(s.beacon(), s.toString());
        assertEquals(1.0, s.score(), s.toString());
        assertEquals(144, s.connections(), "each check-in once, its two records merged");
        assertEquals(288, s.records());
        assertEquals(600, s.medianIntervalSeconds());
        assertEquals(1800, s.medianBytes());
    }

    @Test
    void anExchangeStraddlingTwoWindowsCountsOnce() {
        // the request in the window ending at :x9:59, the response in the next: two back-to-back windows, one burst
        Traffic t = Traffic.through(60);
        for (long at = T0 + 59; at < T0 + DAY; at += 600) {
            t.exchange(at, 420, 0).exchange(at + 2, 0, 1380);
        }
        BeaconScore s = t.score(ONE_MINUTE, T0, T0 + DAY);
        assertEquals(144, s.connections(), s.toString());
        assertEquals(1.0, s.score(), s.toString());
    }

    @Test
    void aBeaconFasterThanTheWindowIsSteadyTraffic() {
        // every 60 s through 600-s windows: every window has traffic, all day, so each window is a connection
        BeaconScore s = Traffic.through(600).beacon(T0 + 5, T0 + DAY, 60, 200, 300).score(TEN_MINUTES, T0, T0 + DAY);
        assertEquals(144, s.connections(), s.toString());
        assertEquals(600, s.medianIntervalSeconds());
        assertEquals(5000, s.medianBytes(), "ten check-ins of 500 bytes a window");
        assertEquals(1.0, s.score(), s.toString());
    }

    @Test
    void theDesignsMinerIsABeacon() {
        // 10,000 bytes in and 5,000 out every hour, one record each way, for three days
        Traffic t = Traffic.through(600);
        for (long h = T0; h < T0 + 3 * DAY; h += HOUR) {
            t.exchange(h + 1200, 5_000, 10_000);
        }
        BeaconScore s = t.score(TEN_MINUTES, T0, T0 + 3 * DAY);
        assertTrue(s.beacon(), s.toString());
        assertEquals(1.0, s.score(), s.toString());
        assertEquals(3600, s.medianIntervalSeconds());
        assertEquals(15_000, s.medianBytes());
    }

    @Test
    void theMinerSpreadOverAFewWindowsAnHourIsStillHourly() {
        // the same hour's traffic in three back-to-back windows (:00, :10, :20), unevenly: one burst an hour
        Traffic t = Traffic.through(600);
        long[][] thirds = {{2_000, 5_000}, {1_000, 1_000}, {2_000, 4_000}};
        for (long h = T0; h < T0 + 3 * DAY; h += HOUR) {
            for (int k = 0; k < 3; k++) {
                t.exchange(h + 600L * k, thirds[k][0], thirds[k][1]);
            }
        }
        BeaconScore s = t.score(TEN_MINUTES, T0, T0 + 3 * DAY);
        assertEquals(72, s.connections(), s.toString());
        assertEquals(15_000, s.medianBytes());
        assertEquals(1.0, s.score(), s.toString());
    }

    @Test
    void theReferenceIncidentsMinerIsABeacon() {
        // as the examples' generator writes it: a record each way in each of the six windows of every hour, the
        // hour's 10,000 and 5,000 bytes split unevenly between them
        Traffic t = Traffic.random(600, 42);
        for (long h = T0; h < T0 + 3 * DAY; h += HOUR) {
            long[] in = split(t, 10_000);
            long[] out = split(t, 5_000);
            for (int k = 0; k < 6; k++) {
                t.exchange(h + 600L * k, out[k], in[k]);
            }
        }
        BeaconScore s = t.score(TEN_MINUTES, T0, T0 + 3 * DAY);
        assertTrue(s.beacon(), s.toString());
        assertEquals(1.0, s.timestampScore(), s.toString());
        assertEquals(1.0, s.histogramScore());
        assertEquals(1.0, s.durationScore());
        assertTrue(s.score() > 0.85, s.toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600})
    void aFewBurstsADayAreNoBeacon(long interval) {
        for (int days : new int[] {1, 3, 7}) {
            BeaconScore s = Traffic.random(interval, days).burstsADay(days)
                    .score(scorer(interval), T0, T0 + days * DAY);
            assertFalse(s.beacon(), days + " days: " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600})
    void aBurstOfMinutesIsOneConnectionNotABeaconAtTheWindow(long interval) {
        // four visits a day, each a few minutes of connections every 15 s or so: through the windows each visit is a
        // run of back-to-back windows, which would otherwise read as a perfect beacon at the window's period
        Traffic t = Traffic.random(interval, 7);
        for (int d = 0; d < 3; d++) {
            for (long at : new long[] {8 * HOUR + 600, 11 * HOUR, 14 * HOUR + 1800, 19 * HOUR}) {
                t.burst(T0 + d * DAY + at, 12, 15);
            }
        }
        BeaconScore s = t.score(scorer(interval), T0, T0 + 3 * DAY);
        // a gap of over a window within a visit splits it, now and then
        assertTrue(s.connections() >= 12 && s.connections() <= 15, s.toString());
        assertFalse(s.beacon(), s.toString());
    }

    @Test
    void aPoissonProcessIsSteadyButNotPeriodic() {
        // RITA's histogram and duration subscores reward steadiness: random connections all day long score about
        // as RITA scores them, and only the timestamp subscore says they are not periodic
        Traffic t = Traffic.random(60, 3);
        for (double at = T0; at < T0 + 3 * DAY; at += t.exponential(1200)) {
            t.exchange((long) at, t.lognormal(7, 1), t.lognormal(9, 1));
        }
        BeaconScore s = t.score(ONE_MINUTE, T0, T0 + 3 * DAY);
        assertTrue(s.timestampScore() < 0.7, s.toString());
        assertTrue(s.score() < 0.85, s.toString());
    }

    @Test
    void aBeaconInPartOfTheScopeCoversLess() {
        // six hours of a ten-minute beacon at the end of a day's scope
        Traffic t = Traffic.through(60).beacon(T0 + 18 * HOUR, T0 + DAY, 600, 420, 1380);
        BeaconScore scope = t.score(ONE_MINUTE, T0, T0 + DAY);
        assertEquals(1.0, scope.timestampScore());
        assertEquals(0.0, scope.histogramScore(), "six hours of 24: too uneven, too few for the bimodal fit");
        assertEquals(0.5, scope.durationScore(), "coverage 0.25, consistency 6 of 12 hours");
        assertEquals(0.625, scope.score(), scope.toString());
        BeaconScore own = t.score(ONE_MINUTE);
        assertEquals(1.0, own.score(), "over its own six hours it is perfect");
    }

    private static long[] split(Traffic t, long total) {
        long[] parts = new long[6];
        long rest = total - 6 * (total / 24);
        long[] cuts = t.dice().longs(5, 0, rest + 1).sorted().toArray();
        long previous = 0;
        for (int k = 0; k < 6; k++) {
            long cut = k < 5 ? cuts[k] : rest;
            parts[k] = total / 24 + cut - previous;
            previous = cut;
        }
        return parts;
    }
}
