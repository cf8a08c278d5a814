package io.github.detective4j.graph;

import com.google.common.annotations.VisibleForTesting;

/**
 * An hourly series of API calls, 12 bytes a cell: the latest hour's cell in fields, the earlier ones as
 * {@code [hour, success, failure]} triples of ints in a region of the graph's {@link CellSlab}. Counts saturate at
 * {@link Integer#MAX_VALUE} calls per hour per series.
 *
 * <p>Why the latest hour lives in fields: logs arrive roughly in time order, so most calls land in the hour the series
 * saw last (three in five while loading the {@code compare} corpus), and counting one then touches the series object
 * alone, not its region as well. Most drill-down series (one source and method, one user agent and method) only ever
 * see one hour, and cost one object, no region. Why a region of a shared slab and not an array of its own: see
 * {@link CellSlab}.
 */
final class CallCells extends HourCells {
    private static final int WIDTH = 3;
    private static final int[] NONE = {};

    /**
     * The slab's chunk that holds the earlier cells, in hour order from {@link #offset}; {@code size - 1} of them. The
     * slab is not held here but passed to {@link #addCall}, which alone may need a new region: a series is one of
     * the graph's most numerous objects, and this keeps it at 40 bytes.
     */
    private int[] earlier = NONE;
    private int offset;
    /** The cells the region has room for. */
    private int capacity;
    private int lastHour;
    private int lastSuccess;
    private int lastFailure;
    private int size;

    CallCells() {}

    /**
     * A series whose one hour already holds these counts: tests of saturation, which would otherwise take 2^31 calls.
     */
    @VisibleForTesting
    static CallCells holding(int hour, int success, int failure) {
        CallCells cells = new CallCells();
        cells.lastHour = hour;
        cells.lastSuccess = success;
        cells.lastFailure = failure;
        cells.size = 1;
        return cells;
    }

    /**
     * Counts one API call in an hour.
     *
     * @param slab the graph's slab, where the earlier cells are, or will be when this call moves to a new hour
     * @return false when the hour's counter was saturated and did not count it
     */
    boolean addCall(CellSlab slab, int hour, boolean success) {
        if (size == 0 || hour != lastHour) {
            return addCallElsewhere(slab, hour, success);
        }
        if (success) {
            int before = lastSuccess;
            lastSuccess = increment(before);
            return lastSuccess != before;
        }
        int before = lastFailure;
        lastFailure = increment(before);
        return lastFailure != before;
    }

    /** A call in a new latest hour, or in an earlier one: the region's part. */
    private boolean addCallElsewhere(CellSlab slab, int hour, boolean success) {
        if (size == 0 || hour > lastHour) {
            if (size > 0) {
                append(slab, lastHour, lastSuccess, lastFailure);
            }
            lastHour = hour;
            lastSuccess = success ? 1 : 0;
            lastFailure = success ? 0 : 1;
            size++;
            return true;
        }
        int n = size - 1;
        int i = lowerBound(hour);
        if (i == n || earlier[offset + i * WIDTH] != hour) {
            insert(slab, i, hour);
        }
        int at = offset + i * WIDTH + (success ? 1 : 2);
        int before = earlier[at];
        earlier[at] = increment(before);
        return earlier[at] != before;
    }

    private static int increment(int count) {
        return count == Integer.MAX_VALUE ? count : count + 1;
    }

    @Override
    int stride() {
        return CALL_STRIDE;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    int hour(int slot) {
        return slot == size - 1 ? lastHour : earlier[offset + slot * WIDTH];
    }

    @Override
    long value(int slot, int channel) {
        if (slot == size - 1) {
            return channel == SUCCESS ? lastSuccess : lastFailure;
        }
        return earlier[offset + slot * WIDTH + 1 + channel];
    }

    @Override
    int lowerBound(int hour) {
        if (size == 0 || lastHour < hour) {
            return size;
        }
        // the latest hour is at or after it: the first earlier cell at or after it, or the latest
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (earlier[offset + mid * WIDTH] < hour) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    long retainedBytes() {
        return 40 + capacity * (WIDTH * 4L);
    }

    /** Adds a cell after the earlier ones. */
    private void append(CellSlab slab, int hour, int success, int failure) {
        int at = ensureRoom(slab);
        earlier[at] = hour;
        earlier[at + 1] = success;
        earlier[at + 2] = failure;
    }

    /** Adds an empty cell among the earlier ones, at {@code at}. */
    private void insert(CellSlab slab, int at, int hour) {
        int end = ensureRoom(slab);
        int base = offset + at * WIDTH;
        System.arraycopy(earlier, base, earlier, base + WIDTH, end - base);
        earlier[base] = hour;
        earlier[base + 1] = 0;
        earlier[base + 2] = 0;
        size++;
    }

    /** Copies the earlier cells to a region of {@code slab}, as when the graph leaves a {@link CellSlab#wasteful} one. */
    void moveTo(CellSlab slab) {
        if (capacity > 0) {
            copyTo(slab, capacity);
        }
    }

    /** Copies the earlier cells to a new region of {@code slab} with room for {@code cells} cells, and uses it. */
    private void copyTo(CellSlab slab, int cells) {
        long region = slab.allocate(cells * WIDTH);
        int[] chunk = slab.chunkOf(region);
        int at = CellSlab.offsetOf(region);
        System.arraycopy(earlier, offset, chunk, at, (size - 1) * WIDTH);
        earlier = chunk;
        offset = at;
        capacity = cells;
    }

    /**
     * Makes room for one more earlier cell: the region as it is, or a larger one that the cells are copied to, the old
     * one given back to the slab.
     *
     * @return the index in {@link #earlier} just past the earlier cells
     */
    private int ensureRoom(CellSlab slab) {
        int cells = size - 1;
        if (cells == capacity) {
            int[] old = earlier;
            int from = offset;
            copyTo(slab, grow(capacity));
            if (cells > 0) {
                slab.free(old, from, cells * WIDTH);
            }
        }
        return offset + cells * WIDTH;
    }
}
