package io.github.detective4j.aws.vpcflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The lines of one text input as bytes, in place in a buffer: flow log records are ASCII, and reading them as the
 * bytes they are, without a {@code String} per line, lets their fields be found and compared a word at a time. Counts lines, for error positions.
 * Not thread-safe: one per input.
 *
 * <p>A line's bytes are valid until the next call to {@link #next}; text meant to outlive it is cut out as strings.
 */
final class ByteLines {
    /**
     * Inputs start with a small buffer and take the full one when a second read gives more: most flow log files a
     * subscription or a quiet interface delivers hold a few records, and clearing the full buffer for each of them
     * was a fifth of a one-record file's read.
     */
    private static final int FIRST_BYTES = 8 * 1024;
    private static final int FULL_BYTES = 64 * 1024;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** The least code point UTF-8 writes in 2, 3 and 4 bytes. */
    private static final int[] SHORTEST = {0, 0, 0x80, 0x800, 0x10000};

    private final InputStream in;
    private final int maxLineLength;
    private byte[] buffer = new byte[FIRST_BYTES];
    private boolean readOnce;
    private boolean eof;
    private int position;
    private int limit;
    private long linesEnded;
    private boolean tooLong;
    private int from;
    private int to;

    /**
     * @param in the input's bytes, UTF-8
     * @param maxLineLength the longest line, in bytes, {@link #next} gives whole; longer ones are cut, and said so
     */
    ByteLines(InputStream in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    /**
     * Consumes white space and byte-order marks at the start, counting the lines they end.
     *
     * @return the first other byte (0 to 255), not consumed, or -1 when the input holds nothing else
     */
    int skipBlank() throws IOException {
        while (true) {
            while (limit - position < 4 && !eof) {
                fill(); // a blank character takes up to four bytes
            }
            if (position >= limit) {
                return -1;
            }
            int blank = blankAt(buffer, position, limit);
            if (blank == 0) {
                return buffer[position] & 0xff;
            }
            if (buffer[position] == '\n') {
                linesEnded++;
            }
            position += blank;
        }
    }

    /**
     * The bytes not yet consumed, then the rest of the input: for reading the input another way (as JSON) from where
     * {@link #skipBlank} stopped. Nothing may be read through this object afterwards.
     */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), in);
    }

    /**
     * Moves to the next line: {@link #bytes()}{@code [}{@link #from()}{@code , }{@link #to()}{@code )}, without its
     * terminator ({@code \n}, and a {@code \r} before it). A line longer than the limit comes back cut, with
     * {@link #lastLineTooLong()} true; the rest of it is skipped.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        tooLong = false;
        int scanned = position;
        while (true) {
            int newline = indexOf(buffer, scanned, limit, (byte) '\n');
            if (newline >= 0) {
                return line(newline, newline + 1);
            }
            if (limit - position > maxLineLength) {
                return skipLongLine();
            }
            if (eof) {
                if (position >= limit) {
                    return false;
                }
                return line(limit, limit); // a last line without a terminator
            }
            int searched = limit - position; // fill moves the unconsumed bytes to the front: skip what was searched
            fill();
            scanned = searched;
        }
    }

    private boolean line(int end, int next) {
        linesEnded++;
        from = position;
        to = end > from && buffer[end - 1] == '\r' ? end - 1 : end;
        if (end - from > maxLineLength) {
            tooLong = true;
            to = from + maxLineLength;
        }
        position = next;
        return true;
    }

    /** Keeps the first {@code maxLineLength} bytes of a line that has more, and reads past the rest of it. */
    private boolean skipLongLine() throws IOException {
        if (position > 0) { // the line to the front, so that what follows its kept bytes has the buffer's spare room
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        tooLong = true;
        linesEnded++;
        from = position;
        to = position + maxLineLength;
        int kept = to;
        while (true) {
            int newline = indexOf(buffer, kept, limit, (byte) '\n');
            if (newline >= 0) {
                position = newline + 1;
                return true;
            }
            // read on over what follows the kept bytes, in chunks of the room past the limit (64 KiB once grown)
            if (eof || readInto(kept) < 0) {
                position = limit;
                return true;
            }
        }
    }

    /**
     * Moves the unconsumed bytes to the front and reads more after them, growing the buffer when they fill it, and
     * taking the full one once a second read gives more.
     */
    private void fill() throws IOException {
        int unconsumed = limit - position;
        if (unconsumed == buffer.length) {
            buffer = copy((int) Math.min((long) buffer.length * 2, largest()), unconsumed);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unconsumed);
        }
        position = 0;
        limit = unconsumed;
        if (readInto(limit) > 0 && readOnce && buffer.length < FULL_BYTES) {
            buffer = copy(FULL_BYTES, limit);
        }
        readOnce = true;
    }

    /**
     * The most the buffer grows to: a line at the limit, its terminator, and room to read past a longer line in
     * whole chunks.
     */
    private long largest() {
        return Math.min((long) maxLineLength + FULL_BYTES, Integer.MAX_VALUE - 16);
    }

    private byte[] copy(int size, int length) {
        byte[] larger = new byte[size];
        System.arraycopy(buffer, 0, larger, 0, length);
        return larger;
    }

    /** Reads into {@code buffer[at, ...)}, at least one byte unless the input has ended; returns the count or -1. */
    private int readInto(int at) throws IOException {
        int n;
        do {
            n = in.read(buffer, at, buffer.length - at);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return -1;
        }
        limit = at + n;
        return n;
    }

    /** The buffer the current line is in. */
    byte[] bytes() {
        return buffer;
    }

    /** Where the current line starts in {@link #bytes()}. */
    int from() {
        return from;
    }

    /** Where the current line ends in {@link #bytes()}, exclusive, its terminator left out. */
    int to() {
        return to;
    }

    /** Tells whether the line {@link #next} moved to last was longer than the limit, and cut. */
    boolean lastLineTooLong() {
        return tooLong;
    }

    /** The number of lines ended so far: the number of the current line, or of the line before the next one. */
    long linesEnded() {
        return linesEnded;
    }

    // ------------------------------------------------------------------------------------------ bytes

    /** The eight bytes at {@code b[i]}, as a little-endian word: the first is the lowest byte. */
    static long word(byte[] b, int i) {
        return (long) WORDS.get(b, i);
    }

    /** A word of eight {@code value} bytes, for {@link #flags}. */
    static long repeated(byte value) {
        return (value & 0xffL) * ONES;
    }

    /** Returns the end of {@code b[from, to)} without its trailing ASCII white space (a CR, a tab). */
    static int trimEnd(byte[] b, int from, int to) {
        while (to > from && b[to - 1] >= 0 && Character.isWhitespace(b[to - 1])) {
            to--;
        }
        return to;
    }

    /** Returns the index of the first {@code value} in {@code b[from, to)}, or -1; eight bytes at a time. */
    static int indexOf(byte[] b, int from, int to, byte value) {
        long pattern = repeated(value);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long flags = flags(word(b, i), pattern);
            if (flags != 0) {
                return i + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Flags the bytes of an 8-byte word (little-endian) equal to the byte repeated in {@code pattern}: the high bit of
     * each, exactly (SWAR, "SIMD within a register": no carry crosses from one byte to the next).
     */
    static long flags(long word, long pattern) {
        long same = word ^ pattern; // a byte of the word equal to the pattern's is zero here
        return ~(((same & LOW_BITS) + LOW_BITS) | same) & HIGH_BITS;
    }

    /** Returns the index of the first byte in {@code b[from, to)} that is neither white space nor a byte-order mark. */
    static int firstContent(byte[] b, int from, int to) {
        int i = from;
        int blank;
        while (i < to && (blank = blankAt(b, i, to)) > 0) {
            i += blank;
        }
        return Math.min(i, to);
    }

    /**
     * The length in bytes of the white-space character ({@link Character#isWhitespace}) or byte-order mark that starts
     * at {@code b[i]}, read as UTF-8, or 0 when another character starts there.
     */
    static int blankAt(byte[] b, int i, int to) {
        int lead = b[i] & 0xff;
        if (lead < 0x80) {
            return Character.isWhitespace(lead) ? 1 : 0;
        }
        int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || i + length > to) {
            return 0;
        }
        int codePoint = lead & (0x3F >> (length - 1));
        for (int k = 1; k < length; k++) {
            int next = b[i + k] & 0xff;
            if ((next & 0xC0) != 0x80) {
                return 0;
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < SHORTEST[length]) {
            return 0; // an overlong form, which a decoder turns into U+FFFD: not white space
        }
        return codePoint == 0xFEFF || Character.isWhitespace(codePoint) ? length : 0;
    }
}
