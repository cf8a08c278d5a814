package io.github.detective4j.graph;

import io.github.detective4j.model.IpAddresses;

/**
 * An IPv4 or IPv6 network in CIDR notation, {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a
 * network of one. Immutable.
 */
final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Reads CIDR notation.
     *
     * @throws IllegalArgumentException if the address or the prefix length is invalid; the message says which
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes;
        try {
            bytes = IpAddresses.toBytes(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CIDR '" + text + "': " + e.getMessage(), e);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("CIDR '" + text + "': prefix length '" + length
                        + "' is not a number");
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                throw new IllegalArgumentException("CIDR '" + text + "': prefix length " + prefix
                        + " is longer than the " + bits + " bits of the address");
            }
        }
        return new Cidr(bytes, prefix);
    }

    /** Tells whether a canonical address lies in this network; addresses of the other family never do. */
    boolean contains(String canonicalAddress) {
        byte[] bytes = IpAddresses.toBytes(canonicalAddress);
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
