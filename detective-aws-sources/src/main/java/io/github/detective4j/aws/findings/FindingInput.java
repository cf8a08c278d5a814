package io.github.detective4j.aws.findings;

import java.io.IOException;
import java.io.InputStream;

/**
 * The input of one parse, with a look at its head and a one-line-at-a-time mode for JSON Lines.
 *
 * <p>In line mode a read stops after the {@code '\n'} that ends the current line, so that a JSON parser made for one
 * line cannot read into the next; {@link #nextLine()} moves on past whatever that parser left unread when the line
 * was broken. A malformed line thus costs only itself, and no line is ever held in memory as a whole: the parser
 * streams it under the {@link com.fasterxml.jackson.core.JsonFactory}'s constraints. {@link #close()} does nothing:
 * the reader that opened the stream closes it, and the short-lived per-line parsers must not.
 */
final class FindingInput extends InputStream {
    /** How much of the input {@link #fillHead()} makes visible for choosing how to read it. */
    static final int HEAD_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[HEAD_BYTES];
    private int position;
    private int limit;
    private boolean lineMode;
    private boolean lineEnded;
    private long lineNumber = 1;

    /**
     * Wraps an input.
     *
     * @param in the decompressed input, read through this object only from now on
     */
    FindingInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the input's first bytes into the buffer, before anything else is read.
     *
     * @return how many head bytes there are: fewer than {@link #HEAD_BYTES} only when that is the whole input
     * @throws IOException if the stream fails
     */
    int fillHead() throws IOException {
        while (limit < buffer.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        return limit;
    }

    /**
     * Tells whether the input reads as JSON Lines: its first non-blank line is complete within the head and holds a
     * whole JSON object or array by its look (it starts with <code>{</code> or <code>[</code> and ends with
     * <code>}</code> or <code>]</code>). A pretty-printed document starts with a line such as <code>{</code> or
     * <code>{"Findings": [</code>, which fails that test. Call right after {@link #fillHead()}.
     *
     * @return true when each line should be parsed on its own
     */
    boolean looksLikeJsonLines() {
        int start = 0;
        while (start < limit && (isBlank(buffer[start]) || isBom(start))) {
            start += isBom(start) ? 3 : 1;
        }
        int end = start;
        while (end < limit && buffer[end] != '\n') {
            end++;
        }
        if (end == limit && limit == buffer.length) {
            return false; // the first line does not end within the head: read the input as one document
        }
        int last = end - 1;
        while (last > start && isBlank(buffer[last])) {
            last--;
        }
        if (last <= start) {
            return false;
        }
        byte first = buffer[start];
        byte final_ = buffer[last];
        return (first == '{' || first == '[') && (final_ == '}' || final_ == ']');
    }

    private boolean isBom(int at) {
        return at + 2 < limit && buffer[at] == (byte) 0xEF && buffer[at + 1] == (byte) 0xBB
                && buffer[at + 2] == (byte) 0xBF;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Switches to reading one line at a time. */
    void lineMode() {
        lineMode = true;
    }

    /**
     * Returns the number of the line being read, from 1; meaningful in line mode.
     *
     * @return the line number
     */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * Moves to the start of the next line, skipping what is left of the current one.
     *
     * @return false at the end of the input
     * @throws IOException if the stream fails
     */
    boolean nextLine() throws IOException {
        while (!lineEnded) {
            if (position >= limit && !refill()) {
                return false;
            }
            if (buffer[position++] == '\n') {
                lineEnded = true;
            }
        }
        lineEnded = false;
        lineNumber++;
        return position < limit || refill();
    }

    /**
     * Tells whether anything is left to read, in line mode whether the current line has content left.
     *
     * @return false at the end of the input
     * @throws IOException if the stream fails
     */
    boolean hasMore() throws IOException {
        return position < limit || refill();
    }

    @Override
    public int read() throws IOException {
        if (lineEnded || (position >= limit && !refill())) {
            return -1;
        }
        byte b = buffer[position++];
        if (lineMode && b == '\n') {
            lineEnded = true;
        }
        return b & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (lineEnded || (position >= limit && !refill())) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        if (lineMode) {
            for (int i = position, end = position + n; i < end; i++) {
                if (buffer[i] == '\n') {
                    n = i - position + 1;
                    lineEnded = true;
                    break;
                }
            }
        }
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean refill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() {
        // the reader that opened the underlying stream closes it
    }
}
