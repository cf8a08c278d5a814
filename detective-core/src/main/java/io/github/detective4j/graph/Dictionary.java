package io.github.detective4j.graph;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Interns values to small ints, so that drill-down keys are numbers: strings (access keys, resources, AWS service
 * names) or packed longs (flow tuples). Ids are dense from 0, below {@link DrillDown#SERVICE}. Guarded by the
 * graph's lock.
 */
final class Dictionary {
    /** What {@link #id(String, boolean)} gives for a new value it was not to add. */
    static final int ABSENT = -1;

    private final ObjectIntHashMap<String> ids = new ObjectIntHashMap<>();
    private final List<String> values = new ArrayList<>();
    private final LongIntHashMap longIds = new LongIntHashMap();
    private final LongArrayList longValues = new LongArrayList();

    /** The id of a value, which is interned if it is new. */
    int id(String value) {
        return id(value, true);
    }

    /**
     * The id of a value, interned if it is new and {@code add} says so; else {@link #ABSENT}. Drill-down keys that
     * would fold anyway ask with {@code add} false, so a flood of distinct values does not grow the dictionary.
     */
    int id(String value, boolean add) {
        int slot = ids.indexOf(value);
        if (ids.indexExists(slot)) {
            return ids.indexGet(slot);
        }
        if (!add) {
            return ABSENT;
        }
        int id = next(values.size());
        ids.indexInsert(slot, value, id);
        values.add(value);
        return id;
    }

    String value(int id) {
        return values.get(id);
    }

    /** The id of a packed value, as {@link #id(String, boolean)} gives a string's. */
    int id(long value, boolean add) {
        int slot = longIds.indexOf(value);
        if (longIds.indexExists(slot)) {
            return longIds.indexGet(slot);
        }
        if (!add) {
            return ABSENT;
        }
        int id = next(longValues.size());
        longIds.indexInsert(slot, value, id);
        longValues.add(value);
        return id;
    }

    long longValue(int id) {
        return longValues.get(id);
    }

    int size() {
        return values.size() + longValues.size();
    }

    private static int next(int id) {
        if (id >= DrillDown.SERVICE - 1) {
            throw new IllegalStateException("the graph holds more than " + (DrillDown.SERVICE - 1)
                    + " distinct drill-down values of one kind");
        }
        return id;
    }
}
