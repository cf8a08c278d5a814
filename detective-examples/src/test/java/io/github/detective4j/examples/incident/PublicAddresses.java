package io.github.detective4j.examples.incident;

import java.util.List;

/** Tells public IPv4 addresses from those of IANA's special-purpose registry (RFC 6890 and its updates). */
final class PublicAddresses {
    private static final List<String> SPECIAL = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private PublicAddresses() {}

    static boolean isPublic(String ipv4) {
        long address = value(ipv4);
        for (String block : SPECIAL) {
            int slash = block.indexOf('/');
            int bits = Integer.parseInt(block.substring(slash + 1));
            long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
            if ((address & mask) == (value(block.substring(0, slash)) & mask)) {
                return false;
            }
        }
        return true;
    }

    private static long value(String ipv4) {
        String[] parts = ipv4.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
        }
        long out = 0;
        for (String part : parts) {
            int octet = Integer.parseInt(part);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
            }
            out = out << 8 | octet;
        }
        return out;
    }
}
