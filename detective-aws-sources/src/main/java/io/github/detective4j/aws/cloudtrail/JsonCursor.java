package io.github.detective4j.aws.cloudtrail;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.detective4j.aws.ParseContext;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A forward-only reader of UTF-8 JSON over a buffered stream, made for CloudTrail's one need: take a dozen fields of
 * each record and pass over the rest as fast as bytes can be scanned.
 *
 * <p>Why not Jackson's {@code JsonParser}: its {@code skipChildren()} still tokenizes every field name of a skipped
 * subtree through its symbol table, which put the whole CloudTrail mapping at the speed of
 * {@code ObjectMapper.readTree}. Here a subtree that is not needed is passed over by counting brackets outside
 * strings, field names are matched as bytes ({@link FieldNames}) without becoming strings, and ASCII values without
 * escapes become strings by one copy. The limits are Jackson's, taken from the reader's
 * {@link StreamReadConstraints}: nesting depth, string, name and number lengths.
 *
 * <p>What it checks: full JSON grammar for the values it reads; for the values it passes over, that strings end,
 * hold no raw control characters, and brackets balance, not that every scalar inside is well-formed. Invalid UTF-8
 * in a string becomes U+FFFD rather than an error: log text is data. Malformed JSON is a
 * {@link MalformedJsonException} naming line and column. A value past a limit that leaves the JSON whole is the
 * record's error, not the stream's: a string or a number too long is read as null ({@link #stringTooLong()},
 * {@link #takePastLimit()}), a field name too long is passed over with its value, and a value passed over too deep
 * is flagged ({@link #takeTooDeep()}). So is a string or name read with an escape JSON has not (a backslash before
 * {@code q}, or before {@code u} and fewer than four hex digits): its end is known, so the JSON around it is whole,
 * and it is read as null (a name passed over with its value) and taken by {@link #takePastLimit()}.
 *
 * <p>In line mode a newline outside strings ends the current line's value: {@link #peek()} reports
 * {@link #END_OF_LINE} instead of passing it, so that a line with a broken value cannot swallow the next one, and
 * {@link #skipLine()} recovers at the next line.
 *
 * <p>Memory: the buffer holds 64 KiB until the input goes on past them, then 256 KiB, and grows only while one string
 * being read (up to the string limit) or one captured value (up to {@link #CAPTURE_LIMIT}) does not fit. Not
 * thread-safe; one per input.
 */
final class JsonCursor {
    /** {@link #peek()} at the end of the input. */
    static final int EOF = -1;
    /** {@link #peek()} at a newline in line mode. */
    static final int END_OF_LINE = -2;
    /** Captured values larger than this are dropped (a subtree kept for later, see {@link #capture(int)}). */
    static final int CAPTURE_LIMIT = 1 << 20;

    // larger than the 64 KiB buffers in front of it, so that a refill reads straight through them instead of copying
    static final int BUFFER_BYTES = 256 * 1024;
    // the first buffer, enough for the head the reader looks at first: most inputs (a CloudTrail file delivered to S3,
    // an SQS message) end inside it, and a quarter of the buffer is a quarter of the zeroing a new input costs
    static final int FIRST_BUFFER_BYTES = 64 * 1024;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** Eight bytes at a time, for the string scans. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Bytes a string scan must stop at: the quote, the backslash, control characters and non-ASCII bytes. */
    private static final boolean[] SPECIAL_IN_STRING = new boolean[256];

    static {
        for (int i = 0; i < 0x20; i++) {
            SPECIAL_IN_STRING[i] = true;
        }
        for (int i = 0x80; i < 0x100; i++) {
            SPECIAL_IN_STRING[i] = true;
        }
        SPECIAL_IN_STRING['"'] = true;
        SPECIAL_IN_STRING['\\'] = true;
    }

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** Bytes dropped from the buffer's front so far: buf[0] is input byte number {@code discarded}. */
    private long discarded;
    private long line = 1;
    /** Input offset of the first byte of the current line. */
    private long lineStart;
    /** Bytes from here on survive a refill, or -1. */
    private int mark = -1;
    /** How far a mark may grow before it is dropped. */
    private int markLimit;
    private boolean markDropped;
    private boolean lineMode;

    private final int maxDepth;
    private final int maxString;
    private final int maxName;
    private final int maxNumber;

    // the field name just read: bytes [nameStart, nameStart + nameLength) of nameBytes, the buffer or a copy
    private byte[] nameBytes;
    private int nameStart;
    private int nameLength;
    private String escapedName;
    /**
     * The names of this input and their usual successors, see {@link FieldNames.Learned}; null for a cursor over
     * bytes in memory, which holds one small value: not worth a table.
     */
    private FieldNames.Learned names;
    /** The {@link #names} slot of the field name just read, or -1 when it has none. */
    private int nameSlot = -1;
    private boolean stringTooLong;
    private boolean tooDeep;
    /**
     * What went past a limit that leaves the JSON whole since {@link #takePastLimit} ("a number longer than 100
     * characters"), or null: the record's error, not the stream's.
     */
    private String pastLimit;
    /** Why {@link #decode} returned null last. */
    private String badEscape;
    /** What failed while {@link #fillAhead} read ahead, thrown by the next read that needs more input. */
    private IOException lookAheadFailure;

    /**
     * A cursor over a stream.
     *
     * @param buffer where to read the stream into, at least {@link #FIRST_BUFFER_BYTES} long; what it holds is ignored
     * @param names the table of learned names to use, as an input starts with it
     */
    JsonCursor(InputStream in, StreamReadConstraints limits, byte[] buffer, FieldNames.Learned names) {
        this.in = in;
        this.buf = buffer;
        this.names = names;
        this.maxDepth = limits.getMaxNestingDepth();
        this.maxString = limits.getMaxStringLength();
        this.maxName = limits.getMaxNameLength();
        this.maxNumber = limits.getMaxNumberLength();
    }

    /** A cursor over bytes already in memory (embedded JSON, captured subtrees). */
    JsonCursor(byte[] bytes, StreamReadConstraints limits) {
        this.in = null;
        this.buf = bytes;
        this.limit = bytes.length;
        this.eof = true;
        this.maxDepth = limits.getMaxNestingDepth();
        this.maxString = limits.getMaxStringLength();
        this.maxName = limits.getMaxNameLength();
        this.maxNumber = limits.getMaxNumberLength();
    }

    int maxDepth() {
        return maxDepth;
    }

    /**
     * Reads up to {@code n} bytes ahead without consuming them, for choosing how to read the input.
     *
     * @param n how many bytes
     * @return how many are now in the buffer from the current position: fewer only at the end of the input, or where
     *     the input failed (the failure is thrown by the first read past those bytes)
     */
    int fillAhead(int n) throws IOException {
        try {
            load(n);
        } catch (IOException failed) {
            // a gzip stream cut inside the look-ahead: the bytes before the cut are records still, so the failure
            // waits for the read that needs the bytes past it
            lookAheadFailure = failed;
        }
        return limit - pos;
    }

    /** The buffer; bytes {@code [position(), position() + fillAhead(n))} are the input's next bytes. */
    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** Skips a UTF-8 byte-order mark at the very start. */
    void skipByteOrderMark() throws IOException {
        if (discarded + pos == 0 && load(3) && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
                && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
            lineStart = 3;
        }
    }

    void lineMode() {
        lineMode = true;
    }

    /** The line of the next byte, from 1. */
    long line() {
        return line;
    }

    // ---- whitespace and structure ----

    /**
     * Returns the next byte that is not white space, without consuming it.
     *
     * @return the byte (0 to 255), {@link #EOF}, or in line mode {@link #END_OF_LINE}
     */
    int peek() throws IOException {
        // compact JSON, the common case: no white space to pass. Kept apart from the loop so that the JIT inlines it.
        if (pos < limit) {
            byte c = buf[pos];
            if (c > ' ') {
                return c;
            }
        }
        return peekPast();
    }

    /** {@link #peek()} past white space and buffer ends. */
    private int peekPast() throws IOException {
        while (true) {
            byte[] b = buf;
            int i = pos;
            int end = limit;
            while (i < end) {
                byte c = b[i];
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '\n') {
                    if (lineMode) {
                        pos = i;
                        return END_OF_LINE;
                    }
                    i++;
                    line++;
                    lineStart = discarded + i;
                } else {
                    pos = i;
                    return c & 0xff;
                }
            }
            pos = i;
            if (!more()) {
                return EOF;
            }
        }
    }

    /** In line mode, at {@link #END_OF_LINE}: steps over the newline. */
    void nextLine() {
        pos++;
        line++;
        lineStart = discarded + pos;
    }

    /** In line mode, after a broken line: drops what is left of it, newline included. */
    void skipLine() throws IOException {
        mark = -1; // a string or name the line broke in: its bytes need not be kept any longer
        while (true) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i;
                    nextLine();
                    return;
                }
            }
            pos = limit;
            if (!more()) {
                return;
            }
        }
    }

    /** At '{', as {@link #peek()} just said: consumes it. */
    void enterObject() {
        pos++;
    }

    /** At '[', as {@link #peek()} just said: consumes it. */
    void enterArray() {
        pos++;
    }

    /**
     * Reads the first field name of an object just entered, and its colon.
     *
     * @return the name's {@link FieldNames} id, {@link FieldNames#OTHER}, or {@link FieldNames#END} for {@code {}}
     */
    int firstField() throws IOException {
        if (peek() == '}') {
            pos++;
            return FieldNames.END;
        }
        return fieldName();
    }

    /**
     * After a field's value: reads the next field name and its colon, or the object's end.
     *
     * @return the name's id, {@link FieldNames#OTHER}, or {@link FieldNames#END}
     */
    int nextField() throws IOException {
        if (pos + 1 < limit && buf[pos] == ',' && buf[pos + 1] == '"') {
            pos++; // compact JSON, the common case: no white space to pass
            return fieldName();
        }
        int c = peek();
        if (c == '}') {
            pos++;
            return FieldNames.END;
        }
        if (c != ',') {
            throw unexpected(c, "',' or '}' after an object member");
        }
        pos++;
        return fieldName();
    }

    /** After {@link #enterArray()}: tells whether an element follows. */
    boolean firstElement() throws IOException {
        if (peek() == ']') {
            pos++;
            return false;
        }
        return true;
    }

    /** After an element: tells whether another follows, consuming the comma or the closing bracket. */
    boolean nextElement() throws IOException {
        int c = peek();
        if (c == ']') {
            pos++;
            return false;
        }
        if (c != ',') {
            throw unexpected(c, "',' or ']' after an array element");
        }
        pos++;
        return true;
    }

    /** Tells whether the field name just read is {@code name}; valid until the next call that reads. */
    boolean nameIs(byte[] name) {
        if (escapedName != null) {
            return Arrays.equals(escapedName.getBytes(StandardCharsets.UTF_8), name);
        }
        return nameLength == name.length && FieldNames.sameBytes(nameBytes, nameStart, name);
    }

    private int fieldName() throws IOException {
        // small, so that the JIT inlines it: the common cases first, the general reader apart
        if (pos + 32 <= limit && buf[pos] == '"') {
            int id = guessedName();
            if (id != NOT_SHORT) {
                return id;
            }
            id = shortFieldName();
            if (id != NOT_SHORT) {
                return id;
            }
        }
        return anyFieldName();
    }

    /** The general case of {@link #fieldName()}: any name, escapes, white space or buffer ends included. */
    private int anyFieldName() throws IOException {
        int quote = pos < limit ? buf[pos] : peek();
        if (quote != '"') {
            quote = peek();
            if (quote != '"') {
                throw unexpected(quote, "a field name in double quotes");
            }
        }
        pos++;
        mark = pos;
        markLimit = maxName;
        markDropped = false;
        byte[] b = buf;
        int end = limit;
        int i = pos;
        boolean escaped = false;
        while (true) {
            if (i >= end) {
                pos = i;
                if (!more()) {
                    throw malformed("input ends inside a field name");
                }
                i = pos;
                b = buf;
                end = limit;
            }
            i = skipPlainWords(b, i, end);
            if (i >= end) {
                continue;
            }
            byte c = b[i];
            if (SPECIAL_IN_STRING[c & 0xff]) {
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    escaped = true;
                    i++;
                    if (i >= end) {
                        pos = i;
                        if (!more()) {
                            throw malformed("input ends inside a field name");
                        }
                        i = pos;
                        b = buf;
                        end = limit;
                    }
                    if (b[i] >= 0 && b[i] < 0x20) {
                        // an escaped control character is no escape, and an escaped newline must not pass the line
                        pos = i;
                        throw b[i] == '\n' && lineMode ? malformed("line ends inside a field name")
                                : malformed("control character in a field name");
                    }
                } else if (c >= 0) {
                    pos = i;
                    throw c == '\n' && lineMode ? malformed("line ends inside a field name")
                            : malformed("control character in a field name");
                }
            }
            i++;
        }
        if (markDropped || i - mark > maxName) {
            // a limit, not broken JSON: the name is passed over and its value with it (OTHER), and the record is wrong
            pos = i + 1;
            return passOverName("a field name longer than " + maxName + " bytes");
        }
        int start = mark;
        int length = i - start;
        pos = i + 1;
        nameSlot = -1; // a long or escaped name: no guess after it
        int id;
        if (escaped) {
            escapedName = decode(buf, start, length);
            if (escapedName == null) {
                return passOverName(badEscape);
            }
            byte[] bytes = escapedName.getBytes(StandardCharsets.UTF_8);
            id = FieldNames.lookup(bytes, 0, bytes.length);
        } else {
            escapedName = null;
            id = FieldNames.lookup(buf, start, length);
        }
        nameLength = length;
        int colon;
        if (pos < limit && buf[pos] == ':') {
            colon = ':';
            nameBytes = buf;
            nameStart = start;
        } else {
            // White space before the colon may run past the buffer, and a mark kept over it would be dropped at the
            // name's limit: nameIs() would lose the name. A copy costs nothing here, off the compact path.
            nameBytes = Arrays.copyOfRange(buf, start, start + length);
            nameStart = 0;
            mark = -1;
            colon = peek();
        }
        mark = -1;
        if (colon != ':') {
            throw unexpected(colon, "':' after a field name");
        }
        pos++;
        return id;
    }

    /**
     * Flags the bytes of an 8-byte word that a string scan must stop at (SWAR: "SIMD within a register"): the high
     * bit of each byte that is a quote, a backslash, below 0x20 or above 0x7F. The lowest flag is always exact,
     * which is all the scans use.
     */
    private static long specialBytes(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (word - 0x2020202020202020L) | word)
                & HIGH_BITS;
    }

    /** Returns the index of the first byte in {@code b[i, end)} a string scan must look at, or {@code end - 7..end}. */
    private static int skipPlainWords(byte[] b, int i, int end) {
        while (i + 8 <= end) {
            long flags = specialBytes((long) WORDS.get(b, i));
            if (flags != 0) {
                return i + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
            i += 8;
        }
        return i;
    }

    private static final int NOT_SHORT = Integer.MIN_VALUE;

    /**
     * The fastest path of {@link #fieldName()}, at a quote with 32 bytes buffered: the name that followed the last
     * name the last time this input showed it ({@link FieldNames.Learned}), checked by whole words.
     *
     * @return the id, or {@link #NOT_SHORT} when the guess is wrong or there is none (nothing consumed then)
     */
    private int guessedName() {
        if (names == null) {
            return NOT_SHORT;
        }
        int start = pos + 1;
        FieldNames.Learned learned = names;
        int guess = nameSlot >= 0 ? learned.next[nameSlot] : -1;
        if (guess >= 0) {
            // The name that followed last time: its bytes, then '":' and the name is read. A name in the table holds
            // no quote, backslash or control byte, so bytes equal to it are that name, unescaped.
            int length = learned.lengths[guess];
            int end = start + length;
            if (buf[end] == '"' && buf[end + 1] == ':' && length <= maxName
                    && sameWords(buf, start, length, learned.word0[guess], learned.word1[guess], learned.word2[guess])) {
                escapedName = null;
                nameBytes = buf;
                nameStart = start;
                nameLength = length;
                pos = end + 2;
                nameSlot = guess;
                return learned.ids[guess];
            }
        }
        return NOT_SHORT;
    }

    /**
     * The fast path of {@link #fieldName()}, at a quote with 32 bytes buffered: a plain name of up to 24 bytes
     * followed by a colon is found and looked up in whole words, without a byte loop, and learned as the successor
     * of the name before it.
     *
     * @return the id, or {@link #NOT_SHORT} to take the general path (nothing consumed then)
     */
    private int shortFieldName() {
        int start = pos + 1;
        FieldNames.Learned learned = names;
        long w0 = (long) WORDS.get(buf, start);
        long f0 = specialBytes(w0);
        long w1 = 0;
        long w2 = 0;
        int length;
        if (f0 != 0) {
            length = Long.numberOfTrailingZeros(f0) >>> 3;
            w0 = keepLow(w0, length);
        } else {
            w1 = (long) WORDS.get(buf, start + 8);
            long f1 = specialBytes(w1);
            if (f1 != 0) {
                int k = Long.numberOfTrailingZeros(f1) >>> 3;
                length = 8 + k;
                w1 = keepLow(w1, k);
            } else {
                w2 = (long) WORDS.get(buf, start + 16);
                long f2 = specialBytes(w2);
                if (f2 == 0) {
                    return NOT_SHORT;
                }
                int k = Long.numberOfTrailingZeros(f2) >>> 3;
                length = 16 + k;
                w2 = keepLow(w2, k);
            }
        }
        int end = start + length;
        if (buf[end] != '"' || buf[end + 1] != ':' || length > maxName) {
            return NOT_SHORT; // an escape, a control or non-ASCII byte, or white space before the colon
        }
        escapedName = null;
        nameBytes = buf;
        nameStart = start;
        nameLength = length;
        pos = end + 2;
        if (learned == null || length == 0) {
            return FieldNames.lookup(w0, w1, w2, length);
        }
        int slot = learned.slotOf(w0, w1, w2, length);
        if (nameSlot >= 0) {
            learned.next[nameSlot] = slot;
        }
        nameSlot = slot;
        return slot >= 0 ? learned.ids[slot] : FieldNames.OTHER;
    }

    /** Tells whether {@code b[start, start + length)}, 1 to 24 bytes, are the name of the three words given. */
    /**
     * Tells whether {@code b[start, start + length)}, {@code length} at most 24 and 24 bytes readable from
     * {@code start}, holds the little-endian words given (their bytes past {@code length} zeroed).
     */
    static boolean sameWords(byte[] b, int start, int length, long w0, long w1, long w2) {
        long first = (long) WORDS.get(b, start);
        if (length <= 8) {
            return keepLow(first, length) == w0;
        }
        if (first != w0) {
            return false;
        }
        long second = (long) WORDS.get(b, start + 8);
        if (length <= 16) {
            return keepLow(second, length - 8) == w1;
        }
        return second == w1 && keepLow((long) WORDS.get(b, start + 16), length - 16) == w2;
    }

    /** Keeps the low {@code bytes} bytes of a little-endian word. */
    private static long keepLow(long word, int bytes) {
        return bytes == 0 ? 0 : word & (-1L >>> (64 - 8 * bytes));
    }

    // ---- values ----

    /**
     * At '"': reads a string. A string longer than the string limit is passed over: null, and
     * {@link #stringTooLong()} says so.
     */
    String readString() throws IOException {
        return readString(null);
    }

    /**
     * At '"': reads a string, through the field's {@code memo} when it has one (plain ASCII only; escaped and
     * non-ASCII strings are decoded afresh): the values of such a field repeat across events, and the graph finds
     * its entities faster by one shared string per value ({@link StringPool}).
     *
     * @param memo the field's memo, or null
     */
    String readString(Memo memo) throws IOException {
        // fast path, the common case: a plain ASCII string that ends inside the buffer; small, so that it is inlined
        if (pos < limit && buf[pos] == '"') {
            int first = pos + 1;
            int quote = skipPlainWords(buf, first, limit);
            while (quote < limit && !SPECIAL_IN_STRING[buf[quote] & 0xff]) {
                quote++;
            }
            if (quote < limit && buf[quote] == '"' && quote - first <= maxString) {
                stringTooLong = false;
                pos = quote + 1;
                return memo == null ? new String(buf, first, quote - first, StandardCharsets.ISO_8859_1)
                        : memo.get(buf, first, quote - first);
            }
        }
        return readAnyString(memo);
    }

    /** The general case of {@link #readString(Memo)}: white space before, escapes, non-ASCII, buffer ends. */
    private String readAnyString(Memo memo) throws IOException {
        if (pos >= limit || buf[pos] != '"') {
            int c = peek();
            if (c != '"') {
                throw unexpected(c, "a string");
            }
        }
        pos++;
        mark = pos;
        markLimit = maxString;
        markDropped = false;
        stringTooLong = false;
        boolean simple = true;
        byte[] b = buf;
        int end = limit;
        int i = pos;
        while (true) {
            if (i >= end) {
                pos = i;
                if (!more()) {
                    throw malformed("input ends inside a string");
                }
                i = pos;
                b = buf;
                end = limit;
            }
            i = skipPlainWords(b, i, end);
            if (i >= end) {
                continue;
            }
            byte c = b[i];
            if (!SPECIAL_IN_STRING[c & 0xff]) {
                i++;
                continue;
            }
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                simple = false;
                i++;
                if (i >= end) {
                    pos = i;
                    if (!more()) {
                        throw malformed("input ends inside a string");
                    }
                    i = pos;
                    b = buf;
                    end = limit;
                }
                if (b[i] >= 0 && b[i] < 0x20) {
                    pos = i;
                    throw controlInString(b[i]); // an escaped newline must not pass the line either
                }
            } else if (c >= 0) {
                pos = i;
                throw controlInString(c);
            } else {
                simple = false; // a UTF-8 multi-byte sequence
            }
            i++;
        }
        pos = i + 1;
        if (markDropped || i - mark > maxString) {
            mark = -1;
            stringTooLong = true;
            return null;
        }
        int start = mark;
        mark = -1;
        if (!simple) {
            String decoded = decode(buf, start, i - start);
            if (decoded == null) {
                pastLimit(badEscape); // the string's end is known: the JSON around it is whole, the record is wrong
            }
            return decoded;
        }
        return memo == null ? new String(buf, start, i - start, StandardCharsets.ISO_8859_1) : memo.get(buf, start, i - start);
    }

    /**
     * The last value of one field, in front of the {@link StringPool}: a field whose value is the same as in the
     * event before costs one compare; another value comes from the pool, so that the same value is the same string
     * in every event and every file. Per reader, one per field; not thread-safe.
     */
    static final class Memo {
        private StringPool.Entry last;

        String get(byte[] b, int start, int count) {
            StringPool.Entry known = last;
            if (known != null && known.is(b, start, count)) {
                return known.value();
            }
            StringPool.Entry entry = StringPool.SHARED.entry(b, start, count);
            last = entry;
            return entry != null ? entry.value() : new String(b, start, count, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Tells whether a value passed over since the last call nested deeper than the limit, and forgets it: an error
     * of the record that holds it.
     */
    boolean takeTooDeep() {
        boolean was = tooDeep;
        tooDeep = false;
        return was;
    }

    private void pastLimit(String what) {
        if (pastLimit == null) {
            pastLimit = what;
        }
    }

    /**
     * Passes over a field name the cursor stands just after, which the record cannot have (too long, a bad escape),
     * and its value with it ({@link FieldNames#OTHER}): the JSON around it is whole, so the record is wrong, not the
     * input.
     */
    private int passOverName(String why) throws IOException {
        pastLimit(why);
        mark = -1;
        nameSlot = -1;
        escapedName = null;
        nameLength = -1; // nameIs() matches nothing
        int colon = peek();
        if (colon != ':') {
            throw unexpected(colon, "':' after a field name");
        }
        pos++;
        return FieldNames.OTHER;
    }

    /**
     * Says what a value read since the last call had past a limit that leaves the JSON whole (a number read as null,
     * a field name passed over with its value), and forgets it: an error of the record that holds it.
     *
     * @return "a number longer than 100 characters", say; null when nothing went past a limit
     */
    String takePastLimit() {
        String what = pastLimit;
        pastLimit = null;
        return what;
    }

    /** Tells whether a value read since the record began went past a limit (what {@link #takePastLimit} takes). */
    boolean readPastLimit() {
        return pastLimit != null;
    }

    /** Tells whether the last {@link #readString()} passed over a string longer than the limit. */
    boolean stringTooLong() {
        return stringTooLong;
    }

    int maxString() {
        return maxString;
    }

    /**
     * Reads a scalar as text: a string, or a number, {@code true} or {@code false} as written; null for
     * {@code null}.
     */
    String readScalarText() throws IOException {
        int c = peek();
        switch (c) {
            case '"':
                return readString();
            case 'n':
                literal(NULL);
                return null;
            case 't':
                literal(TRUE);
                return "true";
            case 'f':
                literal(FALSE);
                return "false";
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw unexpected(c, "a value");
        }
    }

    /** Reads {@code true}/{@code false}, or the strings "true"/"false" in any case; anything else is null. */
    Boolean readBoolean(int depth) throws IOException {
        int c = peek();
        if (c == 't') {
            literal(TRUE);
            return Boolean.TRUE;
        }
        if (c == 'f') {
            literal(FALSE);
            return Boolean.FALSE;
        }
        if (c == '"') {
            String text = readString();
            return "true".equalsIgnoreCase(text) ? Boolean.TRUE : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
        }
        skipValue(depth);
        return null;
    }

    /** Describes the next value for an error message: "an object", "a number ('12')", ... ; consumes it. */
    String describeAndSkip(int depth) throws IOException {
        int c = peek();
        switch (c) {
            case '{':
                skipValue(depth);
                return "an object";
            case '[':
                skipValue(depth);
                return "an array";
            case '"':
                String text = readString();
                return "a string (" + io.github.detective4j.aws.ParseContext.quote(text) + ")";
            case 't':
            case 'f':
                return "a boolean (" + readScalarText() + ")";
            case 'n':
                literal(NULL);
                return "null";
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    String number = numberText(); // not readNumber: the caller's problem names this value already
                    return number == null ? "a number longer than " + maxNumber + " characters"
                            : "a number (" + io.github.detective4j.aws.ParseContext.quote(number) + ")";
                }
                throw unexpected(c, "a value");
        }
    }

    /**
     * Reads a number as written; one longer than the number limit is passed over, read as null, and
     * {@link #takePastLimit} says so: the record is wrong, the stream is not.
     */
    private String readNumber() throws IOException {
        String number = numberText();
        if (number == null) {
            pastLimit("a number longer than " + maxNumber + " characters");
        }
        return number;
    }

    /** Passes over a number: its text as written, or null when it is longer than the number limit. */
    private String numberText() throws IOException {
        int start = scanNumber();
        return start < 0 ? null : new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * Passes over a number, leaving {@code pos} after it; returns where it starts in the buffer, or -1 when it is
     * longer than the number limit.
     */
    private int scanNumber() throws IOException {
        int start = pos;
        mark = pos;
        markLimit = maxNumber;
        markDropped = false;
        int i = pos;
        while (true) {
            if (i >= limit) {
                pos = i;
                if (!more()) {
                    break;
                }
                i = pos;
            }
            byte b = buf[i];
            if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
                i++;
            } else {
                break;
            }
        }
        pos = i;
        start = mark;
        mark = -1;
        return markDropped || i - start > maxNumber ? -1 : start;
    }

    private void literal(byte[] word) throws IOException {
        if (!load(word.length) || !FieldNames.sameBytes(buf, pos, word)) {
            throw malformed("invalid literal, expected '" + new String(word, StandardCharsets.US_ASCII) + "'");
        }
        pos += word.length;
    }

    /**
     * Passes over the next value. Objects and arrays are scanned for strings and brackets only.
     *
     * @param depth the nesting depth of the value's container, for the depth limit
     */
    void skipValue(int depth) throws IOException {
        int c = peek();
        switch (c) {
            case '"':
                pos++;
                skipStringBody();
                return;
            case '{':
            case '[':
                skipNested(depth);
                return;
            case 't':
                literal(TRUE);
                return;
            case 'f':
                literal(FALSE);
                return;
            case 'n':
                literal(NULL);
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    scanNumber();
                    return;
                }
                throw unexpected(c, "a value");
        }
    }

    private void skipNested(int depth) throws IOException {
        int level = 0;
        byte[] b = buf;
        int end = limit;
        int i = pos;
        while (true) {
            if (i >= end) {
                pos = i;
                if (!more()) {
                    throw malformed("input ends inside an object or array");
                }
                i = pos;
                b = buf;
                end = limit;
            }
            byte c = b[i++];
            if (c == '"') {
                pos = i;
                skipStringBody();
                i = pos;
                b = buf;
                end = limit;
            } else if (c == '{' || c == '[') {
                level++;
                if (depth + level > maxDepth) {
                    tooDeep = true; // passing over is a loop, not a recursion: the record is wrong, the stream is not
                }
            } else if (c == '}' || c == ']') {
                if (--level == 0) {
                    pos = i;
                    return;
                }
            } else if (c == '\n') {
                if (lineMode) {
                    pos = i - 1;
                    throw malformed("line ends inside an object or array");
                }
                line++;
                lineStart = discarded + i;
            }
        }
    }

    /** After an opening quote: passes to just after the closing one. */
    private void skipStringBody() throws IOException {
        byte[] b = buf;
        int end = limit;
        int i = pos;
        while (true) {
            if (i >= end) {
                pos = i;
                if (!more()) {
                    throw malformed("input ends inside a string");
                }
                i = pos;
                b = buf;
                end = limit;
            }
            i = skipPlainWords(b, i, end);
            if (i >= end) {
                continue;
            }
            byte c = b[i++];
            if (!SPECIAL_IN_STRING[c & 0xff]) {
                continue;
            }
            if (c == '"') {
                pos = i;
                return;
            }
            if (c == '\\') {
                if (i >= end) {
                    pos = i;
                    if (!more()) {
                        throw malformed("input ends inside a string");
                    }
                    i = pos;
                    b = buf;
                    end = limit;
                }
                if (b[i] >= 0 && b[i] < 0x20) {
                    pos = i;
                    throw controlInString(b[i]); // an escaped newline must not pass the line either
                }
                i++;
            } else if (c >= 0) {
                pos = i - 1;
                throw controlInString(c);
            }
        }
    }

    /**
     * Copies the next value's bytes, to be read later with a cursor of its own.
     *
     * @return the bytes, or null when the value is larger than {@link #CAPTURE_LIMIT} (it is passed over)
     */
    byte[] capture(int depth) throws IOException {
        peek();
        mark = pos;
        markLimit = CAPTURE_LIMIT;
        markDropped = false;
        skipValue(depth);
        int start = mark;
        mark = -1;
        if (markDropped || start < 0) {
            return null;
        }
        return Arrays.copyOfRange(buf, start, pos);
    }

    // ---- values met before (RecentIdentities, RecordEndings) ----

    /** The input offset of the next byte; with {@link #copy}, the bytes of a value just read. */
    long offset() {
        return discarded + pos;
    }

    /**
     * A copy of the input from offset {@code from} to offset {@code to} (no later than {@link #offset()}), or null
     * when the buffer no longer holds all of it.
     */
    byte[] copy(long from, long to) {
        long first = from - discarded;
        return first < 0 ? null : Arrays.copyOfRange(buf, (int) first, (int) (to - discarded));
    }

    /**
     * A hash of the next {@code n} bytes ({@link StringPool#hash}), or 0 when fewer are buffered: nothing is read,
     * so a value that straddles a refill is merely not found.
     */
    long hashAhead(int n) {
        return limit - pos < n ? 0 : StringPool.hash(buf, pos, n);
    }

    /**
     * Consumes the next bytes when they are {@code value}'s and already buffered, and guesses the next field name as
     * after the last name they held ({@code lastNameSlot}, what {@link #nameSlot()} told when they were read);
     * otherwise consumes nothing.
     *
     * <p>For bytes read before, at the same depth and without a problem, as one whole value or as the rest of an
     * object with its closing brace: bytes equal to them read the same and end where they end, so nothing about them
     * needs checking again but the lines they pass, {@code newlines} (white space in a pretty-printed file). In line
     * mode, where a newline ends the value, bytes with a newline are never taken.
     */
    boolean passIfNext(byte[] value, int lastNameSlot, int newlines) {
        int n = value.length;
        if (limit - pos < n || (newlines > 0 && lineMode) || !StringPool.same(buf, pos, value, n)) {
            return false;
        }
        pos += n;
        line += newlines;
        nameSlot = lastNameSlot;
        return true;
    }

    /** Tells whether a value passed over since the record began nested too deep (what {@link #takeTooDeep} takes). */
    boolean passedTooDeep() {
        return tooDeep;
    }

    /** The learned-names slot of the field name read last (see {@link #guessedName}), or -1. */
    int nameSlot() {
        return nameSlot;
    }

    // ---- buffer ----

    /** Makes sure {@code n} bytes are buffered from {@code pos}; false if the input ends first. */
    private boolean load(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Makes sure at least one byte is buffered at {@code pos}; false at the end of the input. */
    private boolean more() throws IOException {
        while (pos >= limit) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more input, dropping consumed bytes (but not marked ones) and growing only for a mark. */
    private boolean fill() throws IOException {
        if (lookAheadFailure != null) {
            IOException failed = lookAheadFailure;
            lookAheadFailure = null;
            throw failed;
        }
        if (eof) {
            return false;
        }
        if (mark >= 0 && pos - mark > markLimit) {
            mark = -1; // a string or capture past its limit: stop keeping it, keep scanning
            markDropped = true;
        }
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= keep;
            pos -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
            discarded += keep;
        }
        if (buf.length < BUFFER_BYTES && discarded + limit >= FIRST_BUFFER_BYTES) {
            buf = Arrays.copyOf(buf, BUFFER_BYTES); // the input goes on past its head: the full buffer
        } else if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    // ---- strings with escapes or non-ASCII ----

    /**
     * The text of a string or name whose bytes {@code b[start, start + length)} hold escapes or non-ASCII; null, with
     * {@link #badEscape} saying why, when an escape is not one JSON has.
     */
    private String decode(byte[] b, int start, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = start + length;
        int run = start;
        int i = start;
        while (i < end) {
            if (b[i] != '\\') {
                i++;
                continue;
            }
            if (i > run) {
                out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            }
            char e = (char) b[i + 1];
            i += 2;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    if (i + 4 > end) {
                        badEscape = "an incomplete \\u escape in a string";
                        return null;
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = Character.digit(b[i + k], 16);
                        if (digit < 0) {
                            badEscape = "an invalid \\u escape in a string";
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                    break;
                default:
                    badEscape = "a backslash before " + ParseContext.quote(String.valueOf(e))
                            + " in a string, which is no JSON escape";
                    return null;
            }
            run = i;
        }
        if (end > run) {
            out.append(new String(b, run, end - run, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    // ---- errors ----

    private MalformedJsonException controlInString(byte c) {
        if (c == '\n' && lineMode) {
            return malformed("line ends inside a string");
        }
        return malformed("control character (code " + c + ") in a string: it must be escaped");
    }

    MalformedJsonException malformed(String what) {
        long column = discarded + pos - lineStart + 1;
        return new MalformedJsonException(what, line, column);
    }

    private MalformedJsonException unexpected(int c, String expected) {
        String found;
        if (c == EOF) {
            found = "the end of the input";
        } else if (c == END_OF_LINE) {
            found = "the end of the line";
        } else if (c >= 0x20 && c < 0x7f) {
            found = "'" + (char) c + "'";
        } else {
            found = "byte 0x" + Integer.toHexString(c);
        }
        return malformed("expected " + expected + ", found " + found);
    }
}
