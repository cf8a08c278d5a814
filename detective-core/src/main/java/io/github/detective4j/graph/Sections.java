package io.github.detective4j.graph;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The framing of the store's files ({@code FORMAT.md}): an 8-byte magic, the format version, then sections of
 * {@code kind, length, header CRC32C, payload, CRC32C} (version 1 had no header checksum). Writing frames a payload;
 * reading checks each frame's checksums and tells a torn tail (the file ends inside the last frame, or its checksum
 * fails) from damage further in: with the header's own checksum, a damaged length is damage, where version 1 could
 * only take a length past the file's end for a torn tail and drop every commit after it.
 */
final class Sections {
    /** The format version this library writes, and the newest it reads. */
    static final int VERSION = 2;
    /** The version without a header checksum, still read, and appended to in its own framing. */
    static final int VERSION_1 = 1;
    static final byte[] SNAPSHOT_MAGIC = "D4JSNAP\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEGMENT_MAGIC = "D4JSEGM\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 'H';
    static final int EVENTS = 'E';
    static final int END = 'Z';
    /** Bytes before the first section: magic and version. */
    static final int PREAMBLE = 12;
    /** Bytes a frame adds to its payload: kind, length, header checksum, checksum. */
    static final int FRAME = 13;

    private Sections() {}

    /** A growable payload buffer whose bytes can be framed without a copy. */
    static final class Payload extends ByteArrayOutputStream {
        final DataOutputStream data = new DataOutputStream(this);

        Payload(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }

    static void writePreamble(DataOutputStream out, byte[] magic) throws IOException {
        out.write(magic);
        out.writeInt(VERSION);
    }

    /** Writes one frame of the current version: kind, length, their CRC32C, payload, and the CRC32C of all. */
    static void writeSection(DataOutputStream out, int kind, Payload payload) throws IOException {
        writeSection(out, VERSION, kind, payload);
    }

    /** Writes one frame in the framing of a version: to append to a file of an older one. */
    static void writeSection(DataOutputStream out, int version, int kind, Payload payload) throws IOException {
        int length = payload.size();
        out.writeByte(kind);
        out.writeInt(length);
        if (version > VERSION_1) {
            out.writeInt(checksum(kind, payload.bytes(), length, false));
        }
        out.write(payload.bytes(), 0, length);
        out.writeInt(checksum(kind, payload.bytes(), length, true));
    }

    /** The CRC32C of a frame's kind and length (big-endian, as written), and of its payload with them. */
    private static int checksum(int kind, byte[] payload, int length, boolean withPayload) {
        CRC32C crc = new CRC32C();
        crc.update(kind);
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        if (withPayload) {
            crc.update(payload, 0, length);
        }
        return (int) crc.getValue();
    }

    /** One section as read: its kind, verified payload, its number in the file (from 1) and where it ends. */
    record Section(int kind, byte[] payload, int number, long end) {
        DataInputStream input() {
            return new DataInputStream(new ByteArrayInputStream(payload));
        }

        String name() {
            return "section " + number + " (" + (char) kind + ")";
        }
    }

    /**
     * Reads a file's sections in order. For a file that may have a torn tail (a segment), {@link #next} returns null
     * at a torn last frame (the good part ends where the last section returned does); for one that may not (a
     * snapshot), a torn frame is an error.
     */
    static final class Reader implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final DataInputStream in;
        private final long size;
        private final boolean tornTailAllowed;
        private long position = PREAMBLE;
        private int number;
        private boolean torn;
        private int version = VERSION;

        Reader(Path file, byte[] magic, boolean tornTailAllowed) throws IOException {
            this.file = file;
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            this.size = channel.size();
            this.tornTailAllowed = tornTailAllowed;
            if (tornTailAllowed && size < PREAMBLE) {
                torn = true; // created, then a crash before its first bytes reached the disk: it holds nothing
                return;
            }
            if (tornTailAllowed && zerosToEnd(0)) {
                torn = true; // its size reached the disk but none of its bytes did (a power loss): it holds nothing
                return;
            }
            try {
                byte[] found = new byte[magic.length];
                in.readFully(found);
                if (!Arrays.equals(found, magic)) {
                    throw new StoreFormatException(file + ": not a detective4j "
                            + (magic == SNAPSHOT_MAGIC ? "snapshot" : "segment") + " (bad magic)");
                }
                version = in.readInt();
                if (version > VERSION) {
                    throw new StoreFormatException(file + ": format version " + version
                            + " is newer than this library's " + VERSION + "; open it with a newer detective4j");
                }
                if (version < 1) {
                    throw new StoreFormatException(file + ": bad format version " + version);
                }
            } catch (EOFException e) {
                close();
                throw new StoreFormatException(file + ": shorter than its preamble (" + size + " bytes)", e);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** The file's format version: its frames' layout, and the one to append to it in. */
        int version() {
            return version;
        }

        /** The next section, or null at the end of the file or at a torn tail. */
        Section next() throws IOException {
            if (position == size || torn) {
                return null;
            }
            int sectionNumber = ++number;
            int frame = version > VERSION_1 ? FRAME : FRAME - Integer.BYTES;
            if (size - position < frame) {
                return torn("frame header", sectionNumber);
            }
            int kind = in.readUnsignedByte();
            int length = in.readInt();
            if (version > VERSION_1 && checksum(kind, null, length, false) != in.readInt()) {
                if (tornTailAllowed && zerosToEnd(position)) {
                    // Nothing but zeros from here on: the file's size reached the disk and the data did not (a power
                    // loss during the last write). No committed section is all zeros, so nothing committed is lost.
                    return torn("zeros where a section's header belongs", sectionNumber);
                }
                // The length cannot be trusted, so neither can a torn tail be told by it: a header is written
                // whole before its payload, and one that is whole and wrong is damage wherever it stands.
                throw new StoreFormatException(file + ": section " + sectionNumber + " at byte " + position
                        + " is corrupt: the CRC32C of its kind and length does not match");
            }
            if (length < 0 || length > size - position - frame) {
                return torn("payload of " + length + " bytes", sectionNumber);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            int stored = in.readInt();
            long end = position + frame + length;
            if (checksum(kind, payload, length, true) != stored) {
                if (end == size) {
                    return torn("checksum", sectionNumber);
                }
                throw new StoreFormatException(file + ": section " + sectionNumber + " (" + (char) kind
                        + ") at byte " + position + " is corrupt: its CRC32C does not match");
            }
            position = end;
            return new Section(kind, payload, sectionNumber, end);
        }

        /** Whether every byte of the file from {@code from} to its end is zero; reads without moving the stream. */
        private boolean zerosToEnd(long from) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            for (long at = from; at < size; ) {
                buffer.clear();
                int n = channel.read(buffer, at);
                if (n < 0) {
                    return true;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) != 0) {
                        return false;
                    }
                }
                at += n;
            }
            return true;
        }

        private Section torn(String what, int sectionNumber) throws StoreFormatException {
            if (!tornTailAllowed) {
                throw new StoreFormatException(file + ": section " + sectionNumber + " at byte " + position
                        + " is cut short (" + what + "); the file is truncated");
            }
            torn = true;
            return null;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Signals a store file this library cannot read: damaged, from a newer version, or not one of its files. */
    static final class StoreFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        StoreFormatException(String message) {
            super(message);
        }

        StoreFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
