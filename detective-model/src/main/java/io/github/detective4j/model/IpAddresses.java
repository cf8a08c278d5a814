package io.github.detective4j.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Strict parsing and canonical text of IP address literals, as used for {@code IpAddress} entity ids and for the
 * addresses of {@link ApiCall} and {@link NetworkFlow}, and which addresses are special-purpose rather than global
 * ({@link #specialRange(String)}, {@link #isGlobal}). {@link IpNetwork} is CIDR notation as a value.
 *
 * <p>The canonical form is what makes one address one entity whatever way a log wrote it:
 * <ul>
 *   <li>IPv4 is dotted decimal. Octets with leading zeros ({@code 010.0.0.1}) are refused rather than guessed, since
 *       some resolvers read them as octal; so are the short BSD forms ({@code 10.1}).
 *   <li>IPv6 is RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups
 *       (the first on a tie) written {@code ::}. Zone ids ({@code fe80::1%eth0}) and brackets are refused.
 *   <li>An IPv4-mapped IPv6 address ({@code ::ffff:104.16.1.42}) is the IPv4 address it maps, as the JDK treats it.
 * </ul>
 * Nothing here ever consults DNS. All methods are static and thread-safe. Memory: up to 4,096 source addresses of
 * {@link ApiCall}s lately found canonical are kept for the life of the process, so that the same string object is not
 * read twice.
 *
 * <pre>{@code
 * IpAddresses.normalize("2001:DB8:0:0:0:0:0:1");   // "2001:db8::1"
 * IpAddresses.tryNormalize("ec2.amazonaws.com");   // Optional.empty()
 * IpAddresses.isGlobal("10.0.1.5");                 // false: private-use
 * }</pre>
 */
public final class IpAddresses {
    /** Literals lately found canonical, for {@link #normalizeShared}. */
    private static final KnownStrings KNOWN_CANONICAL = new KnownStrings(4096);

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
            throw new IllegalArgumentException(notALiteral(literal));
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
        byte[] bytes = parse(literal);
        if (bytes == null) {
            throw new IllegalArgumentException(notALiteral(literal));
        }
        return unmapped(bytes);
    }

    /**
     * Compares two IP address literals by address, not by text: every IPv4 address before every IPv6 one, then
     * each family as an unsigned number in network order, so {@code 81.2.69.142} comes before {@code 175.16.199.5}
     * (which text order puts the other way). An IPv4-mapped IPv6 address is the IPv4 address it maps, as in
     * {@link #toBytes}. Consistent with equals on canonical text.
     *
     * @param a an IPv4 or IPv6 literal
     * @param b another
     * @return negative, zero or positive as {@code a} is below, the same as or above {@code b}
     * @throws IllegalArgumentException if either is not a valid IP literal
     */
    public static int compare(String a, String b) {
        byte[] x = toBytes(a);
        byte[] y = toBytes(b);
        // Four bytes before sixteen: the family first, then the bytes unsigned.
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    }

    /**
     * Returns the canonical text of address bytes, as {@link #normalize} writes it; the inverse of
     * {@link #toBytes}.
     *
     * <pre>{@code
     * IpAddresses.format(new byte[] {104, 16, 1, 42});           // "104.16.1.42"
     * IpAddresses.format(IpAddresses.toBytes("2001:DB8::0:1"));  // "2001:db8::1"
     * }</pre>
     *
     * @param address 4 bytes for IPv4 or 16 for IPv6, in network order; an IPv4-mapped IPv6 address is written as
     *     the IPv4 address it maps
     * @return the canonical text
     * @throws IllegalArgumentException if the array is not 4 or 16 bytes long
     * @throws NullPointerException if the array is null
     */
    public static String format(byte[] address) {
        Require.nonNull(address, "IP address");
        if (address.length == 4) {
            return formatV4(address, 0);
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        return isV4Mapped(address) ? formatV4(address, 12) : formatV6(address);
    }

    /**
     * Returns the special-purpose range that holds an address, or empty for a global address and for text that is
     * not an IP literal ({@link #isGlobal} tells the two apart). The ranges are those of IANA's IPv4 and IPv6
     * special-purpose address registries (RFC 6890 and its updates) that are not globally reachable, with the
     * AWS-internal addresses. For IPv4:
     * {@code 0.0.0.0/8} (this network, with the unspecified {@code 0.0.0.0}), {@code 10.0.0.0/8},
     * {@code 172.16.0.0/12} and {@code 192.168.0.0/16} (private-use), {@code 100.64.0.0/10} (carrier-grade NAT),
     * {@code 127.0.0.0/8} (loopback), {@code 169.254.0.0/16} (link-local, with the AWS-internal EC2 instance
     * metadata {@code 169.254.169.254}, Amazon DNS {@code 169.254.169.253} and Amazon Time Sync
     * {@code 169.254.169.123}), {@code 192.0.0.0/24} (IETF protocol assignments), {@code 192.0.2.0/24},
     * {@code 198.51.100.0/24} and {@code 203.0.113.0/24} (documentation, TEST-NET-1 to 3), {@code 198.18.0.0/15}
     * (benchmarking), {@code 224.0.0.0/4} (multicast), {@code 240.0.0.0/4} (reserved) and
     * {@code 255.255.255.255} (broadcast). For IPv6:
     * {@code ::/96} (IPv4-compatible, deprecated, with the unspecified {@code ::} and loopback {@code ::1}),
     * {@code 64:ff9b:1::/48} (local-use translation), {@code 100::/64} (discard-only), {@code 2001:2::/48}
     * (benchmarking), {@code 2001:db8::/32} and {@code 3fff::/20} (documentation), {@code fc00::/7} (unique local,
     * with the AWS-internal {@code fd00:ec2::254}, {@code fd00:ec2::253} and {@code fd00:ec2::123}),
     * {@code fe80::/10} (link-local), {@code fec0::/10} (site-local, deprecated) and {@code ff00::/8} (multicast);
     * and the IPv6 addresses that carry one of the IPv4 ranges: 6to4 ({@code 2002::/16}), Teredo
     * ({@code 2001::/32}, server or client) and NAT64 ({@code 64:ff9b::/96}). An IPv4-mapped address
     * ({@code ::ffff:10.0.0.1}) is the IPv4 address it maps.
     *
     * <p>Where ranges nest, the narrowest answers. For an IPv6 address that carries a special IPv4 address, the
     * range is the IPv6 network of every address carrying that IPv4 range (a single address for a Teredo client,
     * whose IPv4 address sits in the last bits, inverted).
     *
     * <pre>{@code
     * IpAddresses.specialRange("169.254.169.254");   // Optional[169.254.169.254/32 (AWS-internal (EC2 instance metadata))]
     * IpAddresses.specialRange("2002:c0a8:101::1");  // Optional[2002:c0a8::/32 (6to4 for private-use 192.168.0.0/16)]
     * IpAddresses.specialRange("104.16.1.42");       // Optional.empty()
     * }</pre>
     *
     * @param literal an IP literal in any form {@link #normalize} reads; any other text, or null, answers empty
     * @return the range and its purpose, or empty
     */
    public static Optional<SpecialRange> specialRange(String literal) {
        byte[] bytes = literal == null ? null : parse(literal);
        if (bytes == null) {
            return Optional.empty();
        }
        byte[] address = unmapped(bytes);
        return Optional.ofNullable(SpecialRanges.holding(address, address.length * 8));
    }

    /**
     * Returns the special-purpose range that holds every address of a network, as {@link #specialRange(String)}
     * finds it for one address; empty when some address of the network is global (the network {@code 0.0.0.0/0},
     * say, holds special ranges but is not within one).
     *
     * @param network the network
     * @return the narrowest special range that holds it, or empty
     * @throws NullPointerException if the network is null
     */
    public static Optional<SpecialRange> specialRange(IpNetwork network) {
        Require.nonNull(network, "network");
        return Optional.ofNullable(SpecialRanges.holding(network.bytes(), network.prefix()));
    }

    /**
     * Tells whether text is a global IP address: a literal that no special-purpose range holds (see
     * {@link #specialRange(String)}), so that it means the same host wherever it is seen, has a place and an AS
     * number. Never throws.
     *
     * <pre>{@code
     * IpAddresses.isGlobal("104.16.1.42");        // true
     * IpAddresses.isGlobal("10.0.1.5");           // false: private-use
     * IpAddresses.isGlobal("ec2.amazonaws.com");  // false: not an IP literal
     * }</pre>
     *
     * @param text any text, or null
     * @return true for an IP literal outside every special-purpose range; false for a special address, for text
     *     that is not an IP literal and for null
     */
    public static boolean isGlobal(String text) {
        byte[] bytes = text == null ? null : parse(text);
        if (bytes == null) {
            return false;
        }
        byte[] address = unmapped(bytes);
        return SpecialRanges.holding(address, address.length * 8) == null;
    }

    /**
     * A range of special-purpose addresses and what it is for; see {@link IpAddresses#specialRange(String)}.
     *
     * @param network the range
     * @param purpose what its addresses are for, as IANA's registry names it: {@code private-use},
     *     {@code documentation (TEST-NET-2)}, {@code 6to4 for private-use 192.168.0.0/16}
     */
    public record SpecialRange(IpNetwork network, String purpose) {
        /**
         * Creates a range.
         *
         * @param network the range
         * @param purpose what it is for
         * @throws IllegalArgumentException if the purpose is blank
         * @throws NullPointerException if an argument is null
         */
        public SpecialRange {
            Require.nonNull(network, "network");
            Require.nonBlank(purpose, "purpose");
        }

        /**
         * Returns the network and its purpose.
         *
         * @return for example {@code 10.0.0.0/8 (private-use)}
         */
        @Override
        public String toString() {
            return network + " (" + purpose + ")";
        }
    }

    /**
     * {@link #normalize}, for a value that readers share as one string per value (CloudTrail's source addresses, the
     * addresses a flow log reader met lately): the same string object found canonical lately is not read again. A
     * string made fresh pays only for its hash code, which the graph's look-ups of it use anyway.
     */
    static String normalizeShared(String literal) {
        if (KNOWN_CANONICAL.contains(literal)) {
            return literal;
        }
        String canonical = normalize(literal);
        if (canonical == literal) {
            KNOWN_CANONICAL.add(literal);
        }
        return canonical;
    }

    static String canonicalOrNull(String text) {
        int length = text.length();
        if (length <= 15 && text.indexOf(':') < 0) {
            // the common case, checked without an allocation: a valid dotted quad without leading zeros is canonical
            return length > 0 && readV4(text, 0, length, null) ? text : null;
        }
        byte[] bytes = parse(text); // IPv6, or not an address
        if (bytes == null) {
            return null;
        }
        String canonical = format(bytes);
        return canonical.equals(text) ? text : canonical; // canonical already: the caller's string, not a copy of it
    }

    /** The bytes of a literal as written, IPv4-mapped IPv6 still 16 bytes; null when it is not a literal. */
    static byte[] parse(String text) {
        int length = text.length();
        if (length == 0 || length > 45) { // 45 is the longest IPv6 text with an embedded IPv4 address
            return null;
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text, 0, length);
    }

    static String notALiteral(String text) {
        return "'" + abbreviate(text) + "' is not an IPv4 or IPv6 address literal";
    }

    /** The address an IPv4-mapped IPv6 address maps, as the JDK reads it; any other address as it is. */
    private static byte[] unmapped(byte[] bytes) {
        return bytes.length == 16 && isV4Mapped(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    /** Parses exactly four decimal octets without leading zeros in {@code text[from, to)}. */
    private static byte[] parseV4(String text, int from, int to) {
        byte[] out = new byte[4];
        return readV4(text, from, to, out) ? out : null;
    }

    /** Reads four octets of {@code text[from, to)} into {@code out}, or only checks them when it is null. */
    private static boolean readV4(String text, int from, int to, byte[] out) {
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
                return false;
            }
            if (out != null) {
                out[octet] = (byte) value;
            }
            octet++;
            if (octet < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
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
        Arrays.fill(out, compressAt * 2, 16 - tail * 2, (byte) 0);
        return out;
    }

    static boolean isV4Mapped(byte[] v6) {
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
        if (text.length() <= 64) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(60)) ? 60 : 61; // never half of a pair
        return text.substring(0, cut) + "...";
    }
}
