package io.github.detective4j.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of IP address literals for the property tests: random addresses written in the many spellings logs
 * use, each with the canonical text it must normalize to, worked out independently of {@link IpAddresses}.
 */
final class IpFormats {
    private IpFormats() {}

    /** An address literal as some log might write it, with its bytes and the canonical text it stands for. */
    record Spelling(String text, byte[] bytes, String canonical) {
        @Override
        public String toString() {
            return "'" + text + "' (canonical " + canonical + ")";
        }
    }

    /** IPv4 addresses from 4 random bytes, in dotted decimal or as IPv4-mapped IPv6 in several spellings. */
    static Arbitrary<Spelling> ipv4() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.integers()
                .between(0, 5), Arbitraries.longs()).as(IpFormats::ipv4Spelling);
    }

    /** IPv6 addresses from 16 bytes (with zero groups made likely), written in non-canonical ways. */
    static Arbitrary<Spelling> ipv6() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(0xffff)),
                Tuple.of(1, Arbitraries.integers().between(1, 0xf)),
                Tuple.of(4, Arbitraries.integers().between(0, 0xffff)));
        Arbitrary<byte[]> bytes = Arbitraries.oneOf(
                group.array(Integer[].class).ofSize(8).map(IpFormats::groupsToBytes),
                Arbitraries.bytes().array(byte[].class).ofSize(16));
        return Combinators.combine(bytes, Arbitraries.integers().between(0, 3), Arbitraries.longs())
                .as(IpFormats::ipv6Spelling);
    }

    /** Any address, v4 or v6. */
    static Arbitrary<Spelling> any() {
        return Arbitraries.oneOf(ipv4(), ipv6());
    }

    /** Text that is mostly not an address but often nearly one: the characters of literals, and anything. */
    static Arbitrary<String> nearLiterals() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.").ofMaxLength(46),
                Arbitraries.strings().withChars("0123456789.").ofMaxLength(20),
                Arbitraries.strings().withChars("01f:.%[]g \uff11").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(50));
    }

    private static byte[] groupsToBytes(Integer[] groups) {
        byte[] bytes = new byte[16];
        for (int g = 0; g < 8; g++) {
            bytes[g * 2] = (byte) (groups[g] >>> 8);
            bytes[g * 2 + 1] = (byte) (int) groups[g];
        }
        return bytes;
    }

    private static Spelling ipv4Spelling(byte[] v4, int style, long seed) {
        Random random = new Random(seed);
        String dotted = dotted(v4, 0);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        String text = switch (style) {
            case 0, 1 -> dotted;
            case 2 -> "::ffff:" + dotted;
            case 3 -> "0:0:0:0:0:FFFF:" + dotted;
            case 4 -> writeV6(groups(mapped), random); // ::ffff:6810:12a and friends
            default -> writeV6BeforeV4(groups(mapped), random) + dotted;
        };
        return new Spelling(text, v4.clone(), dotted);
    }

    private static Spelling ipv6Spelling(byte[] bytes, int style, long seed) {
        Random random = new Random(seed);
        int[] groups = groups(bytes);
        String canonical = isV4Mapped(bytes) ? dotted(bytes, 12) : rfc5952(groups);
        String text = switch (style) {
            case 0, 1 -> writeV6(groups, random);
            case 2 -> writeV6BeforeV4(groups, random) + dotted(bytes, 12);
            default -> canonical.toUpperCase(Locale.ROOT);
        };
        return new Spelling(text, bytes.clone(), canonical);
    }

    /**
     * Writes all eight groups with random case and leading zeros, replacing a random run of zero groups (possibly a
     * single one, possibly not the longest) by {@code ::} three times in four.
     */
    private static String writeV6(int[] groups, Random random) {
        return write(groups, 8, random);
    }

    /**
     * Writes the first six groups as {@link #writeV6} does, followed by what must stand before an embedded IPv4
     * address: a {@code :}, unless the text already ends in {@code ::}.
     */
    private static String writeV6BeforeV4(int[] groups, Random random) {
        String head = write(groups, 6, random);
        return head.endsWith("::") ? head : head + ":";
    }

    /** Writes the first {@code count} groups, maybe compressing a run of zero groups; see {@link #writeV6}. */
    private static String write(int[] groups, int count, Random random) {
        String[] parts = new String[count];
        for (int g = 0; g < count; g++) {
            String hex = Integer.toHexString(groups[g]);
            hex = "0".repeat(random.nextInt(5 - hex.length())) + hex;
            StringBuilder cased = new StringBuilder();
            for (char c : hex.toCharArray()) {
                cased.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            parts[g] = cased.toString();
        }
        int[] zeroGroups = IntStream.range(0, count).filter(g -> groups[g] == 0).toArray();
        if (zeroGroups.length == 0 || random.nextInt(4) == 0) {
            return String.join(":", parts);
        }
        int runStart = zeroGroups[random.nextInt(zeroGroups.length)];
        int runEnd = runStart + 1;
        while (runStart > 0 && groups[runStart - 1] == 0 && random.nextInt(4) > 0) {
            runStart--;
        }
        while (runEnd < count && groups[runEnd] == 0 && random.nextInt(4) > 0) {
            runEnd++;
        }
        return String.join(":", Arrays.copyOfRange(parts, 0, runStart)) + "::"
                + String.join(":", Arrays.copyOfRange(parts, runEnd, count));
    }

    /** RFC 5952 text of eight groups, by trying the longest zero runs first. */
    static String rfc5952(int[] groups) {
        String[] hex = new String[8];
        for (int g = 0; g < 8; g++) {
            hex[g] = Integer.toHexString(groups[g]);
        }
        for (int length = 8; length >= 2; length--) {
            for (int start = 0; start + length <= 8; start++) {
                boolean zeros = true;
                for (int g = start; g < start + length; g++) {
                    zeros &= groups[g] == 0;
                }
                if (zeros) {
                    return String.join(":", Arrays.copyOfRange(hex, 0, start)) + "::"
                            + String.join(":", Arrays.copyOfRange(hex, start + length, 8));
                }
            }
        }
        return String.join(":", hex);
    }

    static int[] groups(byte[] bytes) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[g * 2] & 0xff) << 8) | (bytes[g * 2 + 1] & 0xff);
        }
        return groups;
    }

    static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    static String dotted(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "." + (bytes[offset + 2] & 0xff) + "."
                + (bytes[offset + 3] & 0xff);
    }
}
