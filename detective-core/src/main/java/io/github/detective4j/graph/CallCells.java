package io.github.detective4j.graph;

import com.google.common.annotations.VisibleForTesting;
import java.util.Arrays;

/**
 * An hourly series of API calls, 12 bytes a cell: the latest hour's cell in fields, the earlier ones as
 * {@code [hour, success, failure]} triples of ints in one array. Counts saturate at {@link Integer#MAX_VALUE} calls
 * per hour per series.
 *
 * <p>Why the latest hour lives in fields: logs arrive roughly in time order, so most calls land in the hour the series
 * saw last (three in five while loading the {@code compare} corpus), and counting one then touches the series object
 * alone, not its array's header and far end as well. Most drill-down series (one source and method, one user agent and
 * method) only ever see one hour, and cost one object, no array.
 */
final class CallCells extends HourCells {
    private static final int WIDTH = 3;
    private static final int[] NONE = {};

    /** The cells before the latest, in hour order; {@code size - 1} of them. */
    private int[] earlier = NONE;
    private int lastHour;
    private int lastSuccess;
    private int lastFailure;
    private int size;

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
     * @return false when the hour's counter was saturated and did not count it
     */
    boolean addCall(int hour, boolean success) {
        if (size == 0 || hour != lastHour) {
            return addCallElsewhere(hour, success);
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

    /** A call in a new latest hour, or in an earlier one: the array's part. */
    private boolean addCallElsewhere(int hour, boolean success) {
        if (size == 0 || hour > lastHour) {
            if (size > 0) {
                append(lastHour, lastSuccess, lastFailure);
            }
            lastHour = hour;
            lastSuccess = success ? 1 : 0;
            lastFailure = success ? 0 : 1;
            size++;
            return true;
        }
        int n = size - 1;
        int i = lowerBound(hour);
        if (i == n || earlier[i * WIDTH] != hour) {
            insert(i, hour);
        }
        int at = i * WIDTH + (success ? 1 : 2);
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
        return slot == size - 1 ? lastHour : earlier[slot * WIDTH];
    }

    @Override
    long value(int slot, int channel) {
        if (slot == size - 1) {
            return channel == SUCCESS ? lastSuccess : lastFailure;
        }
        return earlier[slot * WIDTH + 1 + channel];
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
            if (earlier[mid * WIDTH] < hour) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    long retainedBytes() {
        return 32 + (earlier == NONE ? 0 : 16 + earlier.length * 4L);
    }

    /** Adds a cell after the earlier ones. */
    private void append(int hour, int success, int failure) {
        int base = ensureRoom();
        earlier[base] = hour;
        earlier[base + 1] = success;
        earlier[base + 2] = failure;
    }

    /** Adds an empty cell among the earlier ones, at {@code at}. */
    private void insert(int at, int hour) {
        int end = ensureRoom();
        int base = at * WIDTH;
        System.arraycopy(earlier, base, earlier, base + WIDTH, end - base);
        earlier[base] = hour;
        earlier[base + 1] = 0;
        earlier[base + 2] = 0;
        size++;
    }

    /**
     * Makes room for one more earlier cell.
     *
     * @return the index just past the earlier cells
     */
    private int ensureRoom() {
        int end = (size - 1) * WIDTH;
        if (end == earlier.length) {
            earlier = Arrays.copyOf(earlier, grow(size - 1) * WIDTH);
        }
        return end;
    }
}
