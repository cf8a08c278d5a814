package io.github.detective4j.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids seen within a sliding window of wall-clock time, oldest first, forgotten once older than the window or once
 * more than a cap are held (the oldest first), so memory stays bounded whatever arrives. Thread-safe.
 */
final class RecentIds {
    private final Duration window;
    private final int cap;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    RecentIds(Duration window, int cap, Clock clock) {
        this.window = window;
        this.cap = cap;
        this.clock = clock;
    }

    /** Remembers an id; true if it was not seen within the window. */
    synchronized boolean firstTime(String id) {
        forgetOld();
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, clock.instant());
        return true;
    }

    synchronized boolean contains(String id) {
        forgetOld();
        return seen.containsKey(id);
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(window);
        Iterator<Map.Entry<String, Instant>> oldestFirst = seen.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Instant> entry = oldestFirst.next();
            if (seen.size() <= cap && !entry.getValue().isBefore(horizon)) {
                break;
            }
            oldestFirst.remove();
        }
    }
}
