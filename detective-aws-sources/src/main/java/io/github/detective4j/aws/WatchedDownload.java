package io.github.detective4j.aws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object's download, remembering whether it broke off: the reader turns a stream that fails into an error of
 * its input and returns, as it must for a file, but an object whose connection was reset is not finished and must be
 * read again from where it stopped. A failure the SDK throws unchecked (a client exception during the read) is
 * passed on as an {@link IOException}, so the reader reports it as the input ending, not as a parser bug. One
 * download, one thread.
 */
final class WatchedDownload extends FilterInputStream {
    private IOException failure;

    WatchedDownload(InputStream in) {
        super(in);
    }

    /** What ended the download early, or null if it was read without a failure of its own. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    private IOException failed(Exception e) {
        IOException io = e instanceof IOException checked ? checked : new IOException(e.toString(), e);
        if (failure == null) {
            failure = io;
        }
        return io;
    }
}
