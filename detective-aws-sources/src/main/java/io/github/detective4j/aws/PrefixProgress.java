package io.github.detective4j.aws;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far the objects of one S3 prefix were read, as {@link S3LogSource} checkpoints it: every key up to and
 * including {@code through} is done; past it, the keys in {@code done} are done too (objects finish out of listing
 * order when several download at once), and the keys in {@code partial} were being read when the reader stopped, with
 * how many of their events the sink had taken. A restart lists after {@code through}, skips {@code done}, and re-reads
 * a partial object from its start, dropping the events already taken, so none is lost or counted twice.
 *
 * <p>Once the prefix's day has settled (no object can still arrive in it), keys are compacted into {@code through}
 * as soon as every key listed before them is done, so the state stays small however many objects a day holds. Before,
 * every finished key is kept, since an object can still arrive with a key that sorts before finished ones (GuardDuty
 * names its exports with random UUIDs; CloudTrail's keys share a minute). Guarded by the {@link S3LogSource} read that owns it.
 */
final class PrefixProgress {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The checkpoint's JSON form. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record State(String through, List<String> done, Map<String, Long> partial) {}

    private String through;
    private final TreeSet<String> done = new TreeSet<>();
    private final TreeMap<String, Long> partial = new TreeMap<>();
    /** Listed in this run and not done: nothing at or after the first of them can be compacted. */
    private final TreeSet<String> pending = new TreeSet<>();
    private final boolean settled;

    private PrefixProgress(boolean settled) {
        this.settled = settled;
    }

    static PrefixProgress parse(Optional<String> saved, boolean settled) throws IOException {
        PrefixProgress progress = new PrefixProgress(settled);
        if (saved.isPresent()) {
            State state = JSON.readValue(saved.get(), State.class);
            progress.through = state.through();
            if (state.done() != null) {
                progress.done.addAll(state.done());
            }
            if (state.partial() != null) {
                progress.partial.putAll(state.partial());
            }
        }
        return progress;
    }

    /** The key to list after: every key up to it is done. */
    synchronized String through() {
        return through;
    }

    /** Whether a listed key still has to be read; if so it is pending until {@link #finished}. */
    synchronized boolean claim(String key) {
        if ((through != null && key.compareTo(through) <= 0) || done.contains(key)) {
            return false;
        }
        pending.add(key);
        return true;
    }

    /** How many of the key's events the sink took in an earlier run that stopped while reading it. */
    synchronized long delivered(String key) {
        return partial.getOrDefault(key, 0L);
    }

    synchronized void finished(String key) {
        pending.remove(key);
        partial.remove(key);
        done.add(key);
        while (settled && !done.isEmpty() && (pending.isEmpty() || done.first().compareTo(pending.first()) < 0)) {
            through = done.pollFirst();
        }
    }

    /**
     * Records that the read of a key stopped after the sink took this many of its events. The key stays pending, so
     * that {@code through} never passes it.
     */
    synchronized void stopped(String key, long delivered) {
        partial.put(key, delivered);
    }

    synchronized String json() {
        try {
            return JSON.writeValueAsString(new State(through, List.copyOf(done), Map.copyOf(partial)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // strings and longs always serialise
        }
    }
}
