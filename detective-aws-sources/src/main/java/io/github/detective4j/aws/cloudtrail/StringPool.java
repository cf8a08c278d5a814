package io.github.detective4j.aws.cloudtrail;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One string per value for the fields the behavior graph finds entities and series by (principal ids, source
 * addresses, user agents, API names) and for the few-valued ones (accounts, regions, types): a bounded, direct-mapped
 * table from ASCII bytes to the string made of them, shared by every reader in the process.
 *
 * <p>Why: the graph looks each of these values up on every event. A string it has seen before, as the same object,
 * compares by reference and carries its hash code already computed, so the lookup touches neither the new string's
 * bytes nor the stored key's: ingesting the {@code compare} corpus took about a fifth less CPU time. The parser pays a
 * lookup per value instead, a tenth to a sixth of its time, which the reader's parse threads absorb
 * ({@code LogReader.Builder.threads}). ARNs, user names and access key ids are not pooled: pooling them too doubled
 * the parser's extra cost and gained the graph nothing measurable.
 *
 * <p>Thread-safety: lock-free. A slot holds an immutable {@link Entry}, published through its final fields; two
 * threads racing on one slot each get a correct string, and one of the two entries stays. A collision evicts the older
 * value, which costs only a new string next time: nothing depends on getting the same object back.
 *
 * <p>Memory: at most {@value #SLOTS} entries of up to {@value #MAX_LENGTH} bytes, each held twice (its bytes and its
 * string's): about 10 MiB at most, held by a static for the life of the process, so it keeps values of logs already
 * read. A miss costs four objects (entry, bytes, string and the string's bytes) where a plain read makes two.
 */
final class StringPool {
    /** Longer values are not pooled: they rarely repeat, and comparing them costs more than it saves. */
    static final int MAX_LENGTH = 256;
    /** Slots of the shared pool. */
    static final int SLOTS = 1 << 14;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The process's pool. */
    static final StringPool SHARED = new StringPool(SLOTS);

    private final Entry[] entries;
    private final int mask;

    /** A pool of {@code slots} slots, a power of two. */
    StringPool(int slots) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.entries = new Entry[slots];
        this.mask = slots - 1;
    }

    /**
     * One value: its bytes (exactly as long as the value; never changed once made), its string, and its length and
     * first 24 bytes again as little-endian words (the bytes past its end zeroed), so that a value of up to 24 bytes is
     * recognised without reaching into its array: one object fewer from memory per look-up.
     */
    record Entry(byte[] bytes, String value, int length, long w0, long w1, long w2) {
        Entry(byte[] bytes, String value) {
            this(bytes, value, bytes.length, FieldNames.word(bytes, 0, 0, bytes.length),
                    FieldNames.word(bytes, 0, 8, bytes.length), FieldNames.word(bytes, 0, 16, bytes.length));
        }

        /** Tells whether {@code b[start, start + count)} is this value. */
        boolean is(byte[] b, int start, int count) {
            if (count != length) {
                return false;
            }
            if (start + WORD_BYTES > b.length) {
                return same(b, start, bytes, count); // too near the array's end to read whole words
            }
            return JsonCursor.sameWords(b, start, Math.min(count, WORD_BYTES), w0, w1, w2)
                    && (count <= WORD_BYTES || same(b, start, bytes, count));
        }
    }

    /** The bytes an {@link Entry} keeps as words. */
    private static final int WORD_BYTES = 24;

    /**
     * The entry of the ASCII (or ISO-8859-1) bytes {@code b[start, start + count)}, found or made; null when the value
     * is longer than {@link #MAX_LENGTH}.
     */
    Entry entry(byte[] b, int start, int count) {
        if (count > MAX_LENGTH) {
            return null;
        }
        int slot = (int) (hash(b, start, count) >>> 32) & mask; // the high half: the multiplies mix into it
        Entry known = entries[slot];
        if (known != null && known.is(b, start, count)) {
            return known;
        }
        byte[] bytes = new byte[count];
        System.arraycopy(b, start, bytes, 0, count);
        Entry made = new Entry(bytes, new String(bytes, StandardCharsets.ISO_8859_1));
        entries[slot] = made;
        return made;
    }

    /**
     * A hash of every word of {@code b[start, start + count)} and its length, mixed into its high half: user agents
     * that differ only in a version number in their middle must not share a slot. No byte loop past eight bytes: the
     * last word overlaps the one before it.
     */
    static long hash(byte[] b, int start, int count) {
        long h = count;
        if (count >= 8) {
            int last = count - 8;
            for (int i = 0; i < last; i += 8) {
                h = (h + (long) WORDS.get(b, start + i)) * 0x9E3779B97F4A7C15L;
            }
            h = (h + (long) WORDS.get(b, start + last)) * 0x9E3779B97F4A7C15L;
        } else {
            long word = 0;
            for (int i = 0; i < count; i++) {
                word |= (b[start + i] & 0xffL) << (8 * i);
            }
            h = (h + word) * 0x9E3779B97F4A7C15L;
        }
        return (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
    }

    /** Tells whether {@code a[start, start + count)} equals {@code b[0, count)}; {@code b} holds at least count bytes. */
    static boolean same(byte[] a, int start, byte[] b, int count) {
        if (count >= 8) {
            // whole words, the last one overlapping the one before it: no byte loop for the tail
            int last = count - 8;
            for (int i = 0; i < last; i += 8) {
                if ((long) WORDS.get(a, start + i) != (long) WORDS.get(b, i)) {
                    return false;
                }
            }
            return (long) WORDS.get(a, start + last) == (long) WORDS.get(b, last);
        }
        for (int i = 0; i < count; i++) {
            if (a[start + i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
