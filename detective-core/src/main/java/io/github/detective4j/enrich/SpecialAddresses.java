package io.github.detective4j.enrich;

import io.github.detective4j.model.IpAddresses;
import java.util.Arrays;

/**
 * The addresses that never have a place or an AS number of their own: private, shared, loopback, link-local
 * (with the AWS-internal instance metadata, DNS and time addresses), documentation, benchmarking, multicast,
 * reserved and the like (IANA's special-purpose registries, RFC 6890 and its updates), and IPv6 addresses that carry
 * such an IPv4 address (6to4, Teredo, NAT64). The package documentation lists them for users.
 */
final class SpecialAddresses {
    private SpecialAddresses() {}

    /** A network of special addresses and what it is for. */
    record Range(Network network, String purpose) {}

    private static final PrefixTrie<Range> RANGES = ranges(
            "0.0.0.0/8", "this network",
            "0.0.0.0/32", "unspecified",
            "10.0.0.0/8", "private-use",
            "100.64.0.0/10", "shared address space (carrier-grade NAT)",
            "127.0.0.0/8", "loopback",
            "169.254.0.0/16", "link-local",
            "169.254.169.123/32", "AWS-internal (Amazon Time Sync)",
            "169.254.169.253/32", "AWS-internal (Amazon DNS)",
            "169.254.169.254/32", "AWS-internal (EC2 instance metadata)",
            "172.16.0.0/12", "private-use",
            "192.0.0.0/24", "IETF protocol assignments",
            "192.0.2.0/24", "documentation (TEST-NET-1)",
            "192.168.0.0/16", "private-use",
            "198.18.0.0/15", "benchmarking",
            "198.51.100.0/24", "documentation (TEST-NET-2)",
            "203.0.113.0/24", "documentation (TEST-NET-3)",
            "224.0.0.0/4", "multicast",
            "240.0.0.0/4", "reserved",
            "255.255.255.255/32", "limited broadcast",
            "::/96", "IPv4-compatible (deprecated)",
            "::/128", "unspecified",
            "::1/128", "loopback",
            "64:ff9b:1::/48", "local-use IPv4/IPv6 translation",
            "100::/64", "discard-only",
            "2001:2::/48", "benchmarking",
            "2001:db8::/32", "documentation",
            "3fff::/20", "documentation",
            "fc00::/7", "unique local",
            "fd00:ec2::123/128", "AWS-internal (Amazon Time Sync)",
            "fd00:ec2::253/128", "AWS-internal (Amazon DNS)",
            "fd00:ec2::254/128", "AWS-internal (EC2 instance metadata)",
            "fe80::/10", "link-local",
            "fec0::/10", "site-local (deprecated)",
            "ff00::/8", "multicast");

    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private static PrefixTrie<Range> ranges(String... networksAndPurposes) {
        PrefixTrie<Range> trie = new PrefixTrie<>();
        for (int i = 0; i < networksAndPurposes.length; i += 2) {
            Network network = Network.parse(networksAndPurposes[i]);
            trie.putIfAbsent(network, new Range(network, networksAndPurposes[i + 1]));
        }
        return trie;
    }

    /**
     * Returns the special range that holds an address, or null for an address that may have a place. For an IPv6
     * address that carries a special IPv4 address, the range is the IPv6 network of all addresses carrying that IPv4
     * range (a single address for a Teredo client, whose address sits in the last bits).
     *
     * @param address 4 or 16 address bytes; IPv4-mapped IPv6 must already be IPv4, as IpAddresses.toBytes gives it
     */
    static Range rangeOf(byte[] address) {
        Range range = RANGES.longestMatch(address);
        if (range != null || address.length == 4) {
            return range;
        }
        if (address[0] == 0x20 && address[1] == 0x02) { // 6to4, 2002::/16: the IPv4 address follows the prefix
            return carrier(address, 2, "6to4");
        }
        if (address[0] == 0x20 && address[1] == 0x01 && address[2] == 0 && address[3] == 0) { // Teredo, 2001::/32
            Range server = carrier(address, 4, "Teredo server");
            if (server != null) {
                return server;
            }
            byte[] client = new byte[4]; // the client's public address, inverted, in the last 32 bits (RFC 4380)
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~address[12 + i];
            }
            Range carried = RANGES.longestMatch(client);
            return carried == null ? null : new Range(Network.of(address, 128),
                    "Teredo client in " + carried.purpose() + " " + carried.network());
        }
        if (Arrays.equals(address, 0, 12, NAT64_PREFIX, 0, 12)) { // NAT64, 64:ff9b::/96
            return carrier(address, 12, "NAT64");
        }
        return null;
    }

    /** The range of IPv6 addresses carrying, from byte {@code offset} on, a special IPv4 range; or null. */
    private static Range carrier(byte[] address, int offset, String mechanism) {
        Range carried = RANGES.longestMatch(Arrays.copyOfRange(address, offset, offset + 4));
        return carried == null ? null : new Range(Network.of(address, offset * 8 + carried.network().prefixLength()),
                mechanism + " for " + carried.purpose() + " " + carried.network());
    }

    /** Returns the bytes of an IP literal that may have a place, or null when it is not a literal or is special. */
    static byte[] publicBytes(String text) {
        if (!IpAddresses.isLiteral(text)) {
            return null;
        }
        byte[] address = IpAddresses.toBytes(text);
        return rangeOf(address) == null ? address : null;
    }

    /** Returns the canonical text of an IP literal that may have a place, or null as {@link #publicBytes} does. */
    static String publicCanonical(String text) {
        String canonical = IpAddresses.tryNormalize(text).orElse(null);
        return canonical == null || rangeOf(IpAddresses.toBytes(canonical)) != null ? null : canonical;
    }
}
