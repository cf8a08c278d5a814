package io.github.detective4j.aws;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The large buffers one input is read through, lent from a small pool that every {@link LogReader} of the process
 * shares, and given back when the input is done.
 *
 * <p>Why: a trail delivers a file every few minutes per account and region, and a quiet one holds a few records, so
 * what an input costs before its first record counts. Together with the CloudTrail format's own lent buffers, this
 * took a one-record CloudTrail file from about 12 to 7 µs and a 20-record one from 33 to 26 to 30 µs (a scratch loop
 * over one file in memory, medians of later rounds); either half alone did not measurably help. A lent buffer is read
 * only where the stream it serves has written, so what an earlier input left in it is never seen.
 *
 * <p>Memory: at most {@value #POOLED} sets of 256 KiB are kept for the life of the process; a read that finds the pool
 * empty makes a set of its own, which the pool keeps afterwards if it has room. Thread-safe: a set serves one read at
 * a time, and the pool's queue hands it from one thread to the next safely.
 */
final class InputBuffers {
    /** Enough for the readers of a busy process; more concurrent reads make sets of their own. */
    private static final int POOLED = 16;
    private static final ArrayBlockingQueue<InputBuffers> POOL = new ArrayBlockingQueue<>(POOLED);

    /** The stream's own bytes, in front of the gzip check. */
    private final byte[] raw;
    /** The compressed bytes the inflater takes its input from. */
    private final byte[] compressed;
    /** The decompressed content, which the format detection samples and the format reads. */
    private final byte[] content;
    /** The head, copied out for detection. */
    final byte[] head;

    private InputBuffers(int bufferBytes, int headBytes) {
        raw = new byte[bufferBytes];
        compressed = new byte[bufferBytes];
        content = new byte[bufferBytes];
        head = new byte[headBytes];
    }

    /**
     * Borrows a set, from the pool when it has one.
     *
     * @return buffers for one input: {@link #giveBack()} them when it is done
     */
    static InputBuffers borrow() {
        InputBuffers pooled = POOL.poll();
        return pooled != null ? pooled : new InputBuffers(LogReader.BUFFER_BYTES, LogReader.SAMPLE_BYTES);
    }

    /** Returns the set to the pool when it has room; nothing may read through it afterwards. */
    void giveBack() {
        POOL.offer(this);
    }

    /** A buffered view of the stream's own bytes, through the lent raw buffer. */
    BufferedInputStream raw(InputStream in) {
        return new Lent(in, raw);
    }

    /** A buffered view of the decompressed content, through the lent content buffer. */
    BufferedInputStream content(InputStream in) {
        return new Lent(in, content);
    }

    /**
     * A gzip stream over {@code in}, taking its compressed input through the lent buffer.
     *
     * @throws IOException if the gzip header cannot be read
     */
    InputStream gzip(InputStream in) throws IOException {
        return new GzipMembers(in, compressed);
    }

    /** A {@link BufferedInputStream} over a given buffer: subclasses may set its protected {@code buf}. */
    private static final class Lent extends BufferedInputStream {
        Lent(InputStream in, byte[] buffer) {
            super(in, 1);
            buf = buffer;
        }
    }
}
