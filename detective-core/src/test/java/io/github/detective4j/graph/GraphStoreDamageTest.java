package io.github.detective4j.graph;

import static io.github.detective4j.graph.GraphStoreTest.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store does with files it did not leave as they are: a snapshot put back from a backup or deleted, files of
 * others in its directory, sections that pass their checksum yet hold what no writer writes. Each is an error that
 * names the file, or is left alone; none loses a commit or allocates what the file does not hold.
 */
class GraphStoreDamageTest {
    @TempDir
    Path dir;
    @TempDir
    Path backups;

    private void commit(int from, int count) throws IOException {
        try (GraphStore store = store(dir).open()) {
            for (int i = from; i < from + count; i++) {
                store.accept(Events.call(Events.alice(), Events.hours(i), "GetUser", "203.0.113." + (i % 200)));
            }
        }
    }

    private void snapshot() throws IOException {
        try (GraphStore store = store(dir).open()) {
            store.snapshot();
        }
    }

    @Test
    void aSnapshotMissingOrOlderThanTheNewestSegmentIsRefusedAndNothingIsDeleted() throws IOException {
        commit(0, 100);
        snapshot(); // generation 1
        Path first = Files.copy(dir.resolve(GraphStore.SNAPSHOT), backups.resolve("snapshot-1"),
                StandardCopyOption.REPLACE_EXISTING);
        commit(100, 10);
        snapshot(); // generation 2
        commit(110, 5); // in segment-2
        Path snapshot = dir.resolve(GraphStore.SNAPSHOT);
        Path newest = dir.resolve("segment-2.d4j");
        Path current = Files.move(snapshot, backups.resolve("snapshot-2"),
                StandardCopyOption.REPLACE_EXISTING);

        IOException missing = assertThrows(IOException.class, () -> store(dir).open());
        assertEquals(newest + " is newer than any snapshot: " + snapshot + " is missing; the snapshot is not the one"
                + " written last, so opening would lose the segment's commits. Put the snapshot of generation 2 back,"
                + " or move the newer segments away to open what the snapshot holds", missing.getMessage());
        assertTrue(Files.exists(newest), "the newest commits are kept");

        Files.copy(first, snapshot);
        IOException older = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(older.getMessage().startsWith(newest + " is newer than " + snapshot + " (generation 1); "),
                older.getMessage());
        assertTrue(Files.exists(newest));

        Files.move(current, snapshot, StandardCopyOption.REPLACE_EXISTING);
        try (GraphStore store = store(dir).open()) {
            assertEquals(115, store.graph().stats().apiCalls(), "every commit, once the right snapshot is back");
        }
    }

    @Test
    void filesThatAreNotTheStoresAreLeftAlone() throws IOException {
        List<Path> others = List.of(dir.resolve("segment-notes.txt"), dir.resolve("export.tmp"),
                dir.resolve("segment-01.d4j"), dir.resolve("segment-0.d4j.bak"));
        for (Path other : others) {
            Files.writeString(other, "mine");
        }
        Files.createDirectory(dir.resolve("segment-7.d4j")); // a directory is never a segment
        Files.writeString(Files.createDirectory(dir.resolve("segment-archive")).resolve("old"), "mine");
        commit(0, 100);
        snapshot();
        commit(100, 1);
        try (GraphStore store = store(dir).open()) {
            assertEquals(101, store.graph().stats().apiCalls());
        }
        for (Path other : others) {
            assertEquals("mine", Files.readString(other), other::toString);
        }
        assertTrue(Files.isDirectory(dir.resolve("segment-7.d4j")));
        assertTrue(Files.exists(dir.resolve("segment-archive").resolve("old")));
        assertTrue(Files.notExists(dir.resolve("segment-0.d4j")), "the store's own stale segment is deleted");
    }

    @Test
    void aDirectoryWhereTheSnapshotBelongsIsAnErrorNamingIt() throws IOException {
        Files.createDirectory(dir.resolve(GraphStore.SNAPSHOT));
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertEquals(dir.resolve(GraphStore.SNAPSHOT) + " is not a regular file", e.getMessage());
    }

    @Test
    void whatFollowsTheSnapshotsEndIsAnError() throws IOException {
        commit(0, 100);
        snapshot();
        Path snapshot = dir.resolve(GraphStore.SNAPSHOT);
        byte[] whole = Files.readAllBytes(snapshot);
        // its own end section again: a frame whose checksum holds
        byte[] end = Arrays.copyOfRange(whole, whole.length - Sections.FRAME - Long.BYTES, whole.length);
        Files.write(snapshot, end, StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(e.getMessage().startsWith(snapshot + ": holds a section after its end (section "),
                e.getMessage());

        Files.write(snapshot, whole);
        Files.write(snapshot, "junk".getBytes(java.nio.charset.StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        IOException junk = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(junk.getMessage().startsWith(snapshot + ": section "), junk.getMessage());
    }

    /**
     * One flipped bit in a length: version 1 took the length past the file's end for a torn tail, and cut every
     * later commit off the file. The header's own checksum makes it damage, and the file is left as it is.
     */
    @Test
    void aDamagedLengthIsAnErrorNotATornTail() throws IOException {
        commit(0, 100);
        commit(100, 100);
        commit(200, 100);
        Path segment = dir.resolve("segment-0.d4j");
        byte[] whole = Files.readAllBytes(segment);
        int events = Sections.PREAMBLE + Sections.FRAME + Long.BYTES; // the first E section, after H
        for (int at : new int[] {Sections.PREAMBLE + 2, events + 2}) {
            byte[] flipped = whole.clone();
            flipped[at] ^= 0x10;
            Files.write(segment, flipped);
            IOException e = assertThrows(IOException.class, () -> store(dir).open());
            int section = at < events ? 1 : 2;
            assertEquals(segment + ": section " + section + " at byte " + (at - 2) + " is corrupt: the CRC32C of its"
                    + " kind and length does not match", e.getMessage());
            assertTrue(Arrays.equals(flipped, Files.readAllBytes(segment)), "nothing cut off the file");
        }
        Files.write(segment, whole);
        try (GraphStore store = store(dir).open()) {
            assertEquals(300, store.graph().stats().apiCalls());
        }
    }

    /**
     * A power loss can leave a file whose size reached the disk and whose last bytes did not: zeros where the
     * unfinished commit's sections were, or a new segment of nothing but zeros. No committed section is all zeros,
     * so such a tail is a torn one, cut off; zeros followed by anything else are still damage.
     */
    @Test
    void zerosToTheEndOfASegmentAreATornTail() throws IOException {
        commit(0, 100);
        commit(100, 100);
        Path segment = dir.resolve("segment-0.d4j");
        byte[] whole = Files.readAllBytes(segment);
        byte[] zeroTail = Arrays.copyOf(whole, whole.length + 5_000);
        Files.write(segment, zeroTail);
        try (GraphStore store = store(dir).open()) {
            assertEquals(200, store.graph().stats().apiCalls());
        }
        assertEquals(whole.length, Files.size(segment), "the zeros were cut off");

        byte[] notOnlyZeros = Arrays.copyOf(whole, whole.length + 5_000);
        notOnlyZeros[notOnlyZeros.length - 1] = 1;
        Files.write(segment, notOnlyZeros);
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
        Files.write(segment, whole);

        snapshot(); // generation 1, and an empty segment-1
        Path fresh = dir.resolve("segment-1.d4j");
        Files.write(fresh, new byte[(int) Files.size(fresh)]); // its preamble's size on disk, its bytes not
        try (GraphStore store = store(dir).open()) {
            assertEquals(200, store.graph().stats().apiCalls());
            store.accept(Events.call(Events.alice(), Events.hours(300), "GetUser", "203.0.113.9"));
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(201, store.graph().stats().apiCalls(), "the rewritten segment takes commits");
        }
    }

    /** A store of format version 1 opens, and its segment goes on in its own framing until the next snapshot. */
    @Test
    void aVersion1StoreOpensAndItsSegmentKeepsItsFraming() throws IOException {
        Path segment = dir.resolve("segment-0.d4j");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(segment))) {
            out.write(Sections.SEGMENT_MAGIC);
            out.writeInt(Sections.VERSION_1);
            Sections.Payload header = new Sections.Payload(8);
            header.data.writeLong(0);
            Sections.writeSection(out, Sections.VERSION_1, Sections.HEADER, header);
            Sections.Payload events = new Sections.Payload(256);
            events.data.writeByte(1); // ends a commit
            EventCodec.Writer writer = new EventCodec.Writer(events.data);
            for (int i = 0; i < 3; i++) {
                writer.write(Events.call(Events.alice(), Events.hours(i), "GetUser", "203.0.113.1"));
            }
            GraphStore.finishPayload(writer, events.data, java.util.Map.of());
            Sections.writeSection(out, Sections.VERSION_1, Sections.EVENTS, events);
        }
        commit(3, 2); // opens the version 1 segment, appends a commit to it
        try (DataInputStream in = new DataInputStream(Files.newInputStream(segment))) {
            in.skipNBytes(Sections.SEGMENT_MAGIC.length);
            assertEquals(Sections.VERSION_1, in.readInt());
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(5, store.graph().stats().apiCalls());
            store.snapshot(); // written in the current version, with a new segment
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(5, store.graph().stats().apiCalls());
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve(GraphStore.SNAPSHOT)))) {
            in.skipNBytes(Sections.SNAPSHOT_MAGIC.length);
            assertEquals(Sections.VERSION, in.readInt());
        }
    }

    /** A crafted string length of 1 GiB in a payload of a few bytes is refused before anything is allocated. */
    @Test
    void aLengthLargerThanTheSectionIsRefusedBeforeItIsAllocated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(EventCodec.API_CALL);
        out.writeLong(1_700_000_000L); // eventTime
        EventCodec.varLong(out, 0);
        EventCodec.varLong(out, 1); // a new string: eventId
        EventCodec.varLong(out, (1L << 30) << 1); // of 2^30 UTF-8 bytes
        out.write(new byte[16]);
        EventCodec.Reader reader = new EventCodec.Reader(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, reader::read);
        assertEquals("length 1073741824 is larger than the 16 bytes left in the section", e.getMessage());
    }

    /** A section whose checksum holds but whose time no instant has: an error naming the file and section. */
    @Test
    void aFieldNoEventCanHaveIsAnErrorNamingTheSection() throws IOException {
        Path segment = dir.resolve("segment-0.d4j");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(segment))) {
            Sections.writePreamble(out, Sections.SEGMENT_MAGIC);
            Sections.Payload header = new Sections.Payload(8);
            header.data.writeLong(0);
            Sections.writeSection(out, Sections.HEADER, header);
            Sections.Payload events = new Sections.Payload(32);
            events.data.writeByte(1); // ends a commit
            events.data.writeByte(EventCodec.API_CALL);
            events.data.writeLong(Long.MAX_VALUE); // seconds past any Instant
            EventCodec.varLong(events.data, 0);
            Sections.writeSection(out, Sections.EVENTS, events);
        }
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertEquals(segment + ": section 2 (E) does not decode: Instant exceeds minimum or maximum instant",
                e.getMessage());
    }

    /** The graph refuses an event of year 300,000, the store keeps it: retention must not take it for an old one. */
    @Test
    void anEventPastTheYearsTheGraphTakesIsKeptAcrossARestart() throws IOException {
        ApiCall far = Events.call(Events.alice(), Instant.parse("+300000-01-01T00:00:00Z"), "GetUser", "203.0.113.9");
        try (GraphStore store = store(dir).open()) {
            store.accept(Events.call(Events.alice(), Events.hours(1), "GetUser", "203.0.113.9"));
            store.accept(far);
            assertEquals(1, store.graph().stats().refusedEvents());
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(1, store.graph().stats().refusedEvents());
            store.snapshot();
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(1, store.graph().stats().refusedEvents(), "the snapshot kept it too");
            assertEquals(1, store.graph().stats().apiCalls());
        }
    }
}
