package io.github.detective4j.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            JSON.writeValue(temp.toFile(), next);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the checkpoint file's folder cannot replace files atomically: " + file, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        entries.clear();
        entries.putAll(next); // only once the file holds them: memory never runs ahead of the disk
    }
}
