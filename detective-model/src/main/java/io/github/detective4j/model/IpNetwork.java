package io.github.detective4j.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network in CIDR notation, {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a
 * network of one address. Immutable: the address bytes are copied in and out.
 *
 * <p>The host bits are cleared, so {@code 10.1.2.3/8} is the network {@code 10.0.0.0/8} and equal to it. An
 * IPv4-mapped IPv6 network ({@code ::ffff:10.0.0.0/104}) is the IPv4 network it maps ({@code 10.0.0.0/8}), as
 * {@link IpAddresses} treats the addresses. Addresses are parsed by {@link IpAddresses}: strictly, never through
 * DNS. {@link #toString()} is canonical CIDR notation, which {@link #parse} reads back to an equal network.
 *
 * <pre>{@code
 * IpNetwork net = IpNetwork.parse("198.51.100.0/24");
 * net.contains("198.51.100.7");   // true
 * net.contains("2001:db8::1");    // false: the other family
 * }</pre>
 *
 * @param address the network address in network order: 4 bytes for IPv4, 16 for IPv6
 * @param prefix the prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record IpNetwork(byte[] address, int prefix) {
    /**
     * Creates a network; the host bits of the address are cleared.
     *
     * @param address the address bytes: 4 for IPv4, 16 for IPv6
     * @param prefix the prefix length, from 0 to the address's bits
     * @throws IllegalArgumentException if the address is not 4 or 16 bytes or the prefix is out of range
     * @throws NullPointerException if the address is null
     */
    public IpNetwork {
        Objects.requireNonNull(address, "address");
        if (address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        int bits = address.length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix length " + prefix + " is outside 0.." + bits);
        }
        if (bits == 128 && IpAddresses.isV4Mapped(address)) {
            if (prefix < 96) {
                throw new IllegalArgumentException("an IPv4-mapped network needs a prefix of at least 96, not "
                        + prefix);
            }
            address = Arrays.copyOfRange(address, 12, 16);
            prefix -= 96;
        }
        address = masked(address, prefix);
    }

    /**
     * Reads CIDR notation, or a bare address as a network of one.
     *
     * @param text such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or {@code 198.51.100.7}
     * @return the network
     * @throws IllegalArgumentException if the address or the prefix length is invalid; the message says which
     * @throws NullPointerException if the text is null
     */
    public static IpNetwork parse(String text) {
        Objects.requireNonNull(text, "CIDR");
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpAddresses.parse(literal); // IPv4-mapped stays 16 bytes: the prefix counts the 128 written
        if (bytes == null) {
            throw new IllegalArgumentException("CIDR '" + IpAddresses.abbreviate(text) + "': "
                    + IpAddresses.notALiteral(literal));
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("CIDR '" + IpAddresses.abbreviate(text) + "': prefix length '"
                        + IpAddresses.abbreviate(length) + "' is not a number");
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                throw new IllegalArgumentException("CIDR '" + IpAddresses.abbreviate(text) + "': prefix length "
                        + prefix + " is longer than the " + bits + " bits of the address");
            }
        }
        try {
            return new IpNetwork(bytes, prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CIDR '" + IpAddresses.abbreviate(text) + "': " + e.getMessage(), e);
        }
    }

    /**
     * Returns a copy of the network address.
     *
     * @return 4 or 16 bytes in network order, host bits clear
     */
    @Override
    public byte[] address() {
        return address.clone();
    }

    /** The network address itself, for this package's code, which reads it and never changes it. */
    byte[] bytes() {
        return address;
    }

    /**
     * Tells whether the network is IPv6.
     *
     * @return true for a 16-byte address
     */
    public boolean isIpv6() {
        return address.length == 16;
    }

    /**
     * Tells whether an address lies in this network; addresses of the other family never do.
     *
     * @param ipAddress an IPv4 or IPv6 literal, in any form {@link IpAddresses} reads
     * @return true if the address is in the network
     * @throws IllegalArgumentException if the text is not an IP literal
     * @throws NullPointerException if the text is null
     */
    public boolean contains(String ipAddress) {
        return contains(IpAddresses.toBytes(ipAddress));
    }

    /** Tells whether address bytes, as {@link IpAddresses#toBytes} gives them, lie in this network. */
    boolean contains(byte[] other) {
        return other.length == address.length && holds(other, 0);
    }

    /**
     * Tells whether the address of this network's family that starts at {@code other[from]} lies in it: an IPv4
     * network asked about the IPv4 address a 6to4 or NAT64 address carries, say. Nothing is copied.
     */
    boolean holds(byte[] other, int from) {
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (other[from + i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        return rest == 0 || (other[from + whole] & mask(rest)) == (address[whole] & 0xff);
    }

    /**
     * Compares the address bytes and the prefix.
     *
     * @param o another object
     * @return true for the same network
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork other && prefix == other.prefix && Arrays.equals(address, other.address);
    }

    /**
     * Hashes the address bytes and the prefix.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + prefix;
    }

    /**
     * Returns CIDR notation with the canonical address, as {@link IpAddresses#format} writes it.
     *
     * @return for example {@code 10.0.0.0/8} or {@code 2001:db8::/32}
     */
    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefix;
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        int whole = prefix / 8;
        int rest = prefix % 8;
        if (whole < out.length) {
            out[whole] = (byte) (out[whole] & mask(rest));
            Arrays.fill(out, whole + 1, out.length, (byte) 0);
        }
        return out;
    }

    /** The mask of the first {@code bits} bits of a byte, 0 to 8. */
    private static int mask(int bits) {
        return (0xff << (8 - bits)) & 0xff;
    }
}
