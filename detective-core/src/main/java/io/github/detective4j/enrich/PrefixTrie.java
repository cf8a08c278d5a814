package io.github.detective4j.enrich;

import io.github.detective4j.model.IpNetwork;

/**
 * A map from networks to values that answers the value of the longest network holding an address: a binary trie
 * per address family, one level per bit. Not thread-safe while it is being filled; safe to read from any number of
 * threads once it is no longer changed and safely published (held in a final field, say).
 */
final class PrefixTrie<V> {
    private final Node<V> ipv4 = new Node<>();
    private final Node<V> ipv6 = new Node<>();

    /**
     * Maps {@code network} to {@code value} unless it already has a value.
     *
     * @return the value it already had, or null when {@code value} was added
     */
    V putIfAbsent(IpNetwork network, V value) {
        byte[] address = network.address();
        Node<V> node = address.length == 4 ? ipv4 : ipv6;
        for (int bit = 0; bit < network.prefix(); bit++) {
            int side = bit(address, bit) ? 1 : 0;
            if (node.children[side] == null) {
                node.children[side] = new Node<>();
            }
            node = node.children[side];
        }
        if (node.value != null) {
            return node.value;
        }
        node.value = value;
        return null;
    }

    /** Returns the value of the longest network that holds the address (4 or 16 bytes), or null when none does. */
    V longestMatch(byte[] address) {
        Node<V> node = address.length == 4 ? ipv4 : ipv6;
        V best = node.value;
        for (int bit = 0; bit < address.length * 8; bit++) {
            node = node.children[bit(address, bit) ? 1 : 0];
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = node.value;
            }
        }
        return best;
    }

    /** Returns bit {@code index} of address bytes, counted from the most significant. */
    private static boolean bit(byte[] address, int index) {
        return (address[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    private static final class Node<V> {
        @SuppressWarnings({"unchecked", "rawtypes"}) // generic arrays cannot be created otherwise
        final Node<V>[] children = new Node[2];
        V value;
    }
}
