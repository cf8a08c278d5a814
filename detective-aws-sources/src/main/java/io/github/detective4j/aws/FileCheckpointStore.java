package io.github.detective4j.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CheckpointStore#inFile(Path)}: the whole map in memory; on disk, the map as one JSON object in the file, and
 * the saves since in a journal beside it ({@code <file>.journal}), one JSON object a line.
 *
 * <p>Why a journal: a reader saves after every object, and an organization's trail has thousands of unsettled day
 * prefixes, each holding its finished keys; rewriting the whole map for each save made the cost of a save grow with
 * everything stored. A save now appends one line and forces it: atomic, because a line that did not reach its newline
 * is a save that never returned, and is dropped on open. When the journal has grown past the map's own size (and 64
 * KiB), the map is written to a temporary file, forced, and moved over the file, and the journal starts again; a crash
 * in between replays the old journal over the new file, which changes nothing, since the last line of each key in it is
 * the value the file holds. A rewrite that fails (a full disk) does not fail the save, which the journal already
 * holds: it is logged and tried again once the journal has grown as much again.
 *
 * <p>The journal is opened for each save and closed after it, so a store holds no file open between saves.
 */
final class FileCheckpointStore implements CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final long MIN_JOURNAL_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointStore.class);

    private final Path file;
    private final Path journal;
    private final Map<String, String> entries;
    private long fileBytes;
    /** The length of the journal's whole lines: what a failed or torn save left past it is cut off by the next. */
    private long journalBytes;
    /** The journal length past which the next save rewrites the file. */
    private long rewriteAfter;

    FileCheckpointStore(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        this.journal = this.file.resolveSibling(this.file.getFileName() + ".journal");
        if (Files.exists(this.file)) {
            try {
                this.entries = JSON.readValue(this.file.toFile(), MAP);
            } catch (IOException e) {
                throw new IOException("cannot read the checkpoint file " + this.file + ": " + e.getMessage(), e);
            }
            fileBytes = Files.size(this.file);
        } else {
            this.entries = new TreeMap<>();
        }
        if (Files.exists(journal)) {
            replayJournal();
        }
        // no file yet: the first save writes it, so that the path the caller gave exists
        rewriteAfter = Files.exists(this.file) ? Math.max(MIN_JOURNAL_BYTES, fileBytes) : 0;
    }

    /**
     * Applies the journal's saves in order. The last line may be a save that never returned: without its newline, or
     * torn (a power cut can leave its newline on disk and a page before it not), it is dropped. A damaged line before
     * it is damage, and refused.
     */
    private void replayJournal() throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        int start = 0;
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            try {
                entries.putAll(JSON.readValue(bytes, start, i - start, MAP));
            } catch (IOException e) {
                if (i == bytes.length - 1) {
                    break; // the last line, torn
                }
                throw new IOException("cannot read line " + line + " of the checkpoint journal " + journal + ": "
                        + e.getMessage(), e);
            }
            start = i + 1;
            line++;
        }
        journalBytes = start;
    }

    @Override
    public synchronized Optional<String> load(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void save(Map<String, String> changed) throws IOException {
        if (changed.isEmpty()) {
            return;
        }
        byte[] line = (JSON.writeValueAsString(new TreeMap<>(changed)) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        boolean created = !Files.exists(journal);
        try (FileChannel out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(journalBytes); // what a failed save left past the last whole line
            out.position(journalBytes);
            writeFully(out, line);
            out.force(false);
        }
        if (created) {
            forceDirectory(file.getParent()); // a journal just created must be found after a power cut
        }
        journalBytes += line.length;
        entries.putAll(changed); // only once the journal holds them: memory never runs ahead of the disk
        if (journalBytes > rewriteAfter) {
            try {
                rewrite();
            } catch (IOException e) {
                rewriteAfter = journalBytes + Math.max(MIN_JOURNAL_BYTES, fileBytes);
                LOG.warn("could not rewrite the checkpoint file {} (the journal keeps every save): {}",
                        Escaping.forLog(file.toString()), e.toString());
            }
        }
    }

    /** Writes the whole map over the file, atomically, and starts the journal again. */
    private void rewrite() throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(entries);
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(channel, bytes);
                channel.force(true); // on disk before it replaces the old file: a power cut leaves one or the other
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the checkpoint file's folder cannot replace files atomically: " + file, e);
            }
            forceDirectory(file.getParent()); // and the rename itself, before the journal it replaces is emptied
        } finally {
            Files.deleteIfExists(temp);
        }
        fileBytes = bytes.length;
        try (FileChannel out = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            out.truncate(0);
            out.force(true);
        }
        journalBytes = 0;
        rewriteAfter = Math.max(MIN_JOURNAL_BYTES, fileBytes);
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Makes a rename or a new file in a directory durable, where the platform allows opening a directory (Linux,
     * macOS); a directory that opens and then fails to force is an error.
     */
    private static void forceDirectory(Path dir) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException notOnThisPlatform) {
            return; // Windows cannot open a directory; its renames are durable once they return
        }
        try (channel) {
            channel.force(true);
        }
    }
}
