package io.github.detective4j.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and fails once they pass a cap: the guard against gzip bombs. */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String source;
    private long count;

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
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > max) {
            throw new IOException(source + ": decompresses to more than " + max
                    + " bytes, the reader's cap (LogReader.Builder.maxDecompressedBytes)");
        }
    }
}
