package io.github.detective4j.text;

import java.util.Objects;

/**
 * Renders a series as a one-line bar chart of block characters, {@code ▁▂▃▄▅▆▇█}, scaled to its own maximum; zero is
 * a space, so hours without activity stand out. For hourly series printed in JShell.
 *
 * <pre>{@code
 * Sparkline.of(new long[] {0, 1, 4, 8, 8, 2});   // " ▁▄██▂"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Sparkline {
    private static final char[] BARS = {'\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'};

    private Sparkline() {}

    /**
     * Renders the values, one character each.
     *
     * @param values non-negative values; negative ones render as zero
     * @return the sparkline, as long as {@code values}
     */
    public static String of(long[] values) {
        Objects.requireNonNull(values, "values");
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        StringBuilder out = new StringBuilder(values.length);
        for (long v : values) {
            if (v <= 0) {
                out.append(' ');
            } else {
                // Any activity shows at least the lowest bar; the maximum shows the highest.
                int bar = (int) Math.ceil((double) v / max * BARS.length) - 1;
                out.append(BARS[Math.max(0, Math.min(BARS.length - 1, bar))]);
            }
        }
        return out.toString();
    }
}
