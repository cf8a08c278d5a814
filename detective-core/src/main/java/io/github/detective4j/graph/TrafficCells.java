package io.github.detective4j.graph;

import java.util.Arrays;

/**
 * An hourly series of VPC traffic, with the {@value #TRAFFIC_STRIDE} long counters of {@link HourCells} per hour
 * (bytes, packets and records, in and out): the latest hour's cell in fields, the earlier ones as hours in an
 * {@code int[]} and their counters in a parallel {@code long[]}, 52 bytes a cell. Counters saturate at
 * {@link Long#MAX_VALUE}.
 *
 * <p>Why the latest hour lives in fields, as in {@link CallCells}: flow records arrive roughly in time order, so most
 * land in the hour the series saw last, and counting one then touches the series object alone. And most drill-down
 * rows of an instance (one peer, one pair of ports, the local or remote one usually ephemeral) only ever see one
 * hour: in the {@code compare} corpus, 250,645 rows for 250,720 flow records. Such a row is one object of 80 bytes,
 * where an object and two arrays with room for two hours took 160.
 */
final class TrafficCells extends HourCells {
    private static final int[] NO_HOURS = {};
    private static final long[] NO_VALUES = {};

    /** The hours before the latest, in order; {@code size - 1} of them. */
    private int[] hours = NO_HOURS;
    /** Their counters, {@value #TRAFFIC_STRIDE} per hour. */
    private long[] values = NO_VALUES;
    private int size;
    private int lastHour;
    private long lastBytesIn;
    private long lastBytesOut;
    private long lastPacketsIn;
    private long lastPacketsOut;
    private long lastAccepted;
    private long lastRejected;

    /** Adds one flow record's traffic, as seen from the owner, to an hour's cell. */
    void addTraffic(int hour, boolean inbound, long bytes, long packets, boolean accepted) {
        if (size == 0 || hour != lastHour) {
            addElsewhere(hour, inbound, bytes, packets, accepted);
            return;
        }
        if (inbound) {
            lastBytesIn = saturatedAdd(lastBytesIn, bytes);
            lastPacketsIn = saturatedAdd(lastPacketsIn, packets);
        } else {
            lastBytesOut = saturatedAdd(lastBytesOut, bytes);
            lastPacketsOut = saturatedAdd(lastPacketsOut, packets);
        }
        if (accepted) {
            lastAccepted = saturatedAdd(lastAccepted, 1);
        } else {
            lastRejected = saturatedAdd(lastRejected, 1);
        }
    }

    /** A record in a new latest hour, or in an earlier one: the arrays' part. */
    private void addElsewhere(int hour, boolean inbound, long bytes, long packets, boolean accepted) {
        if (size == 0 || hour > lastHour) {
            if (size == 0) {
                size = 1;
            } else {
                // the latest cell moves into the arrays, and the insert counts the new latest one
                int at = insert(size - 1, lastHour) * TRAFFIC_STRIDE;
                values[at + BYTES_IN] = lastBytesIn;
                values[at + BYTES_OUT] = lastBytesOut;
                values[at + PACKETS_IN] = lastPacketsIn;
                values[at + PACKETS_OUT] = lastPacketsOut;
                values[at + ACCEPTED] = lastAccepted;
                values[at + REJECTED] = lastRejected;
            }
            lastHour = hour;
            lastBytesIn = inbound ? bytes : 0;
            lastBytesOut = inbound ? 0 : bytes;
            lastPacketsIn = inbound ? packets : 0;
            lastPacketsOut = inbound ? 0 : packets;
            lastAccepted = accepted ? 1 : 0;
            lastRejected = accepted ? 0 : 1;
            return;
        }
        int n = size - 1;
        int i = Arrays.binarySearch(hours, 0, n, hour);
        int at = (i >= 0 ? i : insert(-i - 1, hour)) * TRAFFIC_STRIDE;
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
        return slot == size - 1 ? lastHour : hours[slot];
    }

    @Override
    long value(int slot, int channel) {
        if (slot != size - 1) {
            return values[slot * TRAFFIC_STRIDE + channel];
        }
        return switch (channel) {
            case BYTES_IN -> lastBytesIn;
            case BYTES_OUT -> lastBytesOut;
            case PACKETS_IN -> lastPacketsIn;
            case PACKETS_OUT -> lastPacketsOut;
            case ACCEPTED -> lastAccepted;
            case REJECTED -> lastRejected;
            default -> throw new IndexOutOfBoundsException("no traffic channel " + channel);
        };
    }

    @Override
    int lowerBound(int hour) {
        if (size == 0 || lastHour < hour) {
            return size;
        }
        // the latest hour is at or after it: the first earlier cell at or after it, or the latest
        int i = Arrays.binarySearch(hours, 0, size - 1, hour);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    long retainedBytes() {
        return 80 + (hours == NO_HOURS ? 0 : 16 + hours.length * 4L + 16 + values.length * 8L);
    }

    private void add(int at, long amount) {
        values[at] = saturatedAdd(values[at], amount);
    }

    /**
     * Adds an empty cell among the earlier ones, at {@code at}; the latest cell stays in the fields.
     *
     * @return {@code at}
     */
    private int insert(int at, int hour) {
        int n = size - 1;
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
        size++;
        return at;
    }
}
