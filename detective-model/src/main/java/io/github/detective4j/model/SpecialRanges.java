package io.github.detective4j.model;

import io.github.detective4j.model.IpAddresses.SpecialRange;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The table behind {@link IpAddresses#specialRange(String)}, which documents the ranges for users: a linear scan of
 * some twenty networks a family, narrowest first, so the first that holds an address is the answer. A lookup
 * allocates nothing unless it answers an IPv6 address that carries a special IPv4 one.
 */
final class SpecialRanges {
    private SpecialRanges() {}

    private static final SpecialRange[] IPV4 = narrowestFirst(
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
            "255.255.255.255/32", "limited broadcast");

    private static final SpecialRange[] IPV6 = narrowestFirst(
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

    private static SpecialRange[] narrowestFirst(String... networksAndPurposes) {
        SpecialRange[] ranges = new SpecialRange[networksAndPurposes.length / 2];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = new SpecialRange(IpNetwork.parse(networksAndPurposes[2 * i]), networksAndPurposes[2 * i + 1]);
        }
        Arrays.sort(ranges, Comparator.comparingInt((SpecialRange r) -> r.network().prefix()).reversed());
        return ranges;
    }

    /**
     * Returns the narrowest special range that holds the network of {@code prefix} bits at {@code address}, or
     * null when none does.
     *
     * @param address 4 or 16 bytes; IPv4-mapped IPv6 must already be IPv4, as {@link IpAddresses#toBytes} gives it
     * @param prefix how many leading bits of {@code address} the network fixes: 32 or 128 for one address
     */
    static SpecialRange holding(byte[] address, int prefix) {
        if (address.length == 4) {
            return narrowest(IPV4, address, 0, prefix);
        }
        SpecialRange range = narrowest(IPV6, address, 0, prefix);
        if (range != null) {
            return range;
        }
        if (address[0] == 0x20 && address[1] == 0x02) { // 6to4, 2002::/16: the IPv4 address follows the prefix
            return carrier(address, prefix, 2, "6to4");
        }
        if (address[0] == 0x20 && address[1] == 0x01 && address[2] == 0 && address[3] == 0) { // Teredo, 2001::/32
            SpecialRange server = carrier(address, prefix, 4, "Teredo server");
            if (server != null || prefix < 128) {
                return server;
            }
            byte[] client = new byte[4]; // the client's public address, inverted, in the last 32 bits (RFC 4380)
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~address[12 + i];
            }
            SpecialRange carried = narrowest(IPV4, client, 0, 32);
            return carried == null ? null : new SpecialRange(new IpNetwork(address, 128),
                    "Teredo client in " + carried.purpose() + " " + carried.network());
        }
        if (Arrays.equals(address, 0, 12, NAT64_PREFIX, 0, 12)) { // NAT64, 64:ff9b::/96
            return carrier(address, prefix, 12, "NAT64");
        }
        return null;
    }

    /** The first range of {@code ranges} no longer than {@code prefix} that holds the address at {@code from}. */
    private static SpecialRange narrowest(SpecialRange[] ranges, byte[] address, int from, int prefix) {
        for (SpecialRange range : ranges) {
            IpNetwork network = range.network();
            if (network.prefix() <= prefix && network.holds(address, from)) {
                return range;
            }
        }
        return null;
    }

    /** The range of IPv6 addresses carrying, from byte {@code offset} on, a special IPv4 range; or null. */
    private static SpecialRange carrier(byte[] address, int prefix, int offset, String mechanism) {
        SpecialRange carried = narrowest(IPV4, address, offset, prefix - offset * 8);
        return carried == null ? null : new SpecialRange(new IpNetwork(address, offset * 8
                + carried.network().prefix()), mechanism + " for " + carried.purpose() + " " + carried.network());
    }
}
