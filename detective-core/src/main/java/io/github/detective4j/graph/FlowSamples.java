package io.github.detective4j.graph;

import java.util.Arrays;

/**
 * The latest flow records of one instance–IP pair, as (capture-window start, bytes) samples, for periodicity
 * ("beacon") scoring, which needs the records' times and sizes rather than hourly sums.
 *
 * <p>Samples are kept sorted by start, records with the same start (a window's inbound and outbound records) merged
 * into one, and at most {@code capacity} of them: the ones with the latest starts. That set does not depend on the
 * order the records arrive in, which a plain ring of the last arrivals would. Records arrive mostly in time order, so
 * the common update appends at the end or merges with the last sample, and dropping the oldest moves a start index;
 * the arrays are compacted when the end is reached, which keeps appends amortized O(1) at up to twice the capacity
 * in memory (16 bytes a sample). Guarded by the graph's lock.
 */
final class FlowSamples {
    private final int capacity;
    private long[] starts = new long[4];
    private long[] bytes = new long[4];
    private int begin;
    private int size;

    FlowSamples(int capacity) {
        this.capacity = capacity;
    }

    void add(long start, long amount) {
        int end = begin + size;
        if (size > 0 && starts[end - 1] >= start) {
            int at = Arrays.binarySearch(starts, begin, end, start);
            if (at >= 0) {
                bytes[at] = HourCells.saturatedAdd(bytes[at], amount);
                return;
            }
            insert(-at - 1, start, amount);
            return;
        }
        insert(end, start, amount);
    }

    private void insert(int at, long start, long amount) {
        if (size == capacity) {
            if (at == begin) {
                return; // older than every kept sample
            }
            begin++;
            size--;
        }
        if (begin + size == starts.length) {
            at -= begin;
            if (begin > 0 && size < starts.length / 2) {
                System.arraycopy(starts, begin, starts, 0, size);
                System.arraycopy(bytes, begin, bytes, 0, size);
            } else {
                int length = Math.min(2 * capacity, Math.max(4, starts.length * 2));
                long[] s = new long[length];
                long[] b = new long[length];
                System.arraycopy(starts, begin, s, 0, size);
                System.arraycopy(bytes, begin, b, 0, size);
                starts = s;
                bytes = b;
            }
            begin = 0;
        }
        int end = begin + size;
        System.arraycopy(starts, at, starts, at + 1, end - at);
        System.arraycopy(bytes, at, bytes, at + 1, end - at);
        starts[at] = start;
        bytes[at] = amount;
        size++;
    }

    int size() {
        return size;
    }

    /** Returns the samples whose start lies in {@code [fromSecond, toSecond)}, as {@code [starts, bytes]}. */
    long[][] between(long fromSecond, long toSecond) {
        int end = begin + size;
        int from = lowerBound(fromSecond, end);
        int to = lowerBound(toSecond, end);
        return new long[][] {Arrays.copyOfRange(starts, from, to), Arrays.copyOfRange(bytes, from, to)};
    }

    private int lowerBound(long second, int end) {
        int i = Arrays.binarySearch(starts, begin, end, second);
        if (i < 0) {
            return -i - 1;
        }
        while (i > begin && starts[i - 1] == second) {
            i--;
        }
        return i;
    }

    long retainedBytes() {
        return 16 + 2 * (16 + starts.length * 8L);
    }
}
