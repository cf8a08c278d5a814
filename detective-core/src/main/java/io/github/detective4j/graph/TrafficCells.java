package io.github.detective4j.graph;

import java.util.Arrays;

/**
 * An hourly series of VPC traffic: hours in an {@code int[]}, and per hour the {@value #TRAFFIC_STRIDE} long
 * counters of {@link HourCells} (bytes, packets and records, in and out) in a parallel {@code long[]}, 52 bytes a
 * cell. Counters saturate at {@link Long#MAX_VALUE}.
 */
final class TrafficCells extends HourCells {
    private static final int[] NO_HOURS = {};
    private static final long[] NO_VALUES = {};

    private int[] hours = NO_HOURS;
    private long[] values = NO_VALUES;
    private int size;

    /** Adds one flow record's traffic, as seen from the owner, to an hour's cell. */
    void addTraffic(int hour, boolean inbound, long bytes, long packets, boolean accepted) {
        int at = slot(hour) * TRAFFIC_STRIDE;
        add(at + (inbound ? BYTES_IN : BYTES_OUT), bytes);
        add(at + (inbound ? PACKETS_IN : PACKETS_OUT), packets);
        add(at + (accepted ? ACCEPTED : REJECTED), 1);
    }

    @Override
    int stride() {
        return TRAFFIC_STRIDE;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    int hour(int slot) {
        return hours[slot];
    }

    @Override
    long value(int slot, int channel) {
        return values[slot * TRAFFIC_STRIDE + channel];
    }

    @Override
    int lowerBound(int hour) {
        if (size == 0 || hours[size - 1] < hour) {
            return size;
        }
        int i = Arrays.binarySearch(hours, 0, size, hour);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    long retainedBytes() {
        return 16 + 16 + hours.length * 4L + 16 + values.length * 8L;
    }

    private void add(int at, long amount) {
        values[at] = saturatedAdd(values[at], amount);
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
                return i >= 0 ? i : insert(-i - 1, hour);
            }
        }
        return insert(n, hour);
    }

    private int insert(int at, int hour) {
        int n = size;
        if (n == hours.length) {
            int capacity = grow(n);
            hours = Arrays.copyOf(hours, capacity);
            values = Arrays.copyOf(values, capacity * TRAFFIC_STRIDE);
        }
        if (at < n) {
            System.arraycopy(hours, at, hours, at + 1, n - at);
            System.arraycopy(values, at * TRAFFIC_STRIDE, values, (at + 1) * TRAFFIC_STRIDE,
                    (n - at) * TRAFFIC_STRIDE);
            Arrays.fill(values, at * TRAFFIC_STRIDE, (at + 1) * TRAFFIC_STRIDE, 0L);
        }
        hours[at] = hour;
        size = n + 1;
        return at;
    }
}
