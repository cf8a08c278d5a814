package io.github.detective4j.beacon;

import com.google.common.math.LongMath;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The connections RITA would score, rebuilt from flow records: RITA reads one timestamp and one byte count per
 * connection, a flow log one record per flow and capture window. Two steps, both documented in the package:
 * <ol>
 *   <li>records that start less than nine tenths of an aggregation interval after the first record of a group are
 *       one capture window (its directions, its flows): one observation at the group's first start, with their
 *       bytes summed; a record that starts nearly an interval later is the next window's, as a beacon as fast as
 *       the window that jitters by a second starts them;
 *   <li>capture windows back to back (the next starts less than two intervals later: no empty window fits between
 *       them) form a run of traffic. A run shorter than {@link #STEADY_RUN_SECONDS} is one connection, as a burst of
 *       browsing is in RITA's input; a longer run is steady traffic and each of its windows is a connection, which
 *       is what a beacon faster than the capture window looks like.
 * </ol>
 * With an interval of one second, step 1 only merges records of the same second, as RITA's unique-timestamp count
 * does, and step 2 is skipped: one-second timestamps are RITA's own input, not capture windows.
 */
final class Connections {
    /** RITA's {@code long_connection_minimum_duration}: traffic that lasts an hour is a long connection. */
    static final long STEADY_RUN_SECONDS = 3600;

    private final long[] times;
    private final long[] bytes;
    private final int records;

    private Connections(long[] times, long[] bytes, int records) {
        this.times = times;
        this.bytes = bytes;
        this.records = records;
    }

    /**
     * Rebuilds the connections of the records whose start lies in {@code [from, to)}.
     *
     * @param starts record start times, epoch seconds, any order
     * @param bytes the records' byte counts, non-negative, in the order of {@code starts}
     * @param interval the aggregation interval, seconds, at least 1
     */
    static Connections of(long[] starts, long[] bytes, long from, long to, long interval) {
        int[] order = IntStream.range(0, starts.length)
                .filter(i -> starts[i] >= from && starts[i] < to)
                .boxed()
                .sorted(Comparator.comparingLong(i -> starts[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        Connections windows = windows(starts, bytes, order, interval);
        return interval > 1 ? windows.runs(interval) : windows;
    }

    private static Connections windows(long[] starts, long[] bytes, int[] order, long interval) {
        long[] times = new long[order.length];
        long[] sums = new long[order.length];
        int n = 0;
        for (int i : order) {
            if (n > 0 && starts[i] - times[n - 1] < interval - interval / 10) {
                sums[n - 1] = LongMath.saturatedAdd(sums[n - 1], bytes[i]);
            } else {
                times[n] = starts[i];
                sums[n++] = bytes[i];
            }
        }
        return new Connections(Arrays.copyOf(times, n), Arrays.copyOf(sums, n), order.length);
    }

    private Connections runs(long interval) {
        long[] runTimes = new long[times.length];
        long[] runBytes = new long[times.length];
        int n = 0;
        for (int first = 0, last; first < times.length; first = last + 1) {
            last = first;
            while (last + 1 < times.length && times[last + 1] - times[last] < 2 * interval) {
                last++;
            }
            if (times[last] - times[first] + interval >= STEADY_RUN_SECONDS) {
                for (int i = first; i <= last; i++) {
                    runTimes[n] = times[i];
                    runBytes[n++] = bytes[i];
                }
            } else {
                long sum = 0;
                for (int i = first; i <= last; i++) {
                    sum = LongMath.saturatedAdd(sum, bytes[i]);
                }
                runTimes[n] = times[first];
                runBytes[n++] = sum;
            }
        }
        return new Connections(Arrays.copyOf(runTimes, n), Arrays.copyOf(runBytes, n), records);
    }

    /** The records in the window, before any merging. */
    int records() {
        return records;
    }

    /** The connections. */
    int size() {
        return times.length;
    }

    long first() {
        return times[0];
    }

    long last() {
        return times[times.length - 1];
    }

    /** Connection times, ascending. */
    long[] times() {
        return times;
    }

    /** The intervals between consecutive connections, ascending; all positive. */
    double[] sortedIntervals() {
        double[] intervals = new double[times.length - 1];
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = times[i + 1] - times[i];
        }
        Arrays.sort(intervals);
        return intervals;
    }

    /** Bytes per connection, ascending. */
    double[] sortedBytes() {
        double[] sorted = Arrays.stream(bytes).asDoubleStream().toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
