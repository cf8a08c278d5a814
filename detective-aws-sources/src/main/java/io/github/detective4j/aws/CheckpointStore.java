package io.github.detective4j.aws;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the live readers ({@link S3LogSource}, {@link SqsNotificationSource}, {@link LogGroupSource}) keep how far
 * they got, so that a restart resumes without reading an object or a log event twice and without skipping one.
 *
 * <p>A store maps a checkpoint key (a reader names its own, such as {@code s3://bucket/AWSLogs/.../2026/11/27/}) to
 * an opaque value the reader wrote. A reader saves after each object or page it finished, and when it stops. An
 * implementation must make each {@link #save} atomic (after a crash, either every entry of the call is stored or none)
 * and must be thread-safe. The built-in ones: {@link #inFile(Path)}, a JSON file and a journal of the saves since;
 * {@link #inMemory()}, for tests and for callers that persist the state with their own (a graph snapshot, say).
 *
 * <pre>{@code
 * CheckpointStore checkpoints = CheckpointStore.inFile(Path.of("state/checkpoints.json"));
 * S3LogSource.builder(s3, "my-trail-bucket").checkpoints(checkpoints).build().read(graph);
 * }</pre>
 *
 * <p>The events read are only as durable as the sink that took them: a caller whose sink is an in-memory graph and
 * who wants a restart to resume where the last run stopped saves the graph (a snapshot) together with the store.
 */
public interface CheckpointStore {
    /**
     * Returns the value saved under a key.
     *
     * @param key the reader's checkpoint key
     * @return the value, or empty if none was saved
     * @throws IOException if the store cannot be read
     */
    Optional<String> load(String key) throws IOException;

    /**
     * Saves entries, atomically: after a crash either all of them are stored or none.
     *
     * @param entries keys and their new values
     * @throws IOException if the store cannot be written
     */
    void save(Map<String, String> entries) throws IOException;

    /**
     * Returns a store kept in a JSON file ({@code {"key": "value", ...}}) and a journal beside it
     * ({@code <file>.journal}). A save appends one line to the journal and forces it to disk, so that it costs what it
     * saves, not what the store holds; a crash mid-save loses that save only. When the journal outgrows the file, the
     * file is rewritten through a temporary file moved over it atomically, and the journal starts again. The file, its
     * folder and the journal are created on the first save. Thread-safe; keep one store per file (two stores on one
     * file, in one JVM or in two, would write over each other's journal lines).
     *
     * @param file the file
     * @return the store
     * @throws IOException if the file exists and cannot be read as a checkpoint file
     */
    static CheckpointStore inFile(Path file) throws IOException {
        return new FileCheckpointStore(file);
    }

    /**
     * Returns a store that lives as long as the JVM (or the caller who keeps it). Thread-safe.
     *
     * @return a new, empty store
     */
    static CheckpointStore inMemory() {
        Map<String, String> entries = new ConcurrentHashMap<>();
        return new CheckpointStore() {
            @Override
            public Optional<String> load(String key) {
                return Optional.ofNullable(entries.get(key));
            }

            @Override
            public synchronized void save(Map<String, String> changed) {
                entries.putAll(changed); // synchronized: a concurrent load sees each key's old or new value
            }
        };
    }
}
