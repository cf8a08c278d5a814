package io.github.detective4j.graph;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.SecurityEvent;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BehaviorGraph} kept in a directory, so that a restart loses none of its baselines: events go to the graph
 * and to an append-only segment log; {@link #commit()} makes them durable; {@link #snapshot()} compacts the log into
 * a new full snapshot and applies retention; {@link Builder#open()} restores the graph from the snapshot and the
 * segment's committed records. The format, and exactly what survives a crash, are in {@code FORMAT.md} next to this
 * class.
 *
 * <pre>{@code
 * try (GraphStore store = GraphStore.builder(Path.of("/var/lib/detective"))
 *         .graph(BehaviorGraph.builder().baselineDays(45))
 *         .retentionDays(365)
 *         .open()) {                               // restores what the directory holds
 *     BehaviorGraph graph = store.graph();         // query it as any graph
 *     reader.read(file, store);                    // the store is the EventSink: ingest through it
 *     store.commit();                              // durable from here on; then save the reader's checkpoint
 * }                                                // close commits
 * }</pre>
 *
 * <h2>What a restart guarantees</h2>
 * The restored graph is built from exactly the events of the commits that completed (returned) before the crash, in
 * order, and possibly the one that was being written when it came: a commit is all or nothing, never part. It then
 * equals, profile for profile, a graph given the same events with the same builder settings. Archive states set with
 * {@link BehaviorGraph#archive} are saved by the next commit. Investigation states are not saved.
 *
 * <h2>Retention</h2>
 * Events older than the retention period (default 365 days, counted back from the clock's current hour) are left out
 * on restore and dropped from memory and disk by the next snapshot: the graph is rebuilt from the events it keeps, so
 * first and last seen, counts and series all mean "within the retained events". An API call is as old as its time, a
 * flow record as its capture window's start, a finding as its last observation.
 *
 * <h2>Thread safety</h2>
 * Safe for many threads: ingestion, commits and snapshots through the store are serialized by its lock, so they
 * reach the graph and the log in one order; queries go to {@link #graph()} and run while the store writes, except
 * for the moment a snapshot that dropped hours swaps the rebuilt graph in. Ingest only through the store: events given
 * to the graph directly are not saved. One process at a time may open a directory (a file lock says so).
 */
public final class GraphStore implements EventSink, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);
    /** The directories open in a store of this process, by real path. */
    private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();
    static final String SNAPSHOT = "snapshot.d4j";
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".d4j";
    private static final String TEMPORARY = ".tmp";
    /** A name {@link #segmentPath} makes: the number without leading zeros. */
    private static final Pattern SEGMENT_NAME = Pattern.compile(Pattern.quote(SEGMENT_PREFIX)
            + "(0|[1-9][0-9]{0,18})" + Pattern.quote(SEGMENT_SUFFIX));
    /** Events per segment section: a commit of more is written as several, the last marked as ending it. */
    static final int SEGMENT_SECTION_EVENTS = 4_096;
    /** Events per snapshot section: larger, since each has its own string table. */
    static final int SNAPSHOT_SECTION_EVENTS = 32_768;

    private final Path directory;
    private final Duration retention;
    private final long compactAfter;
    private final Clock clock;
    private final BehaviorGraph graph;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** The directory's real path, as {@link #OPEN_HERE} holds it while this store is open. */
    private final Path openDirectory;
    private long generation;
    private FileChannel segment;
    private DataOutputStream segmentOut;
    /** The format version of the segment being appended to: a segment of an older one keeps its framing. */
    private int segmentVersion = Sections.VERSION;
    private Sections.Payload pending;
    private EventCodec.Writer pendingWriter;
    private int pendingEvents;
    /** Whether sections of the commit in progress are already in the segment. */
    private boolean uncommittedSections;
    private long segmentEvents;
    /**
     * The oldest {@linkplain #hourOf retention hour} among the events the graph holds, {@link Integer#MAX_VALUE} when
     * none: a snapshot rebuilds the graph only when this is before the cutoff. The graph's own first event cannot
     * tell, since it counts a finding from its first observation while retention judges it by its last, so a
     * long-running finding would make every snapshot rebuild although nothing is dropped. Guarded by this.
     */
    private int oldestHour = Integer.MAX_VALUE;
    private Map<String, Boolean> savedArchiveStates = new HashMap<>();
    private IOException failure;
    private boolean closed;

    private GraphStore(Builder b, FileChannel lockChannel, FileLock lock, Path openDirectory) {
        this.directory = b.directory;
        this.retention = b.retention;
        this.compactAfter = b.compactAfter;
        this.clock = b.clock;
        this.graph = b.graph.build();
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.openDirectory = openDirectory;
    }

    /**
     * Returns a builder for a store in a directory, created if absent.
     *
     * @param directory the directory; holds {@code snapshot.d4j}, {@code segment-<n>.d4j} and a lock file
     * @return a builder with a default graph, 365 days of retention and a snapshot every 1,000,000 events
     */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Returns the graph, restored and kept up to date by this store; query it from any thread.
     *
     * @return the graph
     */
    public BehaviorGraph graph() {
        return graph;
    }

    /**
     * Ingests an event into the graph and appends it to the segment log, durable at the next {@link #commit()}.
     *
     * @param event the event
     * @throws UncheckedIOException if the log cannot be written; the store then refuses further work until reopened
     * @throws IllegalStateException if the store is closed or failed before
     */
    @Override
    public synchronized void accept(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        checkUsable();
        oldestHour = Math.min(oldestHour, hourOf(event));
        graph.accept(event);
        try {
            append(event);
        } catch (IOException e) {
            throw new UncheckedIOException(fail(e));
        }
    }

    /**
     * Ingests a batch, the same as {@link #accept} for each.
     *
     * @param events the events
     * @throws NullPointerException if one of them is null; then none is ingested
     * @throws UncheckedIOException as {@link #accept} says
     */
    @Override
    public synchronized void acceptAll(List<? extends SecurityEvent> events) {
        int oldest = Integer.MAX_VALUE;
        for (SecurityEvent event : events) {
            Objects.requireNonNull(event, "event");
            oldest = Math.min(oldest, hourOf(event));
        }
        checkUsable();
        oldestHour = Math.min(oldestHour, oldest);
        graph.ingestAll(events);
        try {
            for (SecurityEvent event : events) {
                append(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(fail(e));
        }
    }

    /**
     * Makes every event accepted so far, and the graph's archive states, durable: written to the segment and forced
     * to the device before this returns. Takes a snapshot when the segment holds the builder's
     * {@linkplain Builder#snapshotAfter number of events}; a snapshot that fails then (a full disk, say) is logged and
     * tried again at the next commit, since the commit itself is durable: an exception here always means it is not.
     *
     * @throws IOException if the log cannot be written; the store then refuses further work until reopened
     * @throws IllegalStateException if the store is closed or failed before
     */
    public synchronized void commit() throws IOException {
        writeCommit();
        if (segmentEvents >= compactAfter) {
            try {
                snapshot();
            } catch (IOException e) {
                // the commit above is durable: a caller told it failed would ingest its events again
                LOG.warn("{}: the snapshot after a commit failed, and is tried again at the next one: {}", directory,
                        e.toString());
            }
        }
    }

    private void writeCommit() throws IOException {
        checkUsable();
        try {
            Map<String, Boolean> states = graph.archiveStates();
            Map<String, Boolean> changed = new HashMap<>(states);
            changed.entrySet().removeIf(e -> e.getValue().equals(savedArchiveStates.get(e.getKey())));
            if (pendingEvents == 0 && !uncommittedSections && changed.isEmpty()) {
                return;
            }
            writePending(true, changed);
            segmentOut.flush();
            segment.force(false);
            savedArchiveStates = states;
            uncommittedSections = false;
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /**
     * Commits, then writes a new full snapshot of the events the retention period keeps and starts an empty segment:
     * the previous snapshot stays in place, whole, until the new one is complete on disk. When retention dropped
     * anything, the graph is rebuilt from the kept events (queries wait for the swap only).
     *
     * @throws IOException if the snapshot cannot be written; the previous snapshot and segment are then still good,
     *     unless the new snapshot was already in place and the directory could not be forced, after which the store
     *     refuses further work until reopened (the reopen finds which of the two the disk kept)
     * @throws IllegalStateException if the store is closed or failed before
     */
    public synchronized void snapshot() throws IOException {
        writeCommit();
        int cutoff = cutoffHour();
        // Rebuild only when the graph holds an event retention drops now: most snapshots drop nothing.
        GraphData fresh = oldestHour < cutoff ? new GraphData(graph.settings()) : null;
        Map<String, Boolean> states = graph.archiveStates();
        Path snapshot = directory.resolve(SNAPSHOT);
        Path temporary = directory.resolve(SNAPSHOT + TEMPORARY);
        long next = generation + 1;
        long[] kept = new long[1];
        int[] oldestKept = {Integer.MAX_VALUE};
        try {
            writeSnapshot(temporary, next, cutoff, fresh, states, kept, oldestKept);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed); // the write's failure is the one to see
            }
            throw e;
        }
        Files.move(temporary, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try {
            forceDirectory();
        } catch (IOException e) {
            // The rename may or may not last: the state on disk is one snapshot or the other, each whole with its
            // segment, and a reopen finds which. Going on with either in memory could lose commits or write twice.
            throw fail(e);
        }
        // From here the new snapshot is the state; the old segment is stale and ignored by a restore.
        Path old = segmentPath(generation);
        try {
            startSegment(next);
            generation = next;
            Files.deleteIfExists(old);
        } catch (IOException e) {
            throw fail(e);
        }
        if (fresh != null) {
            graph.restore(fresh, Map.of()); // the states move over as they are at the swap
            oldestHour = oldestKept[0]; // the rebuilt graph holds exactly the kept events
            LOG.info("snapshot {}: retention kept {} events, from {} on", next, kept[0],
                    Instant.ofEpochSecond((long) cutoff * GraphData.SECONDS_PER_HOUR));
        }
    }

    /**
     * Writes the new snapshot's file: everything kept of the current snapshot and segment, then the states. Counts
     * the kept events into {@code kept[0]} and their oldest retention hour into {@code oldestKept[0]}.
     */
    private void writeSnapshot(Path temporary, long next, int cutoff, GraphData fresh, Map<String, Boolean> states,
            long[] kept, int[] oldestKept) throws IOException {
        Path snapshot = directory.resolve(SNAPSHOT);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                    1 << 16));
            Sections.writePreamble(out, Sections.SNAPSHOT_MAGIC);
            Sections.Payload header = new Sections.Payload(64);
            header.data.writeLong(next);
            header.data.writeLong(retention.toHours());
            header.data.writeInt(cutoff);
            GraphSettings settings = graph.settings();
            header.data.writeInt(settings.maxRelationships());
            header.data.writeInt(settings.maxDrillDownKeys());
            header.data.writeInt(settings.maxBeaconSamples());
            Sections.writeSection(out, Sections.HEADER, header);
            SectionWriter sections = new SectionWriter(out, SNAPSHOT_SECTION_EVENTS);
            Replay copy = (events, ignoredStates) -> {
                for (SecurityEvent event : events) {
                    int hour = hourOf(event);
                    if (hour >= cutoff) {
                        sections.add(event);
                        kept[0]++;
                        oldestKept[0] = Math.min(oldestKept[0], hour);
                        if (fresh != null) {
                            fresh.ingest(event);
                        }
                    } else if (fresh != null) {
                        fresh.learnInterfacesFrom(event); // what a dropped launch taught stays, in its order
                    }
                }
            };
            if (Files.exists(snapshot)) {
                readSnapshot(snapshot, copy);
            }
            readSegment(segmentPath(generation), generation, copy);
            sections.finish(states);
            Sections.Payload end = new Sections.Payload(16);
            end.data.writeLong(kept[0]);
            Sections.writeSection(out, Sections.END, end);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Commits and closes the log; the graph stays usable in memory. Does nothing when closed already.
     *
     * @throws IOException if the last commit fails; the log is closed anyway
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                commit();
            }
        } finally {
            closed = true;
            try {
                if (segment != null) {
                    segment.close();
                }
            } finally {
                try {
                    lock.release();
                    lockChannel.close();
                } finally {
                    OPEN_HERE.remove(openDirectory);
                }
            }
        }
    }

    // ---------------------------------------------------------------- writing

    private void append(SecurityEvent event) throws IOException {
        if (pending == null) {
            newPending();
        }
        pendingWriter.write(event);
        pendingEvents++;
        segmentEvents++;
        if (pendingEvents >= SEGMENT_SECTION_EVENTS) {
            writePending(false, Map.of());
            uncommittedSections = true;
        }
    }

    private void newPending() {
        pending = new Sections.Payload(1 << 16);
        pending.write(0); // the commit flag, set when the section is written
        pendingWriter = new EventCodec.Writer(pending.data);
        pendingEvents = 0;
    }

    /** Writes the pending events as one segment section, marked as ending a commit or not. */
    private void writePending(boolean endsCommit, Map<String, Boolean> states) throws IOException {
        if (pending == null) {
            newPending();
        }
        finishPayload(pendingWriter, pending.data, states);
        pending.bytes()[0] = (byte) (endsCommit ? 1 : 0);
        Sections.writeSection(segmentOut, segmentVersion, Sections.EVENTS, pending);
        pending = null;
        pendingWriter = null;
        pendingEvents = 0;
    }

    /** Ends an events payload: the end marker, then the archive states it carries. */
    static void finishPayload(EventCodec.Writer writer, DataOutputStream out, Map<String, Boolean> states)
            throws IOException {
        out.writeByte(EventCodec.END);
        EventCodec.varLong(out, states.size());
        for (Map.Entry<String, Boolean> e : states.entrySet()) {
            writer.string(e.getKey());
            out.writeBoolean(e.getValue());
        }
    }

    /** Snapshot sections of a fixed number of events each; every one ends a commit. */
    private static final class SectionWriter {
        private final DataOutputStream out;
        private final int perSection;
        private Sections.Payload payload;
        private EventCodec.Writer writer;
        private int events;

        SectionWriter(DataOutputStream out, int perSection) {
            this.out = out;
            this.perSection = perSection;
        }

        void add(SecurityEvent event) throws IOException {
            if (payload == null) {
                payload = new Sections.Payload(1 << 20);
                payload.write(1);
                writer = new EventCodec.Writer(payload.data);
            }
            writer.write(event);
            if (++events == perSection) {
                flush(Map.of());
            }
        }

        void finish(Map<String, Boolean> states) throws IOException {
            if (payload != null || !states.isEmpty()) {
                if (payload == null) {
                    payload = new Sections.Payload(256);
                    payload.write(1);
                    writer = new EventCodec.Writer(payload.data);
                }
                flush(states);
            }
        }

        private void flush(Map<String, Boolean> states) throws IOException {
            finishPayload(writer, payload.data, states);
            Sections.writeSection(out, Sections.EVENTS, payload);
            payload = null;
            events = 0;
        }
    }

    private void startSegment(long number) throws IOException {
        Path path = segmentPath(number);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                1 << 16));
        Sections.writePreamble(out, Sections.SEGMENT_MAGIC);
        Sections.Payload header = new Sections.Payload(16);
        header.data.writeLong(number);
        Sections.writeSection(out, Sections.HEADER, header);
        out.flush();
        channel.force(true);
        forceDirectory();
        useSegment(channel, out, Sections.VERSION);
        segmentEvents = 0;
    }

    private void useSegment(FileChannel channel, DataOutputStream out, int version) throws IOException {
        if (segment != null) {
            segment.close();
        }
        segment = channel;
        segmentOut = out;
        segmentVersion = version;
    }

    private void forceDirectory() throws IOException {
        force(directory);
    }

    /** A rename, a new file or a new directory is durable only once the directory holding it is: fsync it too. */
    private static void force(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private IOException fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("graph store " + directory + " is closed");
        }
        if (failure != null) {
            throw new IllegalStateException("graph store " + directory + " failed to write (" + failure.getMessage()
                    + "); reopen it to continue from its last commit", failure);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Receives the events of one committed part of a file, in order, and the archive states it carries. */
    private interface Replay {
        void apply(List<SecurityEvent> events, Map<String, Boolean> archiveStates) throws IOException;
    }

    private void restore() throws IOException {
        int cutoff = cutoffHour();
        Map<String, Boolean> states = new HashMap<>();
        long[] skipped = new long[1];
        Replay ingest = (events, archiveStates) -> {
            List<SecurityEvent> kept = new ArrayList<>(events.size());
            for (SecurityEvent event : events) {
                int hour = hourOf(event);
                if (hour >= cutoff) {
                    kept.add(event);
                    oldestHour = Math.min(oldestHour, hour);
                } else {
                    skipped[0]++;
                }
            }
            graph.ingestAll(kept);
            states.putAll(archiveStates);
        };
        Path snapshot = directory.resolve(SNAPSHOT);
        SortedMap<Long, Path> segments = segments();
        generation = regularFile(snapshot) ? readSnapshot(snapshot, ingest) : 0;
        if (!segments.isEmpty() && segments.lastKey() > generation) {
            // No writer leaves a segment newer than its snapshot: this snapshot is not the last one written (it was
            // deleted, or put back from a backup), and the newer segment holds commits it lacks. Delete nothing.
            throw new Sections.StoreFormatException(segments.get(segments.lastKey()) + " is newer than "
                    + (Files.exists(snapshot) ? snapshot + " (generation " + generation + ")" : "any snapshot: "
                    + snapshot + " is missing") + "; the snapshot is not the one written last, so opening would"
                    + " lose the segment's commits. Put the snapshot of generation " + segments.lastKey()
                    + " back, or move the newer segments away to open what the snapshot holds");
        }
        Path current = segmentPath(generation);
        // The segment's committed events count towards the next snapshot, as those appended after them will.
        Replay ingestAndCount = (events, archiveStates) -> {
            ingest.apply(events, archiveStates);
            segmentEvents += events.size();
        };
        Committed committed = regularFile(current) ? readSegment(current, generation, ingestAndCount) : null;
        graph.restore(null, states);
        savedArchiveStates = graph.archiveStates();
        for (Path stale : segments.headMap(generation).values()) {
            Files.delete(stale); // already in the snapshot
        }
        Path temporary = directory.resolve(SNAPSHOT + TEMPORARY);
        if (Files.isRegularFile(temporary, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(temporary); // a snapshot never completed
        }
        if (committed == null) {
            startSegment(generation);
        } else {
            long good = committed.end();
            FileChannel channel = FileChannel.open(current, StandardOpenOption.WRITE);
            if (channel.size() > good) {
                LOG.warn("{}: dropping {} bytes after the last complete commit", current, channel.size() - good);
                channel.truncate(good);
                channel.force(true);
            }
            channel.position(good);
            useSegment(channel, new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
                    1 << 16)), committed.version());
        }
        if (skipped[0] > 0) {
            LOG.info("{}: retention left out {} events older than {} days", directory, skipped[0],
                    retention.toDays());
        }
    }

    /** The directory's segment files by number: {@code segment-<n>.d4j}, regular files only; nothing else is ours. */
    private SortedMap<Long, Path> segments() throws IOException {
        SortedMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher m = SEGMENT_NAME.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        found.put(Long.parseLong(m.group(1)), file);
                    } catch (NumberFormatException e) {
                        // more digits than a generation has: not a file this store wrote
                    }
                }
            }
        }
        return found;
    }

    /** Whether a store file is there; one of the store's names on something else (a directory) is an error. */
    private static boolean regularFile(Path file) throws Sections.StoreFormatException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Sections.StoreFormatException(file + " is not a regular file");
        }
        return true;
    }

    /** Replays a snapshot; returns its generation. Any damage is an error naming the file and section. */
    private long readSnapshot(Path file, Replay replay) throws IOException {
        try (Sections.Reader reader = new Sections.Reader(file, Sections.SNAPSHOT_MAGIC, false)) {
            Sections.Section header = expect(reader.next(), Sections.HEADER, file);
            long number;
            try (DataInputStream in = header.input()) {
                number = in.readLong();
                in.readLong(); // retention hours, for readers of the file
                in.readInt(); // cutoff hour
                GraphSettings settings = graph.settings();
                int relationships = in.readInt();
                int drillDowns = in.readInt();
                int samples = in.readInt();
                if (relationships != settings.maxRelationships() || drillDowns != settings.maxDrillDownKeys()
                        || samples != settings.maxBeaconSamples()) {
                    LOG.warn("{} was written with caps {}/{}/{} (relationships, drill-down keys, beacon samples);"
                            + " restoring with this graph's {}/{}/{}", file, relationships, drillDowns, samples,
                            settings.maxRelationships(), settings.maxDrillDownKeys(), settings.maxBeaconSamples());
                }
            }
            long events = 0;
            Sections.Section section;
            try (DecodingAhead ahead = new DecodingAhead(file, reader)) {
                Decoded decoded;
                while ((decoded = ahead.next()) != null) {
                    replay.apply(decoded.events(), decoded.archiveStates());
                    events += decoded.events().size();
                }
                section = ahead.stoppedAt();
            }
            Sections.Section end = expect(section, Sections.END, file);
            try (DataInputStream in = end.input()) {
                long expected = in.readLong();
                if (expected != events) {
                    throw new Sections.StoreFormatException(file + ": " + end.name() + " counts " + expected
                            + " events, the sections hold " + events);
                }
            }
            if (reader.next() != null) { // a snapshot is H E* Z: what follows was never written by a snapshot
                throw new Sections.StoreFormatException(file + ": holds a section after its end (" + end.name()
                        + ")");
            }
            return number;
        }
    }

    /**
     * Replays a segment's committed sections; returns the offset where the last complete commit ends, after which
     * the file holds nothing a restore keeps, and its format version; null when it holds nothing. Counts nothing
     * itself: it serves both a restore and a snapshot's copy pass, so a caller that counts does so in its replay.
     */
    private Committed readSegment(Path file, long number, Replay replay) throws IOException {
        try (Sections.Reader reader = new Sections.Reader(file, Sections.SEGMENT_MAGIC, true)) {
            Sections.Section header = reader.next();
            if (header == null) {
                return null; // torn before its header was complete: nothing was ever committed to it
            }
            expect(header, Sections.HEADER, file);
            try (DataInputStream in = header.input()) {
                long found = in.readLong();
                if (found != number) {
                    throw new Sections.StoreFormatException(file + ": " + header.name() + " says segment " + found
                            + ", expected " + number);
                }
            }
            long good = header.end();
            List<SecurityEvent> commit = new ArrayList<>();
            try (DecodingAhead ahead = new DecodingAhead(file, reader)) {
                Decoded decoded;
                while ((decoded = ahead.next()) != null) {
                    commit.addAll(decoded.events());
                    if (decoded.endsCommit()) {
                        replay.apply(commit, decoded.archiveStates());
                        commit = new ArrayList<>();
                        good = decoded.end();
                    }
                }
                if (ahead.stoppedAt() != null) {
                    expect(ahead.stoppedAt(), Sections.EVENTS, file);
                }
            }
            return new Committed(good, reader.version());
        }
    }

    /** Where a segment's last complete commit ends, and the format version it is framed in. */
    private record Committed(long end, int version) {}

    /** One events section, decoded; {@code end} is where it ends in its file. */
    private record Decoded(List<SecurityEvent> events, Map<String, Boolean> archiveStates, boolean endsCommit,
            long end) {}

    /**
     * Reads and decodes a file's events sections on a thread of its own while the caller replays them, so that a
     * restore costs about the larger of decoding and ingesting rather than their sum. Stops at the first section
     * that is not an events section ({@link #stoppedAt}).
     */
    private static final class DecodingAhead implements AutoCloseable {
        private static final Object DONE = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile Sections.Section stoppedAt;

        DecodingAhead(Path file, Sections.Reader reader) {
            thread = new Thread(() -> {
                Object last = DONE;
                try {
                    Sections.Section section;
                    while ((section = reader.next()) != null && section.kind() == Sections.EVENTS) {
                        queue.put(decode(file, section));
                    }
                    stoppedAt = section;
                } catch (InterruptedException e) {
                    return; // the caller stopped reading
                } catch (IOException | RuntimeException | Error e) {
                    last = e; // an Error too (out of memory): the caller must not wait for a section forever
                }
                try {
                    queue.put(last);
                } catch (InterruptedException e) {
                    // the caller stopped reading
                }
            }, "detective4j-restore " + file.getFileName());
            thread.setDaemon(true);
            thread.start();
        }

        /** The next events section, or null after the last. */
        Decoded next() throws IOException {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("restore interrupted");
            }
            if (item instanceof Decoded decoded) {
                return decoded;
            }
            if (item instanceof IOException e) {
                throw e;
            }
            if (item instanceof RuntimeException e) {
                throw e;
            }
            if (item instanceof Error e) {
                throw e;
            }
            return null;
        }

        /** The section after the last events section, or null at the file's end; valid once next returned null. */
        Sections.Section stoppedAt() {
            return stoppedAt;
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Decoded decode(Path file, Sections.Section section) throws IOException {
        try (DataInputStream in = section.input()) {
            boolean endsCommit = in.readUnsignedByte() == 1;
            EventCodec.Reader reader = new EventCodec.Reader(in);
            List<SecurityEvent> events = new ArrayList<>();
            SecurityEvent event;
            while ((event = reader.read()) != null) {
                events.add(event);
            }
            long n = EventCodec.varLong(in);
            Map<String, Boolean> states = new HashMap<>();
            for (long i = 0; i < n; i++) {
                states.put(reader.string(), in.readBoolean());
            }
            return new Decoded(events, states, endsCommit, section.end());
        } catch (IOException | RuntimeException e) {
            // The checksum held, so this is a writer's bug or a deliberate edit: name where, not just what (a time
            // out of range, a field the model refuses, the payload ending early).
            throw new Sections.StoreFormatException(file + ": " + section.name() + " does not decode: "
                    + (e instanceof EOFException ? "it ends inside an event"
                            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    private static Sections.Section expect(Sections.Section section, int kind, Path file)
            throws Sections.StoreFormatException {
        if (section == null) {
            throw new Sections.StoreFormatException(file + ": ends before its " + (char) kind + " section");
        }
        if (section.kind() != kind) {
            throw new Sections.StoreFormatException(file + ": " + section.name() + " found where a " + (char) kind
                    + " section belongs");
        }
        return section;
    }

    // ---------------------------------------------------------------- retention

    private int cutoffHour() {
        return GraphData.hourOf(clock.instant().getEpochSecond()) - (int) retention.toHours();
    }

    /**
     * The epoch hour retention judges an event by; an event past the years an int of hours holds (the graph refuses
     * it, the store keeps it) gets the int's end, never a wrapped value that would make it look ancient.
     */
    static int hourOf(SecurityEvent event) {
        long second;
        if (event instanceof ApiCall call) {
            second = call.eventTime().getEpochSecond();
        } else if (event instanceof NetworkFlow flow) {
            second = flow.start().getEpochSecond();
        } else {
            second = ((Finding) event).lastObserved().getEpochSecond();
        }
        long hour = Math.floorDiv(second, GraphData.SECONDS_PER_HOUR);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, hour));
    }

    private Path segmentPath(long number) {
        return directory.resolve(SEGMENT_PREFIX + number + SEGMENT_SUFFIX);
    }

    /**
     * Configures and opens a {@link GraphStore}: {@code GraphStore.builder(dir).retentionDays(90).open()}. Not
     * thread-safe.
     */
    public static final class Builder {
        private final Path directory;
        private BehaviorGraph.Builder graph = BehaviorGraph.builder();
        private Duration retention = Duration.ofDays(365);
        private long compactAfter = 1_000_000;
        private Clock clock = Clock.systemUTC();

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * Sets how the graph is built: its caps, baseline and enrichment. A restore replays the saved events
         * through these settings, so changed caps apply to the whole history.
         *
         * @param builder the graph's builder; default {@link BehaviorGraph#builder()}
         * @return this builder
         */
        public Builder graph(BehaviorGraph.Builder builder) {
            this.graph = Objects.requireNonNull(builder, "graph builder");
            return this;
        }

        /**
         * Sets how long events are kept, counted back from the clock's current hour.
         *
         * @param length whole hours, at least 1 hour and at most 100 years; default 365 days
         * @return this builder
         * @throws IllegalArgumentException if out of range or not whole hours
         */
        public Builder retention(Duration length) {
            Objects.requireNonNull(length, "retention");
            if (length.toSeconds() < 3600 || length.toSeconds() % 3600 != 0 || length.getNano() != 0
                    || length.toDays() > 36_525) {
                throw new IllegalArgumentException("retention must be whole hours, 1 hour to 100 years; was "
                        + length);
            }
            this.retention = length;
            return this;
        }

        /**
         * Sets the retention in days; the same as {@code retention(Duration.ofDays(days))}.
         *
         * @param days 1 to 36,525 (100 years); default 365
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder retentionDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("retention days must be at least 1, was " + days);
            }
            return retention(Duration.ofDays(days));
        }

        /**
         * Sets when a commit also takes a snapshot: once the segment log holds this many events.
         *
         * @param events at least 1; default 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder snapshotAfter(long events) {
            if (events < 1) {
                throw new IllegalArgumentException("snapshot after must be at least 1 event, was " + events);
            }
            this.compactAfter = events;
            return this;
        }

        /**
         * Sets the clock retention counts back from, for reproducible tests.
         *
         * @param clock the clock; default the system's, UTC
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the store: takes the directory's lock, restores the graph from the snapshot and the segment's
         * complete commits, and cuts a torn tail off the segment.
         *
         * @return the store
         * @throws IOException if the directory cannot be used, another process has it open, or a file is damaged
         *     or from a newer format version (the message names the file, the section and the versions)
         */
        public GraphStore open() throws IOException {
            if (!Files.isDirectory(directory)) {
                // Each directory made is durable once its parent is: else a crash could lose it with its commits.
                Path existing = directory.toAbsolutePath();
                while (existing.getParent() != null && !Files.isDirectory(existing)) {
                    existing = existing.getParent();
                }
                Files.createDirectories(directory);
                for (Path made = directory.toAbsolutePath(); !made.equals(existing); made = made.getParent()) {
                    force(made.getParent());
                }
            }
            Path real = directory.toRealPath();
            // Closing any channel on a file releases every lock the process holds on it (POSIX locks), so a second
            // open in this JVM is refused before it opens the lock file: its failure would unlock the first store.
            if (!OPEN_HERE.add(real)) {
                throw new IOException(directory + " is open in another graph store of this process");
            }
            FileChannel lockChannel;
            FileLock lock;
            try {
                lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                try {
                    lock = lockChannel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    lockChannel.close();
                    throw new IOException(directory + " is open in another graph store");
                }
            } catch (IOException | RuntimeException | Error e) {
                OPEN_HERE.remove(real);
                throw e;
            }
            GraphStore store = new GraphStore(this, lockChannel, lock, real);
            try {
                store.restore();
            } catch (IOException | RuntimeException | Error e) {
                try {
                    store.closed = true;
                    if (store.segment != null) {
                        store.segment.close();
                    }
                    lock.release();
                    lockChannel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                } finally {
                    OPEN_HERE.remove(real);
                }
                throw e;
            }
            return store;
        }
    }
}
