package io.github.detective4j.graph;

import java.util.Arrays;

/**
 * An hourly series of API calls: {@code [hour, success, failure]} triples of ints in one array, 12 bytes a cell.
 * Counts saturate at {@link Integer#MAX_VALUE} calls per hour per series.
 */
final class CallCells extends HourCells {
    private static final int WIDTH = 3;
    private static final int[] EMPTY = {};

    private int[] cells = EMPTY;
    private int size;

    /** Counts one API call in an hour. */
    void addCall(int hour, boolean success) {
        int at = slot(hour) * WIDTH + (success ? 1 : 2);
        if (cells[at] != Integer.MAX_VALUE) {
            cells[at]++;
        }
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
        return cells[slot * WIDTH];
    }

    @Override
    long value(int slot, int channel) {
        return cells[slot * WIDTH + 1 + channel];
    }

    @Override
    int lowerBound(int hour) {
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
        return 16 + 16 + cells.length * 4L;
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
