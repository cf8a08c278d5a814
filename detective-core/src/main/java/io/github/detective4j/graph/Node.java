package io.github.detective4j.graph;

import com.carrotsearch.hppc.LongObjectHashMap;
import io.github.detective4j.model.EntityRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity as the graph stores it: when it was observed, its own hourly series, its relationships (outgoing by a
 * primitive key, incoming in a list) and its drill-down series, each created on first use so that the many entities
 * with little activity cost little. All times are epoch seconds or epoch hours, UTC. Guarded by the graph's lock.
 */
final class Node {
    final int index;
    final EntityRef ref;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    /** API calls made by this entity (principals), from it (IPs), with it (user agents), on it (buckets). */
    HourCells calls;
    /** Traffic of this entity (instances, IPs), seen from it. */
    HourCells traffic;
    LongObjectHashMap<Edge> out;
    List<Edge> in;
    /** Drill-down series by {@link DrillDown} key. */
    LongObjectHashMap<HourCells> drillDown;
    Attributes attributes;

    Node(int index, EntityRef ref) {
        this.index = index;
        this.ref = ref;
    }

    boolean observed() {
        return firstSeen != Long.MAX_VALUE;
    }

    void observe(long first, long last) {
        if (first < firstSeen) {
            firstSeen = first;
        }
        if (last > lastSeen) {
            lastSeen = last;
        }
    }

    HourCells calls() {
        if (calls == null) {
            calls = HourCells.calls();
        }
        return calls;
    }

    HourCells traffic() {
        if (traffic == null) {
            traffic = HourCells.traffic();
        }
        return traffic;
    }

    Attributes attributes() {
        if (attributes == null) {
            attributes = new Attributes();
        }
        return attributes;
    }

    Edge outgoing(RelationshipType type, Node target) {
        return out == null ? null : out.get(Edge.key(type, target));
    }

    int outDegree() {
        return out == null ? 0 : out.size();
    }

    int inDegree() {
        return in == null ? 0 : in.size();
    }

    void link(Edge edge) {
        if (out == null) {
            out = new LongObjectHashMap<>(4);
        }
        out.put(Edge.key(edge.type, edge.target), edge);
        Node target = edge.target;
        if (target.in == null) {
            target.in = new ArrayList<>(2);
        }
        target.in.add(edge);
    }

    int drillDownKeys() {
        return drillDown == null ? 0 : drillDown.size();
    }

    /** Returns the series under {@code key}, creating it; null when creating it would pass {@code cap} keys. */
    HourCells drillDown(long key, int stride, int cap) {
        if (drillDown == null) {
            drillDown = new LongObjectHashMap<>(4);
        }
        int slot = drillDown.indexOf(key);
        if (drillDown.indexExists(slot)) {
            return drillDown.indexGet(slot);
        }
        if (drillDown.size() >= cap) {
            return null;
        }
        HourCells cells = new HourCells(stride);
        drillDown.indexInsert(slot, key, cells);
        return cells;
    }

    @Override
    public String toString() {
        return ref.toString();
    }
}
