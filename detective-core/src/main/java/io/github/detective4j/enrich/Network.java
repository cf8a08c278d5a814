package io.github.detective4j.enrich;

import io.github.detective4j.model.IpAddresses;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network: the address bytes (4 or 16, host bits zero) and a prefix length. Immutable; the bytes
 * are never handed out to code that could change them.
 */
final class Network {
    private final byte[] address;
    private final int prefixLength;

    private Network(byte[] address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
    }

    /**
     * Reads strict CIDR notation, {@code 10.0.0.0/8} or {@code 2001:db8::/32}: the address as {@link IpAddresses}
     * reads it, a decimal prefix length, and no host bits set, since {@code 10.1.2.3/8} is more likely a typo than
     * a network.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static Network parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("network '" + text + "' has no prefix length (write it as "
                    + text + (text.indexOf(':') < 0 ? "/32" : "/128") + " for one address)");
        }
        String addressText = text.substring(0, slash);
        byte[] bytes;
        try {
            bytes = IpAddresses.toBytes(addressText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network '" + text + "': " + e.getMessage(), e);
        }
        if (bytes.length == 4 && addressText.indexOf(':') >= 0) {
            throw new IllegalArgumentException("network '" + text + "' is IPv4-mapped; write it as an IPv4 network");
        }
        String lengthText = text.substring(slash + 1);
        if (lengthText.isEmpty() || lengthText.length() > 3
                || !lengthText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("network '" + text + "': prefix length '" + lengthText
                    + "' is not a number");
        }
        int prefixLength = Integer.parseInt(lengthText);
        if (prefixLength > bytes.length * 8) {
            throw new IllegalArgumentException("network '" + text + "': prefix length " + prefixLength
                    + " is longer than the " + bytes.length * 8 + " bits of the address");
        }
        Network network = of(bytes, prefixLength);
        if (!Arrays.equals(network.address, bytes)) {
            throw new IllegalArgumentException("network '" + text + "' has host bits set; the network is "
                    + network);
        }
        return network;
    }

    /** Returns the network of the given length that holds {@code address}: host bits are cleared. */
    static Network of(byte[] address, int prefixLength) {
        byte[] bytes = address.clone();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit >>> 3] &= (byte) ~(0x80 >>> (bit & 7));
        }
        return new Network(bytes, prefixLength);
    }

    int prefixLength() {
        return prefixLength;
    }

    /** The number of address bits: 32 or 128. */
    int bits() {
        return address.length * 8;
    }

    /** Returns bit {@code index} of the network address, counted from the most significant. */
    boolean bit(int index) {
        return bit(address, index);
    }

    /** Returns bit {@code index} of address bytes, counted from the most significant. */
    static boolean bit(byte[] address, int index) {
        return (address[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** Returns a copy of the network address. */
    byte[] address() {
        return address.clone();
    }

    /** CIDR notation with the canonical address text, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return text(address) + "/" + prefixLength;
    }

    /** The canonical text of address bytes; IpAddresses formats IPv6 once the groups are written out. */
    static String text(byte[] address) {
        StringBuilder out = new StringBuilder(39);
        if (address.length == 4) {
            for (int i = 0; i < 4; i++) {
                out.append(i == 0 ? "" : ".").append(address[i] & 0xff);
            }
            return out.toString();
        }
        for (int i = 0; i < 16; i += 2) {
            out.append(i == 0 ? "" : ":").append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)));
        }
        return IpAddresses.normalize(out.toString());
    }
}
