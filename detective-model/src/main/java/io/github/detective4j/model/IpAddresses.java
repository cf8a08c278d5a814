package io.github.detective4j.model;

import java.util.Optional;

/**
 * Strict parsing and canonical text of IP address literals, as used for {@code IpAddress} entity ids and for the
 * addresses of {@link ApiCall} and {@link NetworkFlow}.
 *
 * <p>The canonical form is what makes one address one entity whatever way a log wrote it:
 * <ul>
 *   <li>IPv4 is dotted decimal. Octets with leading zeros ({@code 010.0.0.1}) are refused rather than guessed, since
 *       some resolvers read them as octal; so are the short BSD forms ({@code 10.1}).
 *   <li>IPv6 is RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups
 *       (the first on a tie) written {@code ::}. Zone ids ({@code fe80::1%eth0}) and brackets are refused.
 *   <li>An IPv4-mapped IPv6 address ({@code ::ffff:104.16.1.42}) is the IPv4 address it maps, as the JDK treats it.
 * </ul>
 * Nothing here ever consults DNS. All methods are static and thread-safe.
 *
 * <pre>{@code
 * IpAddresses.normalize("2001:DB8:0:0:0:0:0:1");   // "2001:db8::1"
 * IpAddresses.tryNormalize("ec2.amazonaws.com");   // Optional.empty()
 * }</pre>
 */
public final class IpAddresses {
    private IpAddresses() {}

    /**
     * Returns the canonical text of an IP address literal.
     *
     * @param literal an IPv4 or IPv6 literal
     * @return the canonical text, the same instance when {@code literal} already is canonical IPv4
     * @throws IllegalArgumentException if {@code literal} is not a valid IP literal; the message says why
     * @throws NullPointerException if {@code literal} is null
     */
    public static String normalize(String literal) {
        Require.nonNull(literal, "IP address");
        String canonical = canonicalOrNull(literal);
        if (canonical == null) {
            throw new IllegalArgumentException("'" + abbreviate(literal) + "' is not an IPv4 or IPv6 address literal");
        }
        return canonical;
    }

    /**
     * Returns the canonical text of an IP address literal, or empty when {@code text} is not one (an AWS service
     * name such as {@code ec2.amazonaws.com} in CloudTrail's {@code sourceIPAddress}, say).
     *
     * @param text any text, or null
     * @return the canonical IP text, or empty
     */
    public static Optional<String> tryNormalize(String text) {
        return Optional.ofNullable(text == null ? null : canonicalOrNull(text));
    }

    /**
     * Tells whether {@code text} is an IP address literal that {@link #normalize} accepts.
     *
     * @param text any text, or null
     * @return true if it is an IPv4 or IPv6 literal
     */
    public static boolean isLiteral(String text) {
        return text != null && canonicalOrNull(text) != null;
    }

    /**
     * Tells whether a canonical address is IPv6; canonical IPv4 text never holds a colon.
     *
     * @param canonical an address in canonical form
     * @return true for IPv6
     */
    public static boolean isIpv6(String canonical) {
        return canonical.indexOf(':') >= 0;
    }

    /**
     * Returns the bytes of an IP address literal: 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6.
     *
     * @param literal an IPv4 or IPv6 literal
     * @return a new array of the address bytes in network order
     * @throws IllegalArgumentException if {@code literal} is not a valid IP literal
     */
    public static byte[] toBytes(String literal) {
        Require.nonNull(literal, "IP address");
        byte[] bytes = literal.indexOf(':') >= 0 ? parseV6(literal) : parseV4(literal, 0, literal.length());
        if (bytes == null) {
            throw new IllegalArgumentException("'" + abbreviate(literal) + "' is not an IPv4 or IPv6 address literal");
        }
        return bytes.length == 16 && isV4Mapped(bytes) ? java.util.Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    static String canonicalOrNull(String text) {
        int length = text.length();
        if (length == 0 || length > 45) { // 45 is the longest IPv6 text with an embedded IPv4 address
            return null;
        }
        if (text.indexOf(':') < 0) {
            byte[] v4 = parseV4(text, 0, length);
            return v4 == null ? null : text; // a valid dotted quad without leading zeros is already canonical
        }
        byte[] v6 = parseV6(text);
        if (v6 == null) {
            return null;
        }
        return isV4Mapped(v6) ? formatV4(v6, 12) : formatV6(v6);
    }

    /** Parses exactly four decimal octets without leading zeros in {@code text[from, to)}. */
    private static byte[] parseV4(String text, int from, int to) {
        byte[] out = new byte[4];
        int octet = 0;
        int i = from;
        while (octet < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return null;
            }
            out[octet++] = (byte) value;
            if (octet < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] parseV6(String text) {
        int length = text.length();
        byte[] out = new byte[16];
        int group = 0; // groups of 16 bits written so far
        int compressAt = -1; // group index where "::" stands
        int i = 0;
        if (text.startsWith("::")) {
            compressAt = 0;
            i = 2;
            if (i == length) {
                return out; // "::"
            }
        } else if (text.charAt(0) == ':') {
            return null;
        }
        while (i < length) {
            if (group == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < length && i - start < 5) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0 || text.charAt(i) > 'f') { // Character.digit accepts full-width digits too
                    break;
                }
                value = (value << 4) | digit;
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                // an embedded IPv4 address ends the text and fills two groups
                if (group > 6) {
                    return null;
                }
                byte[] v4 = parseV4(text, start, length);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, group * 2, 4);
                group += 2;
                i = length;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return null;
            }
            out[group * 2] = (byte) (value >>> 8);
            out[group * 2 + 1] = (byte) value;
            group++;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < length && text.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return null; // "::" twice
                }
                compressAt = group;
                i++;
                if (i == length) {
                    break;
                }
            } else if (i == length) {
                return null; // trailing single ':'
            }
        }
        if (compressAt < 0) {
            return group == 8 ? out : null;
        }
        if (group == 8) {
            return null; // "::" must stand for at least one group
        }
        int tail = group - compressAt;
        System.arraycopy(out, compressAt * 2, out, 16 - tail * 2, tail * 2);
        java.util.Arrays.fill(out, compressAt * 2, 16 - tail * 2, (byte) 0);
        return out;
    }

    private static boolean isV4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static String formatV4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "."
                + (bytes[offset + 2] & 0xff) + "." + (bytes[offset + 3] & 0xff);
    }

    private static String formatV6(byte[] bytes) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[g * 2] & 0xff) << 8) | (bytes[g * 2 + 1] & 0xff);
        }
        // RFC 5952 4.2: compress the longest run of at least two zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int g = 0; g < 8; ) {
            if (groups[g] != 0) {
                g++;
                continue;
            }
            int start = g;
            while (g < 8 && groups[g] == 0) {
                g++;
            }
            if (g - start > bestLength) {
                bestStart = start;
                bestLength = g - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
