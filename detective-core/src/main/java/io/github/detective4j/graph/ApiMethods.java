package io.github.detective4j.graph;

import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API methods seen, each an {@code (eventSource, eventName)} pair interned to an int, with the hourly calls of
 * each method across the whole graph. Two lookups by the event's own strings, so nothing is concatenated per event.
 * Guarded by the graph's lock.
 */
final class ApiMethods {
    private final Map<String, ObjectIntHashMap<String>> bySource = new HashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<CallCells> calls = new ArrayList<>();

    int id(String eventSource, String eventName) {
        ObjectIntHashMap<String> byName = bySource.computeIfAbsent(eventSource, s -> new ObjectIntHashMap<>());
        int slot = byName.indexOf(eventName);
        if (byName.indexExists(slot)) {
            return byName.indexGet(slot);
        }
        int id = names.size();
        if (id >= DrillDown.OTHER) {
            throw new IllegalStateException("the graph holds more than " + DrillDown.OTHER + " API methods");
        }
        byName.indexInsert(slot, eventName, id);
        sources.add(eventSource);
        names.add(eventName);
        calls.add(HourCells.calls());
        return id;
    }

    String eventSource(int id) {
        return sources.get(id);
    }

    String eventName(int id) {
        return names.get(id);
    }

    CallCells calls(int id) {
        return calls.get(id);
    }

    int size() {
        return names.size();
    }
}
