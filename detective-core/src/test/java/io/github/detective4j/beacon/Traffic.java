package io.github.detective4j.beacon;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthetic flow records of one pair, as a flow log would hold them: every record starts at its capture window's
 * start (plus, if asked, a delay within the window, as AWS's first-packet {@code start} has), and a window's bytes
 * are summed per direction. Not thread-safe; one per series.
 */
final class Traffic {
    /** 2026-11-02T00:00:00Z, a Monday, on a whole hour. */
    static final long T0 = 1_793_577_600L;
    static final long HOUR = 3600;
    static final long DAY = 24 * HOUR;

    private final long interval;
    private final long jitter;
    private final SplittableRandom random;
    private long[] starts = new long[64];
    private long[] bytes = new long[64];
    private int size;

    private Traffic(long interval, long jitter, long seed) {
        this.interval = interval;
        this.jitter = jitter;
        this.random = new SplittableRandom(seed);
    }

    /** Records through capture windows of {@code interval} seconds, each starting on its window's start. */
    static Traffic through(long interval) {
        return new Traffic(interval, 0, 0);
    }

    /** Records whose starts fall anywhere in their window, as the first packet of a window may. */
    static Traffic jittered(long interval, long seed) {
        return new Traffic(interval, interval, seed);
    }

    /** Records of a process that draws from {@code seed}. */
    static Traffic random(long interval, long seed) {
        return new Traffic(interval, 0, seed);
    }

    SplittableRandom dice() {
        return random;
    }

    /** An exchange at {@code t}: a record each way in the window holding {@code t}. */
    Traffic exchange(long t, long sent, long received) {
        long window = Math.floorDiv(t, interval) * interval;
        record(window, sent);
        return record(window, received);
    }

    /** A check-in every {@code period} seconds from {@code first} (inclusive) to {@code end} (exclusive). */
    Traffic beacon(long first, long end, long period, long sent, long received) {
        for (long t = first; t < end; t += period) {
            exchange(t, sent, received);
        }
        return this;
    }

    /** A visit of {@code connections} exchanges at exponential gaps of mean {@code meanGap} seconds. */
    Traffic burst(long start, int connections, double meanGap) {
        double t = start;
        for (int i = 0; i < connections; i++) {
            t += exponential(meanGap);
            exchange((long) t, lognormal(7, 1.5), lognormal(10, 2));
        }
        return this;
    }

    /**
     * A few bursts a day from {@link #T0} on: 1 to 4 a day, in distinct two-hour slots from 08:00 to 22:00, each of
     * 20 to 119 connections (5 to 30 minutes), so that bursts stay apart.
     */
    Traffic burstsADay(int days) {
        for (int d = 0; d < days; d++) {
            int[] slots = random.ints(0, 7).distinct().limit(1 + random.nextInt(4)).toArray();
            for (int slot : slots) {
                long start = T0 + d * DAY + (8 + 2 * slot) * HOUR + random.nextLong(HOUR);
                burst(start, 20 + random.nextInt(100), 15);
            }
        }
        return this;
    }

    private Traffic record(long window, long byteCount) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, 2 * size);
            bytes = Arrays.copyOf(bytes, 2 * size);
        }
        starts[size] = window + (jitter > 0 ? random.nextLong(jitter) : 0);
        bytes[size++] = byteCount;
        return this;
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    long lognormal(double mu, double sigma) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                * Math.cos(2 * Math.PI * random.nextDouble()); // Box-Muller
        return Math.round(Math.exp(mu + sigma * gaussian));
    }

    long[] starts() {
        return Arrays.copyOf(starts, size);
    }

    long[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    BeaconScore score(BeaconScorer scorer) {
        return scorer.score(starts(), bytes());
    }

    BeaconScore score(BeaconScorer scorer, long from, long to) {
        return scorer.score(starts(), bytes(), from, to);
    }
}
