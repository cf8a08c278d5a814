package io.github.detective4j.report;

import java.util.Locale;

/** Numbers as a reader takes them in at a glance: bytes in SI units (1 kB = 1,000 bytes), counts with separators. */
final class Quantities {
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private Quantities() {}

    /** Bytes with one decimal past the unit, rounded before the unit is chosen: 999,950 bytes is 1 MB, not 1000 kB. */
    static String bytes(double value) {
        int unit = 0;
        double v = value;
        while (unit < BYTE_UNITS.length - 1 && Math.abs(Math.rint(v * 10) / 10) >= 1000) {
            v /= 1000;
            unit++;
        }
        return format(v, "%.1f", "%.0f") + " " + BYTE_UNITS[unit];
    }

    /** A count with thousands separators; a fraction (an average) with one decimal. */
    static String count(double value) {
        return format(value, "%,.1f", "%,.0f");
    }

    /** An exact count, whatever its size: a double holds only 15 to 17 of a long's digits. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Whole numbers without decimals, and no minus before a zero (-0.0, or -0.04 shown to one decimal). */
    private static String format(double value, String fraction, String whole) {
        String text = String.format(Locale.ROOT, value == Math.rint(value) ? whole : fraction, value);
        return text.startsWith("-") && text.chars().noneMatch(c -> c >= '1' && c <= '9') ? text.substring(1) : text;
    }
}
