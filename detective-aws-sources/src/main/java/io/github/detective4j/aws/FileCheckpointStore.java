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
 * the value the file holds.
 */
final class FileCheckpointStore implements CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final long MIN_JOURNAL_BYTES = 64 * 1024;

    private final Path file;
    private final Path journal;
    private final Map<String, String> entries;
    private long fileBytes;
    private boolean fileWritten;
    private long journalBytes;
    private FileChannel journalOut;

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
            fileWritten = true;
        } else {
            this.entries = new TreeMap<>();
        }
        if (Files.exists(journal)) {
            replayJournal();
        }
    }

    /** Applies the journal's saves in order; a last line without its newline is a save that never returned. */
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
                throw new IOException("cannot read line " + line + " of the checkpoint journal " + journal + ": "
                        + e.getMessage(), e);
            }
            start = i + 1;
            line++;
        }
        journalBytes = start; // a torn last line is cut off by the next save
        if (start < bytes.length) {
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                channel.truncate(start);
                channel.force(true);
            }
        }
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
        if (journalOut == null) {
            Files.createDirectories(file.getParent());
            journalOut = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            journalOut.truncate(journalBytes); // what a failed save left past the last whole line
            journalOut.position(journalBytes);
            forceDirectory(file.getParent()); // a journal just created must be found after a power cut
        }
        try {
            writeFully(journalOut, line);
            journalOut.force(false);
        } catch (IOException e) {
            journalOut.close(); // reopened, and cut back to the last whole line, by the next save
            journalOut = null;
            throw e;
        }
        journalBytes += line.length;
        entries.putAll(changed); // only once the journal holds them: memory never runs ahead of the disk
        if (!fileWritten || journalBytes > Math.max(MIN_JOURNAL_BYTES, fileBytes)) {
            compact(); // the first save writes the file itself, so that the path the caller gave exists
        }
    }

    /** Writes the whole map over the file, atomically, and starts the journal again. */
    private void compact() throws IOException {
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
            forceDirectory(file.getParent()); // and the rename itself
        } finally {
            Files.deleteIfExists(temp);
        }
        fileBytes = bytes.length;
        fileWritten = true;
        journalOut.truncate(0);
        journalOut.force(true);
        journalOut.position(0);
        journalBytes = 0;
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes a rename in a directory durable, where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notOnThisPlatform) {
            // Windows cannot open a directory; its renames are durable once they return
        }
    }
}
