package io.github.detective4j.examples.incident;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every random choice of one generation, from one seeded {@link Random}: the same seed and the same order of calls
 * give the same data, on every JVM (what is computed from the draws uses {@link StrictMath}). Not thread-safe; a
 * generation runs on one thread.
 */
final class Dice {
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    /** A die for ids that must not move with the seed: the same text always gives the same draws. */
    static Dice forName(String name) {
        return new Dice(0x6465746563746976L ^ name.hashCode() * 0x9E3779B97F4A7C15L);
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    long between(long from, long to) {
        return from + (long) (random.nextDouble() * (to - from + 1));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** Poisson-distributed count with the given mean (Knuth's method: the means here are small). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = StrictMath.exp(-mean); // StrictMath: the same bits on every platform
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A version 4 UUID drawn from the seed, as CloudTrail writes {@code eventID} and {@code requestID}. */
    String uuid() {
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Lower-case hex digits, as in instance, interface, subnet and VPC ids. */
    String hex(int length) {
        return draw(HEX, length);
    }

    /** A long-format EC2 or VPC id: the prefix, a dash, and 17 hex digits of which the first is 0, as AWS writes them. */
    String resourceId(String prefix) {
        return prefix + "-0" + hex(16);
    }

    /** Upper-case letters and the digits 2 to 7, the alphabet of IAM unique ids and access key ids. */
    String upperAlnum(int length) {
        return draw(UPPER_ALNUM, length);
    }

    /** Mixed-case letters and digits, as in the random tail of a CloudTrail log file name. */
    String alnum(int length) {
        return draw(ALNUM, length);
    }

    /**
     * Splits a total into parts that add up to it exactly, each at least {@code minimum}.
     *
     * @throws IllegalArgumentException if the parts cannot each get the minimum
     */
    long[] split(long total, int parts, long minimum) {
        if (total < minimum * parts) {
            throw new IllegalArgumentException(total + " cannot be split into " + parts + " parts of " + minimum);
        }
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        long spare = total - minimum * parts;
        long[] out = new long[parts];
        long given = 0;
        for (int i = 0; i < parts - 1; i++) {
            out[i] = minimum + (long) Math.floor(spare * weights[i] / sum);
            given += out[i];
        }
        out[parts - 1] = total - given; // the rounding remainder, so that the sum is exact
        return out;
    }

    private String draw(String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
