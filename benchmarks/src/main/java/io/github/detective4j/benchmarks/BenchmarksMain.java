package io.github.detective4j.benchmarks;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code compare ...} runs the side-by-side comparison ({@link Compare}),
 * {@code alternate ...} measures builds against each other in one JVM ({@link Alternate}), anything else goes to JMH
 * ({@code java -jar benchmarks.jar CloudTrailParseBenchmark -f 2}, {@code -h} for its options).
 */
public final class BenchmarksMain {
    private BenchmarksMain() {}

    /**
     * Runs the comparison, the alternating rounds or JMH.
     *
     * @param args {@code compare} or {@code alternate} and its options, or JMH's arguments
     * @throws Exception whatever the run throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("compare")) {
            Compare.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("alternate")) {
            Alternate.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
