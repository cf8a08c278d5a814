package io.github.detective4j.aws.cloudtrail;

/**
 * The {@code userIdentity} objects one input showed lately, by their bytes: a record whose {@code userIdentity} is
 * byte for byte one of them takes the identity read then, and the {@code Principal} built from it, instead of reading
 * it again.
 *
 * <p>Why: a caller's identity repeats on every call it makes with the same credentials. In the Stratus Red Team
 * detonation logs of {@code ../shared/data}, 86% of the records carry an identity an earlier record of their file
 * carried. Reading one costs a scan of its few hundred bytes with a branch at every string's end, a dozen names and
 * values, their string-pool look-ups and two objects; recognising one costs a hash of its first {@value #WINDOW}
 * bytes and a compare of its bytes in whole words.
 *
 * <p>Why it is exact: JSON is read left to right, so bytes equal to a whole object read before, at the same depth,
 * are that object and end where it ended. Only identities read without a problem or a value nested too deep are
 * kept, so a match is read exactly as the first was: nothing about it needs checking again but the lines it spans,
 * which are kept with it. (CloudTrail writes a record on one line; in a pretty-printed file, such as those Stratus
 * Red Team exports, an identity spans a dozen lines of white space.)
 *
 * <p>Direct-mapped by the hash of the first {@value #WINDOW} bytes, which reach past a role's id into its session
 * name, so that one role's sessions do not share a slot. Shorter identities ({@code AWSService} callers, say) are not
 * kept: their window would take in the bytes after them. Memory: up to {@value #SLOTS} identities of at most
 * {@value #MAX_BYTES} bytes, each held as a copy of its bytes and what was read from them, typically a few hundred KiB
 * for an input being read and nothing once it is done. Per input, one thread, like the {@link RecordReader} that owns
 * it.
 */
final class RecentIdentities {
    /** Bytes hashed to choose a slot, and the least an identity must have to be kept. */
    static final int WINDOW = 128;
    /** Larger identities are read every time: they are rare, and would hold memory for nothing. */
    static final int MAX_BYTES = 2048;
    /** {@link #slot} when the identity cannot be recognised or kept. */
    static final int NONE = -1;
    static final int SLOTS = 1 << 10;

    /**
     * One identity: its bytes, the depth it was read at, the learned-names slot of its last field name, the newlines
     * among its bytes, and what was read.
     */
    private record Entry(byte[] bytes, int depth, int nameSlot, int newlines, EventFields.Identity identity) {
    }

    /** Made with the first identity kept: an input of one record (an SQS message, say) needs none. */
    private Entry[] entries;

    /** The slot for the object at the cursor (at its '{'), or {@link #NONE} when too little of it is buffered. */
    int slot(JsonCursor cursor) {
        long hash = cursor.hashAhead(WINDOW);
        return hash == 0 ? NONE : (int) (hash >>> 32) & (SLOTS - 1);
    }

    /**
     * Passes over the object at the cursor when it is the one kept in {@code slot} at {@code depth}, giving its
     * identity to {@code fields}; otherwise consumes nothing.
     */
    boolean pass(JsonCursor cursor, int slot, int depth, EventFields fields) {
        Entry known = entries == null ? null : entries[slot];
        if (known == null || known.depth != depth || !cursor.passIfNext(known.bytes, known.nameSlot, known.newlines)) {
            return false;
        }
        fields.identity = known.identity;
        return true;
    }

    /**
     * Keeps the identity just read from input offset {@code start} to the cursor, across {@code newlines} lines, in
     * {@code slot}, when its bytes are still buffered and it is neither too short nor too long.
     */
    void remember(int slot, JsonCursor cursor, long start, int depth, int newlines, EventFields.Identity identity) {
        long length = cursor.offset() - start;
        if (length < WINDOW || length > MAX_BYTES) {
            return;
        }
        byte[] bytes = cursor.copy(start, cursor.offset());
        if (bytes != null) {
            if (entries == null) {
                entries = new Entry[SLOTS];
            }
            entries[slot] = new Entry(bytes, depth, cursor.nameSlot(), newlines, identity);
        }
    }
}
