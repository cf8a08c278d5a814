package io.github.detective4j.beacon;

import static io.github.detective4j.beacon.Traffic.DAY;
import static io.github.detective4j.beacon.Traffic.HOUR;
import static io.github.detective4j.beacon.Traffic.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The public API: input checks, gates and their reasons, windows, rules. */
class BeaconScorerTest {
    static final BeaconScorer SCORER = BeaconScorer.create();

    @Test
    void badInputIsRefusedWithAMessage() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> SCORER.score(new long[3], new long[2]));
        assertEquals("startSeconds has 3 records but bytes has 2; they describe the same records",
                lengths.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> SCORER.score(new long[] {T0, T0 + 600}, new long[] {10, -1}));
        assertEquals("record 1 has -1 bytes; bytes are not negative", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SCORER.score(new long[] {-5}, new long[] {1}));
        assertThrows(NullPointerException.class, () -> SCORER.score(null, new long[0]));
        assertThrows(NullPointerException.class, () -> SCORER.score(new long[0], null));
    }

    @Test
    void windowsAreNonEmptyAndAtMost366Days() {
        long[] none = new long[0];
        assertThrows(IllegalArgumentException.class, () -> SCORER.score(none, none, T0, T0));
        assertThrows(IllegalArgumentException.class, () -> SCORER.score(none, none, T0, T0 - 1));
        assertThrows(IllegalArgumentException.class, () -> SCORER.score(none, none, T0, T0 + 367 * DAY));
        assertThrows(IllegalArgumentException.class, () -> SCORER.score(none, none, Long.MIN_VALUE, Long.MAX_VALUE));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> SCORER.score(new long[] {T0, T0 + 400 * DAY}, new long[2]));
        assertEquals("the records span 9601 hours, more than 366 days; score a window of them instead",
                tooLong.getMessage());
        assertEquals(0, SCORER.score(none, none, T0, T0 + 366 * DAY).records());
    }

    @Test
    void tooFewRecordsAreNotScoredAndSayWhy() {
        BeaconScore zero = SCORER.score(new long[0], new long[0]);
        assertFalse(zero.beacon());
        assertEquals("0 connections from 0 records; RITA scores from 4", zero.reason());
        BeaconScore one = SCORER.score(new long[] {T0}, new long[] {100});
        assertEquals("1 connection from 1 record; RITA scores from 4", one.reason());
        BeaconScore two = SCORER.score(new long[] {T0, T0 + HOUR}, new long[] {100, 100});
        assertEquals("2 connections from 2 records; RITA scores from 4", two.reason());
        for (BeaconScore s : new BeaconScore[] {zero, one, two}) {
            assertEquals(0, s.score());
            assertEquals(0, s.timestampScore());
            assertEquals(0, s.medianBytes());
        }
    }

    @Test
    void identicalTimestampsAreOneConnection() {
        long[] starts = new long[50];
        Arrays.fill(starts, T0 + 42);
        long[] bytes = new long[50];
        Arrays.fill(bytes, 1000);
        BeaconScore s = SCORER.score(starts, bytes);
        assertFalse(s.beacon());
        assertEquals(50, s.records());
        assertEquals(1, s.connections());
    }

    @Test
    void hugeByteCountsSaturateInsteadOfOverflowing() {
        // two records of Long.MAX_VALUE bytes in each window: the window's sum saturates, and every window is alike
        long[] starts = LongStream.range(0, 48).map(k -> T0 + 600 * (k / 2) * 3).toArray();
        long[] bytes = new long[48];
        Arrays.fill(bytes, Long.MAX_VALUE);
        BeaconScore s = SCORER.score(starts, bytes);
        assertEquals(24, s.connections(), s.toString());
        assertEquals(Long.MAX_VALUE, s.medianBytes());
        assertEquals(1.0, s.dataSizeScore());
        assertTrue(s.beacon(), s.toString());
    }

    @Test
    void aRecordASecondIsAStrobe() {
        BeaconScorer perSecond = BeaconScorer.of(BeaconRule.DEFAULT.withAggregationInterval(Duration.ofSeconds(1)));
        long[] starts = LongStream.range(0, 3600).map(k -> T0 + k).toArray();
        BeaconScore s = perSecond.score(starts, new long[3600]);
        assertFalse(s.beacon());
        assertEquals("3600 records in 3600 seconds, one a second or more: RITA calls that a strobe, not a beacon",
                s.reason());
        long[] fewer = Arrays.copyOf(starts, 3599);
        assertEquals(1.0, perSecond.score(fewer, new long[3599]).timestampScore());
    }

    @Test
    void recordsOutsideTheWindowAreLeftOut() {
        Traffic t = Traffic.through(600).beacon(T0, T0 + 2 * DAY, 600, 100, 200);
        BeaconScore firstDay = t.score(SCORER, T0, T0 + DAY);
        assertEquals(288, firstDay.records());
        assertEquals(144, firstDay.connections());
        assertEquals(t.score(SCORER, T0 + DAY, T0 + 2 * DAY), firstDay, "the second day is the same day again");
    }

    @Test
    void withoutAWindowTheRecordsHoursAreTheWindow() {
        Traffic t = Traffic.through(600).beacon(T0 + 1800, T0 + 5 * HOUR + 10, 600, 100, 200);
        assertEquals(t.score(SCORER, T0, T0 + 6 * HOUR), t.score(SCORER));
    }

    @Test
    void theInputIsNotModified() {
        long[] starts = {T0 + 3000, T0, T0 + 1200, T0 + 600, T0 + 1800, T0 + 2400};
        long[] bytes = {6, 1, 3, 2, 4, 5};
        long[] startsCopy = starts.clone();
        long[] bytesCopy = bytes.clone();
        SCORER.score(starts, bytes);
        assertArrayEquals(startsCopy, starts);
        assertArrayEquals(bytesCopy, bytes);
    }

    @Test
    void theThresholdDecides() {
        Traffic t = Traffic.through(60).beacon(T0 + 18 * HOUR, T0 + DAY, 600, 420, 1380);
        BeaconScore s = t.score(SCORER, T0, T0 + DAY);
        assertEquals(0.625, s.score());
        assertTrue(s.beacon());
        assertEquals("score 0.625 >= threshold 0.5", s.reason());
        BeaconScore medium = t.score(BeaconScorer.of(BeaconRule.DEFAULT.withThreshold(0.7)), T0, T0 + DAY);
        assertFalse(medium.beacon());
        assertEquals("score 0.625 < threshold 0.7", medium.reason());
    }

    @Test
    void weightsReweighTheSubscores() {
        Traffic t = Traffic.through(60).beacon(T0 + 18 * HOUR, T0 + DAY, 600, 420, 1380);
        BeaconScorer periodicity = BeaconScorer.of(BeaconRule.DEFAULT.withWeights(1, 0, 0, 0));
        assertEquals(1.0, t.score(periodicity, T0, T0 + DAY).score());
    }

    @Test
    void rulesAreChecked() {
        BeaconRule d = BeaconRule.DEFAULT;
        assertEquals(0.5, d.threshold());
        assertEquals(4, d.minConnections());
        assertEquals(Duration.ofMinutes(10), d.aggregationInterval());
        assertSame(d, BeaconScorer.of(d).rule());
        assertThrows(IllegalArgumentException.class, () -> d.withThreshold(1.5));
        assertThrows(IllegalArgumentException.class, () -> d.withThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withAggregationInterval(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withAggregationInterval(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> d.withAggregationInterval(Duration.ofHours(2)));
        assertThrows(IllegalArgumentException.class, () -> d.withAggregationInterval(null));
        assertThrows(IllegalArgumentException.class, () -> d.withWeights(0.5, 0.5, 0.5, -0.5));
        assertThrows(IllegalArgumentException.class, () -> new BeaconRule(0.5, 3, 0.25, 0.25, 0.25, 0.25, 6, 12,
                0.05, 1, 11, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new BeaconRule(0.5, 4, 0.25, 0.25, 0.25, 0.25, 6, 12,
                0.05, 1, 5, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new BeaconRule(0.5, 4, 0.25, 0.25, 0.25, 0.25, 6, 12,
                0, 1, 11, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new BeaconRule(0.5, 4, 0.25, 0.25, 0.25, 0.25, 0, 12,
                0.05, 1, 11, Duration.ofMinutes(10)));
        assertThrows(NullPointerException.class, () -> BeaconScorer.of(null));
    }

    @Test
    void scoresAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new BeaconScore(1.1, 0, 0, 0, 0, 0, 0, 0, 0, false, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new BeaconScore(0, 0, 0, 0, 0, -1, 0, 0, 0, false, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new BeaconScore(0, 0, 0, 0, 0, 0, 0, 0, 0, false, null));
    }
}
