package io.github.detective4j.graph;

import com.google.common.annotations.VisibleForTesting;
import java.util.Arrays;

/**
 * An hourly series of API calls: {@code [hour, success, failure]} triples of ints in one array, 12 bytes a cell.
 * Counts saturate at {@link Integer#MAX_VALUE} calls per hour per series.
 *
 * <p>Most drill-down series (one source and method, one user agent and method) only ever see one hour, so the first
 * cell lives in fields and the array comes with the second hour: a series of one hour costs one object, not two.
 */
final class CallCells extends HourCells {
    private static final int WIDTH = 3;
    /** Marks the one-cell form: while {@code cells} is this, the only cell (if any) is in the fields below. */
    private static final int[] INLINE = {};

    private int[] cells = INLINE;
    private int hour0;
    private int success0;
    private int failure0;
    private int size;

    /**
     * A series whose one hour already holds these counts: tests of saturation, which would otherwise take 2^31 calls.
     */
    @VisibleForTesting
    static CallCells holding(int hour, int success, int failure) {
        CallCells cells = new CallCells();
        cells.hour0 = hour;
        cells.success0 = success;
        cells.failure0 = failure;
        cells.size = 1;
        return cells;
    }

    /**
     * Counts one API call in an hour.
     *
     * @return false when the hour's counter was saturated and did not count it
     */
    boolean addCall(int hour, boolean success) {
        if (cells == INLINE) {
            if (size == 0) {
                hour0 = hour;
                size = 1;
            }
            if (hour0 == hour) {
                int before = success ? success0 : failure0;
                int after = increment(before);
                if (success) {
                    success0 = after;
                } else {
                    failure0 = after;
                }
                return after != before;
            }
            cells = new int[] {hour0, success0, failure0, 0, 0, 0};
        }
        int at = slot(hour) * WIDTH + (success ? 1 : 2);
        int before = cells[at];
        cells[at] = increment(before);
        return cells[at] != before;
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
        return cells == INLINE ? hour0 : cells[slot * WIDTH];
    }

    @Override
    long value(int slot, int channel) {
        if (cells == INLINE) {
            return channel == SUCCESS ? success0 : failure0;
        }
        return cells[slot * WIDTH + 1 + channel];
    }

    @Override
    int lowerBound(int hour) {
        if (cells == INLINE) {
            return size == 0 || hour0 >= hour ? 0 : 1;
        }
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cells[mid * WIDTH] < hour) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    long retainedBytes() {
        return 32 + (cells == INLINE ? 0 : 16 + cells.length * 4L);
    }

    private int slot(int hour) {
        int n = size;
        if (n > 0) {
            int last = cells[(n - 1) * WIDTH];
            if (last == hour) {
                return n - 1;
            }
            if (last > hour) {
                int i = lowerBound(hour);
                return cells[i * WIDTH] == hour ? i : insert(i, hour);
            }
        }
        return insert(n, hour);
    }

    private int insert(int at, int hour) {
        int n = size;
        if (n * WIDTH == cells.length) {
            cells = Arrays.copyOf(cells, grow(n) * WIDTH);
        }
        if (at < n) {
            System.arraycopy(cells, at * WIDTH, cells, (at + 1) * WIDTH, (n - at) * WIDTH);
        }
        int base = at * WIDTH;
        cells[base] = hour;
        cells[base + 1] = 0;
        cells[base + 2] = 0;
        size = n + 1;
        return at;
    }
}
