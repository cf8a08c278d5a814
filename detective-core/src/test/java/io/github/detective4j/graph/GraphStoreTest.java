package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.model.Severity;
import io.github.detective4j.model.SeverityLabel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphStoreTest {
    /** After the workload's 60 days, well inside the default retention. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static GraphStore.Builder store(Path dir) {
        return GraphStore.builder(dir).clock(CLOCK);
    }

    @Test
    void restoreEqualsTheGraphOfTheSameEvents() throws IOException {
        List<SecurityEvent> events = ConcurrentIngestTest.workload(new Random(20261201L));
        BehaviorGraph expected = BehaviorGraph.create();
        expected.ingestAll(events);
        String archived = expected.findings().get(3).id();
        expected.archive(archived);
        try (GraphStore store = store(dir).open()) {
            int half = events.size() / 2;
            for (int i = 0; i < half; i += 700) {
                store.acceptAll(events.subList(i, Math.min(half, i + 700)));
                store.commit();
            }
            store.snapshot();
            events.subList(half, events.size()).forEach(store::accept);
            store.graph().archive(archived);
        }
        try (GraphStore restored = store(dir).open()) {
            SameGraph.assertSame(expected, restored.graph(), ConcurrentIngestTest.SCOPE, true);
            assertTrue(restored.graph().finding(archived).orElseThrow().archived());
        }
    }

    @Test
    void aSnapshotAfterEveryFewEventsKeepsEverything() throws IOException {
        List<SecurityEvent> events = ConcurrentIngestTest.workload(new Random(5)).subList(0, 10_000);
        try (GraphStore store = store(dir).snapshotAfter(3_000).open()) {
            for (int i = 0; i < events.size(); i += 1_000) {
                store.acceptAll(events.subList(i, i + 1_000));
                store.commit();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("lock", "segment-3.d4j", "snapshot.d4j"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        BehaviorGraph expected = BehaviorGraph.create();
        expected.ingestAll(events);
        try (GraphStore restored = store(dir).open()) {
            SameGraph.assertSame(expected, restored.graph(), ConcurrentIngestTest.SCOPE, true);
        }
    }

    /** The restored segment's committed events count towards the next snapshot; the restored snapshot's do not. */
    @Test
    void aRestoredSegmentCountsTowardsTheNextSnapshot() throws IOException {
        List<SecurityEvent> events = ConcurrentIngestTest.workload(new Random(7)).subList(0, 6_000);
        try (GraphStore store = store(dir).snapshotAfter(3_000).open()) {
            store.acceptAll(events.subList(0, 2_000));
        }
        try (GraphStore store = store(dir).snapshotAfter(3_000).open()) {
            store.acceptAll(events.subList(2_000, 2_999));
            store.commit();
            assertTrue(Files.exists(dir.resolve("segment-0.d4j")), "2,999 events: no snapshot yet");
            store.accept(events.get(2_999));
            store.commit();
            assertTrue(Files.exists(dir.resolve("segment-1.d4j")), "3,000 events in the segment: a snapshot");
        }
        try (GraphStore store = store(dir).snapshotAfter(3_000).open()) {
            store.acceptAll(events.subList(3_000, 5_999));
            store.commit();
            assertTrue(Files.exists(dir.resolve("segment-1.d4j")), "the snapshot's events do not count");
        }
        BehaviorGraph expected = BehaviorGraph.create();
        expected.ingestAll(events.subList(0, 5_999));
        try (GraphStore restored = store(dir).open()) {
            SameGraph.assertSame(expected, restored.graph(), ConcurrentIngestTest.SCOPE, true);
        }
    }

    @Test
    void everyFieldOfEveryEventTypeReadsBackEqual() throws IOException {
        Principal session = Principal.builder(PrincipalType.ASSUMED_ROLE)
                .principalId(Events.ROLE_ID + ":bob@example.com").arn("arn:aws:sts::111122223333:assumed-role/x/b")
                .accountId(Events.ACCOUNT).accessKeyId("ASIAIOSFODNN7EXAMPLE")
                .sessionIssuer(new Principal.SessionIssuer("Role", Events.ROLE_ID, "arn:aws:iam::1:role/x",
                        Events.ACCOUNT, "x"))
                .identityProvider("accounts.google.com").invokedBy("cloudformation.amazonaws.com")
                .mfaAuthenticated(false).build();
        ApiCall call = new ApiCall(Instant.parse("2026-11-02T03:04:05.123456789Z"), "8f1c-4a", Events.ACCOUNT,
                "eu-west-1", session, "2001:db8::1", null, "Mozilla/5.0 \ud83d\ude00 \ud800 unpaired " + "x".repeat(70_000),
                "ec2.amazonaws.com", "RunInstances", "Client.UnauthorizedOperation", "You are not authorized",
                "AwsApiCall", Boolean.FALSE, List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0abc1234", null,
                        AwsResource.Action.CREATED), new AwsResource(AwsResource.S3_BUCKET, "logs",
                        "arn:aws:s3:::logs", AwsResource.Action.TOUCHED)));
        ApiCall bare = Events.call(Events.alice(), Events.hours(1), "GetUser", null);
        NetworkFlow noData = NetworkFlow.builder().version(2).interfaceId("eni-1").window(Events.hours(2),
                Events.hours(3)).logStatus(FlowLogStatus.NODATA).build();
        NetworkFlow flow = Events.flow("i-0abc1234", Events.hours(4), "10.0.0.1", 443, "198.51.100.7", 55_000,
                FlowDirection.INBOUND, 9_000_000_000L);
        Finding finding = new Finding("c2b98b95c5440025c05b405065ed3bb9", "arn:aws:guardduty:us-east-1:1:x",
                "GuardDuty", "Recon:EC2/PortProbeUnprotectedPort", "title", "description",
                new Severity(5.5, SeverityLabel.MEDIUM), Events.hours(5), Events.hours(7), Events.hours(5), null, 12,
                Events.ACCOUNT, "us-east-1", List.of(new AwsResource(AwsResource.EC2_INSTANCE, "i-0abc1234", null,
                        AwsResource.Action.TOUCHED)),
                List.of(EntityRef.ec2Instance("i-0abc1234"), EntityRef.ipAddress("198.51.100.7")), true);
        List<SecurityEvent> events = List.of(call, bare, noData, flow, finding, call, flow);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        EventCodec.Writer writer = new EventCodec.Writer(out);
        for (SecurityEvent e : events) {
            writer.write(e);
        }
        out.writeByte(EventCodec.END);
        EventCodec.Reader reader = new EventCodec.Reader(new DataInputStream(
                new ByteArrayInputStream(bytes.toByteArray())));
        List<SecurityEvent> read = new ArrayList<>();
        SecurityEvent e;
        while ((e = reader.read()) != null) {
            read.add(e);
        }
        assertEquals(events, read);
        assertEquals(FlowAction.ACCEPT, ((NetworkFlow) read.get(3)).action());
    }

    @Test
    void aFormatVersionFromTheFutureIsRefusedNamingTheFileAndBothVersions() throws IOException {
        writeSnapshot();
        Path snapshot = dir.resolve(GraphStore.SNAPSHOT);
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.seek(8);
            file.writeInt(Sections.VERSION + 1);
        }
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertEquals(snapshot + ": format version " + (Sections.VERSION + 1) + " is newer than this library's "
                + Sections.VERSION + "; open it with a newer detective4j", e.getMessage());
        // The refusal released the directory: fixing the file is enough.
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.seek(8);
            file.writeInt(Sections.VERSION);
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(2_000, store.graph().stats().apiCalls());
        }
    }

    @Test
    void aCorruptSectionIsAnErrorNamingTheFileAndSection() throws IOException {
        writeSnapshot();
        Path snapshot = dir.resolve(GraphStore.SNAPSHOT);
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            long at = file.length() / 2; // inside the events section, far from its frame
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x10);
        }
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(e.getMessage().startsWith(snapshot + ": section 2 (E) at byte "), e.getMessage());
        assertTrue(e.getMessage().endsWith("is corrupt: its CRC32C does not match"), e.getMessage());
    }

    @Test
    void aTruncatedSnapshotIsAnError() throws IOException {
        writeSnapshot();
        Path snapshot = dir.resolve(GraphStore.SNAPSHOT);
        try (RandomAccessFile file = new RandomAccessFile(snapshot.toFile(), "rw")) {
            file.setLength(file.length() - 20);
        }
        IOException e = assertThrows(IOException.class, () -> store(dir).open());
        assertTrue(e.getMessage().contains("is cut short"), e.getMessage());
    }

    @Test
    void aTornSegmentTailIsCutOffAndTheLastCompleteCommitStays() throws IOException {
        List<SecurityEvent> events = ConcurrentIngestTest.workload(new Random(9)).subList(0, 3_000);
        try (GraphStore store = store(dir).open()) {
            store.acceptAll(events.subList(0, 1_000));
            store.commit();
            store.acceptAll(events.subList(1_000, 3_000));
        }
        Path segment = dir.resolve("segment-0.d4j");
        long whole = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(whole - 3); // the second commit's last frame loses its checksum
        }
        BehaviorGraph first = BehaviorGraph.create();
        first.ingestAll(events.subList(0, 1_000));
        try (GraphStore store = store(dir).open()) {
            SameGraph.assertSame(first, store.graph(), ConcurrentIngestTest.SCOPE, true);
            assertTrue(Files.size(segment) < whole - 3, "the torn commit was cut off");
            store.acceptAll(events.subList(1_000, 3_000)); // appended after the good part
        }
        BehaviorGraph all = BehaviorGraph.create();
        all.ingestAll(events);
        try (GraphStore store = store(dir).open()) {
            SameGraph.assertSame(all, store.graph(), ConcurrentIngestTest.SCOPE, true);
        }
    }

    @Test
    void aSegmentCutInsideItsPreambleHoldsNothing() throws IOException {
        writeSnapshot();
        Path segment = dir.resolve("segment-1.d4j");
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(5); // a crash right after the snapshot created it
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(2_000, store.graph().stats().apiCalls());
            store.accept(Events.call(Events.alice(), Events.hours(3_000), "GetUser", "203.0.113.1"));
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(2_001, store.graph().stats().apiCalls());
        }
    }

    @Test
    void aCommitOfSeveralSectionsIsAllOrNothing() throws IOException {
        int events = GraphStore.SEGMENT_SECTION_EVENTS * 2 + 10;
        List<SecurityEvent> workload = ConcurrentIngestTest.workload(new Random(11)).subList(0, events + 100);
        try (GraphStore store = store(dir).open()) {
            store.acceptAll(workload.subList(0, 100));
            store.commit();
            store.acceptAll(workload.subList(100, 100 + events)); // two full sections reach the file uncommitted
        }
        Path segment = dir.resolve("segment-0.d4j");
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 1);
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(100, store.graph().stats().apiCalls() + store.graph().stats().flows());
        }
    }

    /**
     * A commit is durable once it returns, and only an exception says it is not: a snapshot the commit triggers and
     * cannot write (here its temporary file's name is taken by a directory) is logged and tried again at the next
     * commit, and the store goes on.
     */
    @Test
    void aSnapshotThatFailsAfterADurableCommitDoesNotFailTheCommit() throws IOException {
        Path blocker = Files.createDirectories(dir.resolve("snapshot.d4j.tmp").resolve("in-the-way"));
        try (GraphStore store = store(dir).snapshotAfter(10).open()) {
            for (int i = 0; i < 10; i++) {
                store.accept(Events.call(Events.alice(), Events.hours(i), "GetUser", "203.0.113.1"));
            }
            store.commit();
            assertFalse(Files.exists(dir.resolve("snapshot.d4j")), "the snapshot could not be written");
            Files.delete(blocker);
            Files.delete(blocker.getParent());
            store.accept(Events.call(Events.alice(), Events.hours(11), "GetUser", "203.0.113.1"));
            store.commit();
            assertTrue(Files.exists(dir.resolve("snapshot.d4j")), "tried again at the next commit");
        }
        try (GraphStore store = store(dir).open()) {
            assertEquals(11, store.graph().stats().apiCalls(), "each event once");
        }
    }

    /**
     * A second open in the same process is refused before it touches the lock file: closing any channel on a file
     * releases every lock the process holds on it, so a failed second open used to leave the first store unlocked,
     * and another process could then open the directory too.
     */
    @Test
    void oneStorePerDirectory() throws Exception {
        try (GraphStore store = store(dir).open()) {
            IOException e = assertThrows(IOException.class, () -> store(dir).open());
            assertEquals(dir + " is open in another graph store of this process", e.getMessage());
            assertFalse(store.graph().stats().apiCalls() > 0);
            assertEquals("refused: " + dir + " is open in another graph store", openInAnotherProcess(dir),
                    "the first store still holds the directory's lock");
        }
        assertEquals("opened", openInAnotherProcess(dir), "closing released it");
        try (GraphStore again = store(dir).open()) {
            assertFalse(again.graph().stats().apiCalls() > 0, "and this process may open it again");
        }
    }

    /** Opens a store on a directory in a child JVM and closes it; returns what happened. */
    private static String openInAnotherProcess(Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TryOpen.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        return out.strip();
    }

    /** The child of {@link #openInAnotherProcess}: prints {@code opened}, or {@code refused: } and why. */
    public static final class TryOpen {
        private TryOpen() {}

        /**
         * Opens and closes a store.
         *
         * @param args the directory
         */
        public static void main(String[] args) {
            try (GraphStore store = GraphStore.builder(Path.of(args[0])).open()) {
                System.out.println("opened");
            } catch (IOException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    private void writeSnapshot() throws IOException {
        try (GraphStore store = store(dir).open()) {
            for (int i = 0; i < 2_000; i++) {
                store.accept(Events.call(Events.alice(), Events.hours(i), "GetUser", "203.0.113." + (i % 200)));
            }
            store.snapshot();
        }
    }
}
