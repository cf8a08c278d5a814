package io.github.detective4j.graph;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The framing of the store's files ({@code FORMAT.md}): an 8-byte magic, the format version, then sections of
 * {@code kind, length, payload, CRC32C}. Writing frames a payload; reading checks each frame's checksum and tells a
 * torn tail (the file ends inside the last frame, or its checksum fails) from damage further in.
 */
final class Sections {
    /** The format version this library writes, and the newest it reads. */
    static final int VERSION = 1;
    static final byte[] SNAPSHOT_MAGIC = "D4JSNAP\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEGMENT_MAGIC = "D4JSEGM\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 'H';
    static final int EVENTS = 'E';
    static final int END = 'Z';
    /** Bytes before the first section: magic and version. */
    static final int PREAMBLE = 12;
    /** Bytes a frame adds to its payload: kind, length, checksum. */
    static final int FRAME = 9;

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

    /** Writes one frame: kind, payload length, payload, and the CRC32C of all three. */
    static void writeSection(DataOutputStream out, int kind, Payload payload) throws IOException {
        int length = payload.size();
        out.writeByte(kind);
        out.writeInt(length);
        out.write(payload.bytes(), 0, length);
        out.writeInt(checksum(kind, payload.bytes(), length));
    }

    /** The CRC32C of a frame's kind, length (big-endian, as written) and payload. */
    private static int checksum(int kind, byte[] payload, int length) {
        CRC32C crc = new CRC32C();
        crc.update(kind);
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload, 0, length);
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
            try {
                byte[] found = new byte[magic.length];
                in.readFully(found);
                if (!Arrays.equals(found, magic)) {
                    throw new StoreFormatException(file + ": not a detective4j "
                            + (magic == SNAPSHOT_MAGIC ? "snapshot" : "segment") + " (bad magic)");
                }
                int version = in.readInt();
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

        /** The next section, or null at the end of the file or at a torn tail. */
        Section next() throws IOException {
            if (position == size || torn) {
                return null;
            }
            int sectionNumber = ++number;
            if (size - position < FRAME) {
                return torn("frame header", sectionNumber);
            }
            int kind = in.readUnsignedByte();
            int length = in.readInt();
            if (length < 0 || length > size - position - FRAME) {
                return torn("payload of " + length + " bytes", sectionNumber);
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            int stored = in.readInt();
            long end = position + FRAME + length;
            if (checksum(kind, payload, length) != stored) {
                if (end == size) {
                    return torn("checksum", sectionNumber);
                }
                throw new StoreFormatException(file + ": section " + sectionNumber + " (" + (char) kind
                        + ") at byte " + position + " is corrupt: its CRC32C does not match");
            }
            position = end;
            return new Section(kind, payload, sectionNumber, end);
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
