package io.github.detective4j.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails once they would pass a cap: the guard against gzip bombs. It hands out
 * the bytes up to the cap, so the records before it are read, and fails on the first read past it
 * ({@link Exceeded}); an input of exactly the cap ends normally.
 */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String source;
    private long count;

    /** The input holds more than the cap: everything before it was handed out. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }

    BoundedInputStream(InputStream in, long max, String source) {
        super(in);
        this.max = max;
        this.source = source;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (count >= max) {
            return atCap();
        }
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (count >= max) {
            return atCap();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, max - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (count >= max) {
            return Math.max(0, atCap()); // skip never answers -1: at the end it skips nothing
        }
        long skipped = super.skip(Math.min(n, max - count));
        count += skipped;
        return skipped;
    }

    /** No more than the cap leaves: a reader that reads ahead while bytes are available stops at it. */
    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), Math.max(0, max - count));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** At the cap: the end of an input of exactly the cap, or the failure of a larger one. */
    private int atCap() throws IOException {
        if (super.read() < 0) {
            return -1;
        }
        throw new Exceeded(source + ": decompresses to more than " + max
                + " bytes, the reader's cap (LogReader.Builder.maxDecompressedBytes)");
    }
}
