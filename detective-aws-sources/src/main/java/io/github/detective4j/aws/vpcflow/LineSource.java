package io.github.detective4j.aws.vpcflow;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of one JSON input, read as a {@link Reader} that never hands out more than one line per call, so that after
 * a syntax error a new parser can start on the next line. Counts lines, for error positions. Not thread-safe: one per
 * input. (Plain-text records are read as bytes, by {@link ByteLines}.)
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
    private int position;
    private int limit;
    private boolean eof;
    private long linesEnded;
    private boolean midLine;
    /** Where the line the JSON view is delivering began in the buffer, or -1 when the buffer was refilled since. */
    private int currentLineStart = -1;
    /** Characters of the line the JSON view is delivering handed out so far, its end not counted. */
    private long handedOfLine;

    /**
     * @param in the decoded text
     * @param linesBefore the lines of the input that {@code in} does not hold, ended before its start
     */
    LineSource(Reader in, long linesBefore) {
        this.in = in;
        this.linesEnded = linesBefore;
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
                    handedOfLine = 0;
                }
                int n = end - position;
                System.arraycopy(buffer, position, target, offset, n);
                position = end;
                midLine = buffer[end - 1] != '\n';
                handedOfLine += midLine ? n : n - 1;
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

    /**
     * The line the JSON view last handed out text of: the number of a line it is in the middle of, or of the line it
     * ended last. The parser cannot have read past it, since it is given one line at a time.
     */
    long currentLine() {
        return midLine ? linesEnded + 1 : linesEnded;
    }

    /**
     * After a JSON syntax error: drops what is left of the line the parser was reading.
     *
     * @param column where on the current line the parser stopped, from 1
     * @return how many characters of the line were not read: those after the column that the parser had taken, and
     *     those dropped here, the line's end not counted
     */
    long skipRestOfLine(long column) throws IOException {
        long dropped = Math.max(0, handedOfLine - (column - 1));
        while (midLine) {
            if (position >= limit && !fill()) {
                midLine = false;
                return dropped;
            }
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    linesEnded++;
                    midLine = false;
                    return dropped;
                }
                dropped++;
            }
        }
        return dropped;
    }
}
