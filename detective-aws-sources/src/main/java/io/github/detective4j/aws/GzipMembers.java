package io.github.detective4j.aws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip stream of one member or of many one after another (RFC 1952 allows any number: {@code cat a.gz b.gz}, and
 * tools that append to a file), over a lent input buffer: it reads every member, and fails on anything else after
 * one.
 *
 * <p>Why not {@link GZIPInputStream} alone: it tries a next member only when its input says bytes are available, or
 * when more than 26 are left in its buffer (JDK-7036144). A network stream (an S3 object's) says none, so a member
 * that began at the end of a read was dropped without a word; and bytes after a member that are not a gzip header are
 * ignored, so a damaged later member was dropped as silently. Here each member's stream is told that nothing is
 * available, so it tries only what its buffer holds, and at its end this stream looks at what is left: nothing (the
 * end), the next member (read by a stream of its own), or an error ({@link ZipException}).
 *
 * <p>A read returns what one inflation gave, and {@code available()} is 0, so that the buffer above returns what one
 * read brought instead of reading on: the read that fails where a file was cut short would take every byte read
 * before it in the same call with it, and with them the whole records they hold. Not thread-safe; one per input.
 */
final class GzipMembers extends InputStream {
    private static final int TRAILER_BYTES = 8;
    /** Past this many bytes left in its buffer, {@link GZIPInputStream} tries the next member itself. */
    private static final int TRIED_PAST = 26;
    private static final byte[] NONE = {};

    /** The compressed input, which says nothing is available. */
    private final Unavailable in;
    private final byte[] buffer;
    private Member member;
    private boolean ended;

    /**
     * Reads the first member's header.
     *
     * @param in the compressed input
     * @param buffer the buffer the inflater takes its input from
     * @throws IOException if the header cannot be read
     */
    GzipMembers(InputStream in, byte[] buffer) throws IOException {
        this.in = new Unavailable(in);
        this.buffer = buffer;
        this.member = new Member(this.in, buffer);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            int n = member.read(b, off, len);
            if (n != -1) {
                return n;
            }
            next();
        }
        return -1;
    }

    /** At a member's end: the next member, the end of the input, or an error. */
    private void next() throws IOException {
        int left = member.leftInBuffer();
        if (left > TRIED_PAST) {
            // the member's stream read what follows as a header, failed, and called it the end
            throw new ZipException((left - TRAILER_BYTES) + " bytes after a gzip member are not a gzip member");
        }
        byte[] tail = member.tail();
        member.release();
        in.prefix(tail);
        int first = in.read();
        if (first == -1) {
            ended = true;
            return;
        }
        in.prefix(new byte[] {(byte) first});
        try {
            member = new Member(in, buffer);
        } catch (ZipException | EOFException notGzip) {
            throw new ZipException("what follows a gzip member is not a gzip member: " + notGzip.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        member.close();
    }

    /** One member, over the lent buffer; tells what it left unread in it. */
    private static final class Member extends GZIPInputStream {
        Member(InputStream in, byte[] buffer) throws IOException {
            super(in, 1); // the header is read from in, not through buf
            buf = buffer;
        }

        /** At the member's end: the bytes of its last input that the inflater did not take (trailer included). */
        int leftInBuffer() {
            return inf.getRemaining();
        }

        /**
         * At the member's end: the bytes after its trailer still in the buffer (where {@code GZIPInputStream} reads
         * its trailer from), copied out before the next member reuses the buffer.
         */
        byte[] tail() {
            int left = inf.getRemaining();
            return left <= TRAILER_BYTES ? NONE : Arrays.copyOfRange(buf, len - left + TRAILER_BYTES, len);
        }

        /** Frees the inflater's native memory at the member's end; the input it reads stays open for the next. */
        void release() {
            inf.end();
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /**
     * The compressed input, with bytes put back in front of it, which says nothing is available: so that a member's
     * stream never reads past its buffer looking for a next member.
     */
    private static final class Unavailable extends InputStream {
        private final InputStream in;
        private byte[] prefix = NONE;
        private int at;

        Unavailable(InputStream in) {
            this.in = in;
        }

        /** Puts bytes back in front of what is left of the prefix and the input. */
        void prefix(byte[] bytes) {
            if (bytes.length == 0) {
                return;
            }
            byte[] rest = Arrays.copyOfRange(prefix, at, prefix.length);
            byte[] joined = Arrays.copyOf(bytes, bytes.length + rest.length);
            System.arraycopy(rest, 0, joined, bytes.length, rest.length);
            prefix = joined;
            at = 0;
        }

        @Override
        public int read() throws IOException {
            return at < prefix.length ? prefix[at++] & 0xff : in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at < prefix.length) {
                int n = Math.min(len, prefix.length - at);
                System.arraycopy(prefix, at, b, off, n);
                at += n;
                return n;
            }
            return in.read(b, off, len);
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
