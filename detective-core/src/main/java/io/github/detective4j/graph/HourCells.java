package io.github.detective4j.graph;

import java.util.Arrays;

/**
 * One hourly series: counters for each epoch hour (UTC) that had activity, and nothing for the hours that had none.
 *
 * <p>Hours are kept sorted in a plain {@code int[]}, the counters of hour {@code i} at
 * {@code [i * stride, (i + 1) * stride)} of a parallel {@code long[]}, so a cell costs {@code 4 + 8 * stride} bytes
 * and no object. Logs arrive mostly in time order, so the common update is the last hour or a new one after it;
 * an hour that arrives late is found by binary search and, if new, inserted by one array copy. A range of hours is
 * two binary searches and a scan.
 *
 * <p>Counters saturate at {@link Long#MAX_VALUE} instead of overflowing. Not thread-safe: the graph's lock guards
 * every series.
 */
final class HourCells {
    /** Channels of an API-call series: successful and failed calls. */
    static final int CALL_STRIDE = 2;
    /** Success channel of an API-call series. */
    static final int SUCCESS = 0;
    /** Failure channel of an API-call series. */
    static final int FAILURE = 1;

    /** Channels of a traffic series, seen from the entity that owns it. */
    static final int TRAFFIC_STRIDE = 6;
    /** Bytes received by the owner. */
    static final int BYTES_IN = 0;
    /** Bytes sent by the owner. */
    static final int BYTES_OUT = 1;
    /** Packets received by the owner. */
    static final int PACKETS_IN = 2;
    /** Packets sent by the owner. */
    static final int PACKETS_OUT = 3;
    /** Flow records accepted. */
    static final int ACCEPTED = 4;
    /** Flow records rejected. */
    static final int REJECTED = 5;

    private static final int[] NO_HOURS = {};
    private static final long[] NO_VALUES = {};

    private final int stride;
    private int[] hours = NO_HOURS;
    private long[] values = NO_VALUES;
    private int size;

    HourCells(int stride) {
        this.stride = stride;
    }

    static HourCells calls() {
        return new HourCells(CALL_STRIDE);
    }

    static HourCells traffic() {
        return new HourCells(TRAFFIC_STRIDE);
    }

    int stride() {
        return stride;
    }

    /** Number of hours with a cell. */
    int size() {
        return size;
    }

    /** The epoch hour of cell {@code slot}. */
    int hour(int slot) {
        return hours[slot];
    }

    /** The value of one channel of cell {@code slot}. */
    long value(int slot, int channel) {
        return values[slot * stride + channel];
    }

    /** The first hour with a cell; the series must not be empty. */
    int firstHour() {
        return hours[0];
    }

    /** The last hour with a cell; the series must not be empty. */
    int lastHour() {
        return hours[size - 1];
    }

    /** Adds {@code amount} to one channel of an hour's cell, creating the cell. */
    void add(int hour, int channel, long amount) {
        int at = slot(hour) * stride + channel;
        values[at] = saturatedAdd(values[at], amount);
    }

    /** Counts one API call in an hour. */
    void addCall(int hour, boolean success) {
        int at = slot(hour) * stride + (success ? SUCCESS : FAILURE);
        if (values[at] != Long.MAX_VALUE) {
            values[at]++;
        }
    }

    /** Adds one flow record's traffic, as seen from the owner, to an hour's cell. */
    void addTraffic(int hour, boolean inbound, long bytes, long packets, boolean accepted) {
        int at = slot(hour) * stride;
        int bytesAt = at + (inbound ? BYTES_IN : BYTES_OUT);
        int packetsAt = at + (inbound ? PACKETS_IN : PACKETS_OUT);
        int recordsAt = at + (accepted ? ACCEPTED : REJECTED);
        values[bytesAt] = saturatedAdd(values[bytesAt], bytes);
        values[packetsAt] = saturatedAdd(values[packetsAt], packets);
        values[recordsAt] = saturatedAdd(values[recordsAt], 1);
    }

    /** Index of the first cell at or after {@code hour}; {@link #size()} when there is none. */
    int lowerBound(int hour) {
        if (size == 0 || hours[size - 1] < hour) {
            return size;
        }
        int i = Arrays.binarySearch(hours, 0, size, hour);
        return i >= 0 ? i : -i - 1;
    }

    /** Tells whether any cell lies in {@code [fromHour, toHour)}. */
    boolean anyIn(int fromHour, int toHour) {
        int i = lowerBound(fromHour);
        return i < size && hours[i] < toHour;
    }

    /**
     * Adds the channels of every cell in {@code [fromHour, toHour)} to {@code sums}, which has {@link #stride()}
     * entries.
     *
     * @return the number of cells in the range
     */
    int sum(int fromHour, int toHour, long[] sums) {
        int cells = 0;
        for (int i = lowerBound(fromHour); i < size && hours[i] < toHour; i++, cells++) {
            int at = i * stride;
            for (int c = 0; c < stride; c++) {
                sums[c] = saturatedAdd(sums[c], values[at + c]);
            }
        }
        return cells;
    }

    /** Adds this series into {@code dense}, laid out {@code [(hour - fromHour) * stride + channel]}. */
    void addInto(int fromHour, int toHour, long[] dense) {
        for (int i = lowerBound(fromHour); i < size && hours[i] < toHour; i++) {
            int from = i * stride;
            int to = (hours[i] - fromHour) * stride;
            for (int c = 0; c < stride; c++) {
                dense[to + c] = saturatedAdd(dense[to + c], values[from + c]);
            }
        }
    }

    /** Bytes held by this series' arrays, for the graph's memory figures. */
    long retainedBytes() {
        return 16 + 16L + hours.length * 4L + 16L + values.length * 8L;
    }

    private int slot(int hour) {
        int n = size;
        if (n > 0) {
            int last = hours[n - 1];
            if (last == hour) {
                return n - 1;
            }
            if (last > hour) {
                int i = Arrays.binarySearch(hours, 0, n, hour);
                if (i >= 0) {
                    return i;
                }
                return insert(-i - 1, hour);
            }
        }
        return insert(n, hour);
    }

    private int insert(int at, int hour) {
        int n = size;
        if (n == hours.length) {
            int capacity = n < 4 ? n + 1 : n + (n >> 1);
            hours = Arrays.copyOf(hours, capacity);
            values = Arrays.copyOf(values, capacity * stride);
        }
        if (at < n) {
            System.arraycopy(hours, at, hours, at + 1, n - at);
            System.arraycopy(values, at * stride, values, (at + 1) * stride, (n - at) * stride);
            Arrays.fill(values, at * stride, (at + 1) * stride, 0L);
        }
        hours[at] = hour;
        size = n + 1;
        return at;
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow only when both are positive and the sum is not; amounts are never negative.
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
