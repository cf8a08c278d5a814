package io.github.detective4j.report;

import java.util.Locale;

/** Numbers as a reader takes them in at a glance: bytes in SI units (1 kB = 1,000 bytes), counts with separators. */
final class Quantities {
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private Quantities() {}

    static String bytes(double value) {
        int unit = 0;
        double v = value;
        while (Math.abs(v) >= 1000 && unit < BYTE_UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + BYTE_UNITS[unit];
    }

    static String count(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
