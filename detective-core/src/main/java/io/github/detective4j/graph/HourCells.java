package io.github.detective4j.graph;

/**
 * One hourly series: counters for each epoch hour (UTC) that had activity, and nothing for the hours that had none.
 * Two kinds share this reading interface: {@link CallCells} (successful and failed API calls, in ints) and
 * {@link TrafficCells} (bytes, packets and flow records in and out, in longs).
 *
 * <p>Both keep their hours sorted in plain ints and longs (a region of the graph's {@link CellSlab} for call series,
 * arrays of their own for traffic series), so that a cell costs a few bytes and no object: logs arrive mostly in time
 * order, so the common update is the last hour or a new one after it (both keep their last hour in fields, so that the
 * common update does not read the arrays); an hour that arrives late is found by binary search
 * and, if new, inserted by one array copy. A range of hours is two binary searches and a scan.
 * Counters saturate instead of overflowing. Not thread-safe: the graph's lock guards every series.
 */
abstract sealed class HourCells permits CallCells, TrafficCells {
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

    static CallCells calls() {
        return new CallCells();
    }

    static TrafficCells traffic() {
        return new TrafficCells();
    }

    /** Channels per cell. */
    abstract int stride();

    /** Number of hours with a cell. */
    abstract int size();

    /** The epoch hour of cell {@code slot}. */
    abstract int hour(int slot);

    /** The value of one channel of cell {@code slot}. */
    abstract long value(int slot, int channel);

    /** Index of the first cell at or after {@code hour}; {@link #size()} when there is none. */
    abstract int lowerBound(int hour);

    /** Bytes held by this series, its object and its cells, for the graph's memory figures. */
    abstract long retainedBytes();

    /** The first hour with a cell; the series must not be empty. */
    final int firstHour() {
        return hour(0);
    }

    /** The last hour with a cell; the series must not be empty. */
    final int lastHour() {
        return hour(size() - 1);
    }

    /** Tells whether any cell lies in {@code [fromHour, toHour)}. */
    final boolean anyIn(int fromHour, int toHour) {
        int i = lowerBound(fromHour);
        return i < size() && hour(i) < toHour;
    }

    /** Tells whether a cell in {@code [fromHour, toHour)} counts anything on {@code channel}; stops at the first. */
    final boolean anyIn(int fromHour, int toHour, int channel) {
        for (int i = lowerBound(fromHour); i < size() && hour(i) < toHour; i++) {
            if (value(i, channel) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the channels of every cell in {@code [fromHour, toHour)} to {@code sums}, which has {@link #stride()}
     * entries.
     *
     * @return the number of cells in the range
     */
    final int sum(int fromHour, int toHour, long[] sums) {
        int stride = stride();
        int cells = 0;
        for (int i = lowerBound(fromHour); i < size() && hour(i) < toHour; i++, cells++) {
            for (int c = 0; c < stride; c++) {
                sums[c] = saturatedAdd(sums[c], value(i, c));
            }
        }
        return cells;
    }

    /** Adds this series into {@code dense}, laid out {@code [(hour - fromHour) * stride + channel]}. */
    final void addInto(int fromHour, int toHour, long[] dense) {
        int stride = stride();
        for (int i = lowerBound(fromHour); i < size() && hour(i) < toHour; i++) {
            int to = (hour(i) - fromHour) * stride;
            for (int c = 0; c < stride; c++) {
                dense[to + c] = saturatedAdd(dense[to + c], value(i, c));
            }
        }
    }

    /** The capacity after {@code capacity} cells: doubling while small, then by half, to bound both slack and copies. */
    static int grow(int capacity) {
        return capacity < 2 ? 2 : capacity < 16 ? capacity * 2 : capacity + (capacity >> 1);
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // Overflow only when both are positive and the sum is not; amounts are never negative.
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
