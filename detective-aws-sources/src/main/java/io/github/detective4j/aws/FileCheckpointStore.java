package io.github.detective4j.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link CheckpointStore#inFile(Path)}: the whole map in memory, the file rewritten and moved into place on save. */
final class FileCheckpointStore implements CheckpointStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, String> entries;

    FileCheckpointStore(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        if (Files.exists(this.file)) {
            try {
                this.entries = JSON.readValue(this.file.toFile(), new TypeReference<TreeMap<String, String>>() {});
            } catch (IOException e) {
                throw new IOException("cannot read the checkpoint file " + this.file + ": " + e.getMessage(), e);
            }
        } else {
            this.entries = new TreeMap<>();
        }
    }

    @Override
    public synchronized Optional<String> load(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void save(Map<String, String> changed) throws IOException {
        Map<String, String> next = new TreeMap<>(entries);
        next.putAll(changed);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(next));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
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
        entries.clear();
        entries.putAll(next); // only once the file holds them: memory never runs ahead of the disk
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
