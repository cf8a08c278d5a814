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
 * <p>Once the prefix's day has settled (no object can still arrive in it), a done key is compacted into
 * {@code through} as soon as this run's listing has reached it and every key listed before it is done, so the state
 * stays small however many objects a day holds. Reached matters: a key that arrived late, after an earlier run finished
 * keys on both sides of it, is not pending until it is listed, and {@code through} must not pass it before then. Before
 * the day settles, every finished key is kept, since an object can still arrive with a key that sorts before finished
 * ones (GuardDuty names its exports with random UUIDs; CloudTrail's keys share a minute). Guarded by the
 * {@link S3LogSource} read that owns it.
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
    /**
     * The greatest key listed in this run, claimed or not: S3 lists in key order after {@code through}, so every key
     * between {@code through} and it has been listed and is pending or done. Not saved: a restart lists again.
     */
    private String listed;
    /** Whether this run listed the prefix to its end: then no key is left to be listed, whatever {@link #listed} is. */
    private boolean listingEnded;
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
        if (listed == null || key.compareTo(listed) > 0) {
            listed = key; // before the early returns: a skipped done key is reached too, and may be compacted
        }
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

    /** Records that a claimed key was read whole, and compacts what that allows. */
    synchronized void finished(String key) {
        pending.remove(key);
        partial.remove(key);
        done.add(key);
        compact();
    }

    /**
     * Records that this run listed the prefix to its end and compacts what that allows: once the day settled no key
     * is left to be listed, so even done keys the listing did not reach (deleted since they were read) can go. Without
     * it a settled prefix whose every key was done before it settled would never shrink: no key is claimed, so
     * {@link #finished} never runs. Call it only when the listing really ended, not when it was broken off.
     *
     * @return whether {@code through} moved, so that the caller saves the smaller state
     */
    synchronized boolean listingEnded() {
        listingEnded = true;
        return compact();
    }

    /**
     * Moves {@code through} over the done keys that no unlisted or pending key precedes; only once the day settled.
     *
     * @return whether {@code through} moved
     */
    private boolean compact() {
        boolean moved = false;
        while (settled && !done.isEmpty() && (listingEnded || listed != null && done.first().compareTo(listed) <= 0)
                && (pending.isEmpty() || done.first().compareTo(pending.first()) < 0)) {
            through = done.pollFirst();
            moved = true;
        }
        if (moved) {
            partial.headMap(through, true).clear(); // never claimed again, so a count there is dead weight
        }
        return moved;
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
