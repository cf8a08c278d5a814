package io.github.detective4j.beacon;

/**
 * Arithmetic on scores. RITA rounds every score to three decimals, some half up and some up; doing the same keeps
 * our numbers equal to its published ones (0.995, 0.746, ...), not just close to them.
 */
final class Scores {
    private Scores() {
    }

    /** Go's {@code math.Round(x*1000) / 1000}: half away from zero, which for RITA's non-negative scores is half up. */
    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** Go's {@code math.Ceil(x*1000) / 1000}, which RITA uses for the duration subscores. */
    static double ceil(double x) {
        return Math.ceil(x * 1000) / 1000;
    }

    /** Throws unless {@code value} lies in {@code [0, 1]}, naming it. */
    static void requireUnit(double value, String name) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
