package io.github.detective4j.aws.cloudtrail;

import java.util.Arrays;

/**
 * The endings of records one input showed lately: what follows a record's {@code eventID}, its closing brace
 * included, with the fields read from it. A record whose ending is byte for byte one of them takes those fields
 * instead of reading them again.
 *
 * <p>Why: CloudTrail writes {@code eventID} near the end of a record, and what follows it ({@code readOnly},
 * {@code eventType}, {@code managementEvent}, {@code recipientAccountId}, {@code eventCategory}, {@code tlsDetails})
 * depends on little more than the service, the call and the region: in one account the same few endings repeat
 * through a whole file. Reading one is a score of names and values to scan for; recognising one is a compare of its
 * bytes in whole words.
 *
 * <p>Why it is exact: JSON is read left to right, so bytes equal to an ending read before, at the same depth, hold
 * the same fields and end at the same closing brace. Only endings that hold nothing but strings, booleans and values
 * passed over, read without a problem or a value nested too deep, are kept, with the lines they span (a
 * pretty-printed file's white space); taking one sets the fields reading it set, to the values it read, in its order,
 * and counts its lines.
 *
 * <p>Direct-mapped by the record's {@code eventSource}, {@code eventName} and {@code awsRegion}, read before its
 * {@code eventID}: the slot only says where to look, the bytes decide. Memory: up to {@value #SLOTS} endings of at
 * most {@value #MAX_BYTES} bytes each, copied, for an input being read. Per input, one thread, like the
 * {@link RecordReader} that owns it.
 */
final class RecordEndings {
    /** Longer endings are read every time: a record with its {@code resources} after its {@code eventID}, say. */
    static final int MAX_BYTES = 1024;
    static final int SLOTS = 1 << 9;
    /** Codes for the booleans an ending may set, next to the string slots of {@link TextFields#EVENT}. */
    static final int READ_ONLY = -1;
    static final int MANAGEMENT_EVENT = -2;
    /** More fields than this in an ending, and it is not kept. */
    private static final int MAX_FIELDS = 16;

    /**
     * One ending: its bytes, its depth, the learned-names slot of its last name, the newlines among its bytes, and the
     * fields it set, in order.
     */
    private record Entry(byte[] bytes, int depth, int nameSlot, int newlines, int[] fields, Object[] values) {
    }

    private Entry[] entries;

    // the ending being read, from just after an eventID: where it starts and what it has set so far
    private boolean reading;
    private boolean spoiled;
    private int slot;
    private int depth;
    private long start;
    private long line;
    private int count;
    private final int[] fields = new int[MAX_FIELDS];
    private final Object[] values = new Object[MAX_FIELDS];

    /**
     * Just after a record's {@code eventID}: passes over the rest of the record and its closing brace when they are an
     * ending kept from before, setting the fields it held; otherwise consumes nothing and starts noting what the rest
     * of the record sets, for {@link #end}.
     *
     * @param clean whether the record has no problem so far and nothing passed over nested too deep
     * @return true when the record has been read to its end, its fields set
     */
    boolean pass(JsonCursor cursor, EventFields f, int depth, boolean clean) {
        int at = slot(f);
        Entry known = entries == null ? null : entries[at];
        if (known != null && known.depth == depth && cursor.passIfNext(known.bytes, known.nameSlot, known.newlines)) {
            reading = false;
            for (int i = 0; i < known.fields.length; i++) {
                set(f, known.fields[i], known.values[i]);
            }
            return true;
        }
        reading = clean;
        spoiled = false;
        slot = at;
        this.depth = depth;
        start = cursor.offset();
        line = cursor.line();
        count = 0;
        return false;
    }

    /** Notes a field the ending being read set: a {@link TextFields#EVENT} slot, or {@link #READ_ONLY} and the like. */
    void noteField(int field, Object value) {
        if (!reading) {
            return;
        }
        if (count == MAX_FIELDS) {
            spoiled = true;
            return;
        }
        fields[count] = field;
        values[count] = value;
        count++;
    }

    /** Notes that the ending being read held something other than strings, booleans and values passed over. */
    void spoil() {
        spoiled = true;
    }

    /**
     * At the end of a record, its closing brace just read: keeps the ending read since {@link #pass} when it qualifies.
     *
     * @param depth the depth of the object that just ended
     * @param clean whether the record still has no problem and nothing passed over nested too deep
     */
    void end(JsonCursor cursor, int depth, boolean clean) {
        if (!reading || depth != this.depth) {
            return; // none begun, or an object nested in the record ended: not the record's ending
        }
        reading = false;
        // with the closing brace: a number or a literal at the end is not one that goes on in the next record
        long end = cursor.offset();
        if (spoiled || !clean || end - start > MAX_BYTES) {
            return;
        }
        byte[] bytes = cursor.copy(start, end);
        if (bytes == null) {
            return;
        }
        if (entries == null) {
            entries = new Entry[SLOTS];
        }
        entries[slot] = new Entry(bytes, depth, cursor.nameSlot(), (int) (cursor.line() - line),
                Arrays.copyOf(fields, count), Arrays.copyOf(values, count));
    }

    /** Forgets an ending being read: a record or an object in one begins, and what came before is not its ending. */
    void abandon() {
        reading = false;
    }

    private static int slot(EventFields f) {
        int h = hash(f.eventSource) * 31 + hash(f.eventName);
        h = h * 31 + hash(f.region);
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    private static int hash(String value) {
        return value == null ? 0 : value.hashCode();
    }

    private static void set(EventFields f, int field, Object value) {
        switch (field) {
            case READ_ONLY -> f.readOnly = (Boolean) value;
            case MANAGEMENT_EVENT -> f.managementEvent = (Boolean) value;
            default -> f.text(field, (String) value);
        }
    }
}
