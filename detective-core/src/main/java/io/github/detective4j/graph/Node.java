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
    CallCells calls;
    /** Traffic of this entity (instances, IPs), seen from it. */
    TrafficCells traffic;
    LongObjectHashMap<Edge> out;
    List<Edge> in;
    /** Drill-down series by {@link DrillDown} key. */
    LongObjectHashMap<HourCells> drillDown;
    /** Keys of each drill-down kind, overflow keys not counted: each kind has a budget of its own. */
    int[] drillDownKinds;
    /** Whether a drill-down key or a relationship of this entity was ever folded or dropped by a cap. */
    boolean capped;
    Attributes attributes;
    /** Principals and user agents only: what their last event resolved, for the next one. */
    Recent recent;

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

    CallCells calls() {
        if (calls == null) {
            calls = HourCells.calls();
        }
        return calls;
    }

    TrafficCells traffic() {
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

    /** The relationships of one type that lead to this entity. */
    List<Edge> incoming(RelationshipType type) {
        List<Edge> edges = new ArrayList<>();
        if (in != null) {
            for (Edge edge : in) {
                if (edge.type == type) {
                    edges.add(edge);
                }
            }
        }
        return edges;
    }

    /** The entities with a relationship of {@code type} to this one: a role's sessions, an account's members. */
    List<Node> sources(RelationshipType type) {
        List<Node> sources = new ArrayList<>();
        for (Edge edge : incoming(type)) {
            sources.add(edge.source);
        }
        return sources;
    }

    int drillDownKeys() {
        return drillDown == null ? 0 : drillDown.size();
    }

    Recent recent() {
        if (recent == null) {
            recent = new Recent();
        }
        return recent;
    }

    /** Tells whether this entity has {@code cap} drill-down keys of {@code kind}, so that a new one would fold. */
    boolean full(int kind, int cap) {
        return drillDownKinds != null && drillDownKinds[kind] >= cap;
    }

    /**
     * Returns the series under a drill-down key, creating it as a call or traffic series; null when creating it
     * would pass {@code cap} keys (the caller then uses the kind's overflow key, {@link DrillDown#overflow}).
     */
    HourCells drillDown(long key, int cap, boolean calls) {
        if (drillDown == null) {
            // A principal soon has dozens of keys (sources, methods, agents): start past the first regrowths.
            drillDown = new LongObjectHashMap<>(16);
            drillDownKinds = new int[DrillDown.KINDS];
        }
        int slot = drillDown.indexOf(key);
        if (drillDown.indexExists(slot)) {
            return drillDown.indexGet(slot);
        }
        int kind = DrillDown.kind(key);
        boolean overflow = DrillDown.isOverflow(key);
        if (!overflow && full(kind, cap)) {
            return null;
        }
        HourCells cells = calls ? HourCells.calls() : HourCells.traffic();
        drillDown.indexInsert(slot, key, cells);
        if (!overflow) {
            drillDownKinds[kind]++;
        }
        return cells;
    }

    /**
     * The relationships and series a principal's (or user agent's) recent events used: consecutive events of one
     * caller mostly repeat one of a few addresses and user agents, its account and its access key, and comparing a
     * fresh string with a few known ones costs less than hashing it into the graph-wide maps, which is what every
     * parsed event would otherwise pay.
     */
    static final class Recent {
        /** How many addresses and user agents are remembered, most recent first. */
        static final int WAYS = 4;

        /** {@code CALLED_FROM} of a principal, {@code USED_FROM} of a user agent. */
        final Edge[] ips = new Edge[WAYS];
        final Edge[] userAgents = new Edge[WAYS];
        Edge account;
        /** {@code ASSUMED_ROLE} of a role session. */
        Edge role;
        String accessKey;
        CallCells accessKeyCells;

        /** The remembered relationship whose target has this id, moved to the front; null if none. */
        static Edge find(Edge[] recent, String id) {
            int hash = id.hashCode();
            for (int i = 0; i < WAYS; i++) {
                Edge edge = recent[i];
                if (edge == null) {
                    return null;
                }
                // hashes first: they are in the strings, where equals would read the other id's bytes
                String target = edge.targetId;
                if (target == id || target.hashCode() == hash && target.equals(id)) {
                    remember(recent, edge, i);
                    return edge;
                }
            }
            return null;
        }

        /**
         * Remembers a relationship in front, forgetting the least recent one; nothing for null.
         *
         * @return the relationship
         */
        static Edge remember(Edge[] recent, Edge edge) {
            if (edge == null) {
                return null;
            }
            int at = WAYS - 1;
            for (int i = 0; i < WAYS; i++) {
                if (recent[i] == null || recent[i] == edge) {
                    at = i;
                    break;
                }
            }
            remember(recent, edge, at);
            return edge;
        }

        private static void remember(Edge[] recent, Edge edge, int from) {
            System.arraycopy(recent, 0, recent, 1, from);
            recent[0] = edge;
        }
    }
}
