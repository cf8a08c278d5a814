package io.github.detective4j.aws.cloudtrail;

import io.github.detective4j.model.IpAddresses;
import java.nio.charset.StandardCharsets;

/**
 * Canonical IP text of recent {@code sourceIPAddress} values: busy callers repeat theirs. 4,096 slots, each a raw
 * value and its canonical text side by side (one cache line), the raw value compared by identity: in the {@code
 * compare} corpus's files, 24% of look-ups miss, against 55% with 256 slots (most of the rest are each file's first
 * sight of an address). Kept from one input to the next in a {@link Scratch}: what it maps holds for every input.
 * Not thread-safe: one read at a time.
 */
final class AddressCache {
    private static final String NOT_AN_ADDRESS = new String("not an address");
    private static final int SLOTS = 4096;
    /** {@code [2 * slot]} a raw value, {@code [2 * slot + 1]} its canonical text or {@link #NOT_AN_ADDRESS}. */
    private final String[] pairs = new String[2 * SLOTS];

    String canonical(String value) {
        int at = 2 * (value.hashCode() & (SLOTS - 1));
        if (value == pairs[at]) { // the reader shares one string per value: an equal other string is rare
            String known = pairs[at + 1];
            return known == NOT_AN_ADDRESS ? null : known;
        }
        String result = IpAddresses.tryNormalize(value).orElse(null);
        if (result != null && result != value) {
            // rewritten (IPv6): through the pool too, so that every file's events share the one string
            byte[] text = result.getBytes(StandardCharsets.ISO_8859_1);
            result = StringPool.SHARED.entry(text, 0, text.length).value();
        }
        pairs[at] = value;
        pairs[at + 1] = result == null ? NOT_AN_ADDRESS : result;
        return result;
    }
}
