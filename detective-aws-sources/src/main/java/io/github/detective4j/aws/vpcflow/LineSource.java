package io.github.detective4j.aws.vpcflow;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of one input, read either as lines of bounded length (flow log records) or, for JSON, as a
 * {@link Reader} that never hands out more than one line per call, so that after a syntax error a new parser can
 * start on the next line. Counts lines either way, for error positions. Not thread-safe: one per input.
 */
final class LineSource {
    private final Reader in;
    /**
     * Inputs start with a small buffer and take the full one when a second read gives more: most flow log files a
     * subscription or a quiet interface delivers hold a few records, and clearing 128 KiB for each of them was a fifth
     * of a one-record file's read.
     */
    private static final int FIRST_CHARS = 8 * 1024;
    private static final int FULL_CHARS = 64 * 1024;
    private char[] buffer = new char[FIRST_CHARS];
    private boolean filled;
    private final int maxLineLength;
    private int position;
    private int limit;
    private boolean eof;
    private long linesEnded;
    private boolean midLine;
    private boolean lastLineTooLong;
    /** Where the line the JSON view is delivering began in the buffer, or -1 when the buffer was refilled since. */
    private int currentLineStart = -1;

    /**
     * @param in the decoded text
     * @param maxLineLength the longest line {@link #nextLine} returns whole; longer ones are cut, and said so
     */
    LineSource(Reader in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            limit = position = 0;
            return false;
        }
        if (filled && buffer.length < FULL_CHARS) {
            // the input goes on past its first read: the full buffer from here on (nothing before position is needed,
            // as every reader calls this at the buffer's end)
            char[] full = new char[FULL_CHARS];
            System.arraycopy(buffer, 0, full, 0, n);
            buffer = full;
        }
        filled = true;
        position = 0;
        limit = n;
        currentLineStart = -1;
        return true;
    }

    /**
     * Consumes white space and a byte-order mark at the start, counting the lines they end.
     *
     * @return the first other character, not consumed, or -1 when the input holds nothing else
     */
    int skipBlank() throws IOException {
        while (true) {
            if (position >= limit && !fill()) {
                return -1;
            }
            char c = buffer[position];
            if (c == '\n') {
                linesEnded++;
            } else if (c != '\uFEFF' && !Character.isWhitespace(c)) {
                return c;
            }
            position++;
        }
    }

    /**
     * Returns the next line without its terminator ({@code \n}, and a {@code \r} before it), or null at the end.
     * A line longer than the limit comes back cut, with {@link #lastLineTooLong()} true; the rest is skipped.
     */
    String nextLine() throws IOException {
        lastLineTooLong = false;
        StringBuilder spill = null;
        while (true) {
            if (position >= limit && !fill()) {
                if (spill == null) {
                    return null;
                }
                linesEnded++; // a last line without a terminator
                return trimCr(spill.toString());
            }
            int start = position;
            int newline = -1;
            for (int i = start; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            position = newline < 0 ? limit : newline + 1;
            if (spill == null && newline >= 0) {
                linesEnded++;
                int length = end - start;
                if (length > maxLineLength) {
                    lastLineTooLong = true;
                    length = maxLineLength;
                } else if (length > 0 && buffer[end - 1] == '\r') {
                    length--;
                }
                return new String(buffer, start, length);
            }
            if (spill == null) {
                spill = new StringBuilder(Math.min(maxLineLength, 2 * (end - start) + 16));
            }
            int room = maxLineLength - spill.length();
            if (room > 0) {
                spill.append(buffer, start, Math.min(room, end - start));
            }
            if (end - start > room) {
                lastLineTooLong = true;
            }
            if (newline >= 0) {
                linesEnded++;
                return lastLineTooLong ? spill.toString() : trimCr(spill.toString());
            }
        }
    }

    private static String trimCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Tells whether the line {@link #nextLine} returned last was longer than the limit, and cut. */
    boolean lastLineTooLong() {
        return lastLineTooLong;
    }

    /** The number of lines ended so far: the number of the line last returned, or the line before the next one. */
    long linesEnded() {
        return linesEnded;
    }

    /** A view for a JSON parser: each read returns at most up to the end of the current line. Close does nothing. */
    Reader lineAtATime() {
        return new Reader() {
            @Override
            public int read(char[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (position >= limit && !fill()) {
                    return -1;
                }
                int end = Math.min(limit, position + length);
                for (int i = position; i < end; i++) {
                    if (buffer[i] == '\n') {
                        end = i + 1;
                        break;
                    }
                }
                if (!midLine) {
                    currentLineStart = position;
                }
                int n = end - position;
                System.arraycopy(buffer, position, target, offset, n);
                position = end;
                midLine = buffer[end - 1] != '\n';
                if (!midLine) {
                    linesEnded++;
                }
                return n;
            }

            @Override
            public void close() {
                // the parser does not own the input; the reader of the input closes it
            }
        };
    }

    /**
     * After a JSON syntax error found on a line that starts a new object (the object before it was cut short, as
     * when a line of {@code {"message": ...}} objects lost its end): goes back to the start of that line, so that a
     * new parser reads it. Possible only while the line is still in the buffer.
     *
     * @return true if the next read starts again at the beginning of the current line
     */
    boolean rewindToObjectOnCurrentLine() {
        if (currentLineStart < 0) {
            return false;
        }
        int i = currentLineStart;
        while (i < limit && buffer[i] != '\n' && Character.isWhitespace(buffer[i])) {
            i++;
        }
        if (i >= limit || buffer[i] != '{') {
            return false;
        }
        if (!midLine) {
            linesEnded--; // the line is handed out again, and counted again
        }
        position = currentLineStart;
        midLine = false;
        return true;
    }

    /** After a JSON syntax error: drops what is left of the line the parser was reading. */
    void skipRestOfLine() throws IOException {
        while (midLine) {
            if (position >= limit && !fill()) {
                midLine = false;
                return;
            }
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    linesEnded++;
                    midLine = false;
                    return;
                }
            }
        }
    }
}
