package io.github.detective4j.beacon;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Connections per hour over the window, and RITA v5's two subscores that read it ({@code getHistogramScore} and
 * {@code getDurationScore} in {@code analysis/beacons.go}).
 *
 * <p>RITA splits its 24-hour window into 24 even bins; here a window of {@code H} hours has {@code H} even bins of an
 * hour each (exactly an hour when the window is on whole hours), and RITA's hour thresholds, which are for its 24
 * bins, are multiplied by {@code H / 24}. For a 24-hour window that is RITA itself.
 */
final class HourlyHistogram {
    private static final long HOUR = 3600;
    /** The fewest bars RITA fits two modes to: one or two bars always "fit two modes". */
    private static final double MIN_BARS_FOR_BIMODAL = 6;

    private final int[] counts;
    private final int bars;
    private final int longestRun;

    private HourlyHistogram(int[] counts) {
        this.counts = counts;
        this.bars = (int) Arrays.stream(counts).filter(c -> c > 0).count();
        this.longestRun = longestRun(counts);
    }

    /**
     * Counts {@code times} into the hourly bins of {@code [from, to)}.
     *
     * @param times connection times, each in {@code [from, to)}
     */
    static HourlyHistogram of(long[] times, long from, long to) {
        return of(times, from, to, (int) ((to - from + HOUR - 1) / HOUR));
    }

    /** Counts {@code times} into {@code bins} even bins of {@code [from, to]}, as RITA's {@code createHistogram}. */
    static HourlyHistogram of(long[] times, long from, long to, int bins) {
        long length = to - from;
        int[] counts = new int[bins];
        for (long t : times) {
            // the bin whose even edge from + i·length/bins is the last at or before t, in exact integers; RITA puts
            // a time on the window's end into the last bin
            counts[(int) Math.min(bins - 1, (t - from) * bins / length)]++;
        }
        return new HourlyHistogram(counts);
    }

    /** The connections per bin, a copy. */
    int[] counts() {
        return counts.clone();
    }

    int bins() {
        return counts.length;
    }

    /** Hours with at least one connection. */
    int bars() {
        return bars;
    }

    /** The most consecutive hours with connections, wrapping from the window's end to its start as RITA does. */
    int longestRun() {
        return longestRun;
    }

    /** RITA's thresholds are in hours of its 24-hour window; this is the factor that carries them to this one. */
    double scale() {
        return bins() / 24.0;
    }

    /**
     * The histogram subscore: the better of how flat the histogram is (one minus the coefficient of variation of the
     * hourly counts) and how well its bars fall into two heights (the bimodal fit).
     *
     * @param modeSensitivity bar heights within this share of the tallest bar count as one height
     * @param outlierBars bars the bimodal fit may leave out
     * @param bimodalMinHours hours with connections, in a 24-hour window, before the bimodal fit is tried
     */
    double score(double modeSensitivity, int outlierBars, int bimodalMinHours) {
        double[] values = Arrays.stream(counts).asDoubleStream().toArray();
        double mean = new Mean().evaluate(values);
        double cv = new StandardDeviation(false).evaluate(values, mean) / mean;
        double flat = cv > 1.0 ? 0 : Math.min(1.0, Scores.round(1.0 - cv));
        return Math.max(flat, bimodalFit(modeSensitivity, outlierBars,
                Math.max(MIN_BARS_FOR_BIMODAL, bimodalMinHours * scale())));
    }

    private double bimodalFit(double modeSensitivity, int outlierBars, double minBars) {
        if (bars < minBars) {
            return 0;
        }
        int tallest = Arrays.stream(counts).max().orElse(0);
        double binSize = Math.ceil(tallest * modeSensitivity);
        // each bar's height, rounded down to a multiple of binSize, so that near-equal bars count as one mode
        int[] heights = Arrays.stream(counts).filter(c -> c > 0)
                .map(c -> (int) (Math.floor(c / binSize) * binSize))
                .sorted().toArray();
        int[] groupSizes = groupSizes(heights);
        Arrays.sort(groupSizes);
        int n = groupSizes.length;
        int topTwo = groupSizes[n - 1] + (n > 1 ? groupSizes[n - 2] : 0);
        double fit = topTwo / Math.max((double) bars - outlierBars, 1);
        return Math.min(1.0, Scores.round(fit));
    }

    /** The lengths of the runs of equal values in {@code sorted}. */
    private static int[] groupSizes(int[] sorted) {
        int[] sizes = new int[sorted.length];
        int groups = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                groups++;
            }
            sizes[groups - 1]++;
        }
        return Arrays.copyOf(sizes, groups);
    }

    /**
     * The duration subscore of this histogram, RITA's hour settings scaled to its bins.
     *
     * @param first the first connection's time
     * @param last the last connection's time
     * @param minHours hours with connections, in a 24-hour window, before the subscore counts
     * @param idealHours the run of consecutive hours, in a 24-hour window, that is fully consistent
     */
    double durationScore(long first, long last, long from, long to, int minHours, int idealHours) {
        return durationScore(first, last, from, to, bars, longestRun, minHours * scale(), idealHours * scale());
    }

    /**
     * The duration subscore: the better of the coverage, how much of the window lies between the first and the last
     * connection, and the consistency, the longest run of hours with connections against an ideal run; 0 unless
     * {@code minBars} hours have connections.
     */
    static double durationScore(long first, long last, long from, long to, int bars, int longestRun, double minBars,
            double idealRun) {
        if (bars < minBars) {
            return 0;
        }
        double coverage = Math.min(1.0, Scores.ceil((double) (last - first) / (to - from)));
        double consistency = Math.min(1.0, Scores.ceil(longestRun / idealRun));
        return Math.max(coverage, consistency);
    }

    private static int longestRun(int[] counts) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < 2 * counts.length; i++) { // twice round, so that a run may wrap
            if (counts[i % counts.length] > 0) {
                current++;
                longest = Math.max(longest, current);
            } else {
                current = 0;
            }
        }
        return Math.min(longest, counts.length);
    }
}
