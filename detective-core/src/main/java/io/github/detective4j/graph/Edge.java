package io.github.detective4j.graph;

/**
 * A relationship as the graph stores it: both ends, first and last seen (epoch seconds, UTC), and the hourly series
 * of the calls or traffic that evidenced it. Stored once, indexed from both ends ({@link Node}).
 */
final class Edge {
    final RelationshipType type;
    final Node source;
    final Node target;
    /**
     * The target's id, read by the look-ups that recognise a relationship by it ({@link Node.Recent#find}) without
     * going through the target node and its ref. It fills what would be the object's padding.
     */
    final String targetId;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    /** Null for types without hourly counts. */
    final HourCells cells;
    /** The latest flow records, for beacon scoring; null but for {@code COMMUNICATED_WITH}, or when disabled. */
    FlowSamples samples;
    /**
     * For a principal's {@code CALLED_FROM} and {@code USED_USER_AGENT}: the account its calls last counted in, and that
     * account's series of the address or agent, so that the next call skips the account's map.
     */
    Node account;
    CallCells accountCells;
    /**
     * For a principal's {@code USED_USER_AGENT}: the last address whose {@code USED_FROM} relationship with the agent
     * one of the principal's calls resolved, and that relationship ({@link GraphData}), so that the next call from the
     * same address skips the agent's own look-up.
     */
    Node peer;
    Edge peerEdge;
    /**
     * The calls of {@link #cells} in all hours, exactly as the cells count them (saturated hours included), so that
     * questions over the whole history (hunts) read two fields instead of summing every cell.
     */
    long successes;
    long failures;

    Edge(RelationshipType type, Node source, Node target) {
        this.type = type;
        this.source = source;
        this.target = target;
        this.targetId = target.ref.id();
        this.cells = !type.hasHourlyCounts() ? null : type.isTraffic() ? HourCells.traffic() : HourCells.calls();
    }

    void observe(long first, long last) {
        if (first < firstSeen) {
            firstSeen = first;
        }
        if (last > lastSeen) {
            lastSeen = last;
        }
    }

    /** @param slab the graph's slab, for the call series ({@link CallCells#addCall}) */
    void call(CellSlab slab, long second, int hour, boolean success) {
        observe(second, second);
        if (((CallCells) cells).addCall(slab, hour, success)) {
            if (success) {
                successes++;
            } else {
                failures++;
            }
        }
    }

    void traffic(long start, long end, int hour, boolean inbound, long bytes, long packets, boolean accepted,
            int maxSamples) {
        observe(start, end);
        ((TrafficCells) cells).addTraffic(hour, inbound, bytes, packets, accepted);
        if (maxSamples > 0) {
            if (samples == null) {
                samples = new FlowSamples(maxSamples);
            }
            samples.add(start, bytes);
        }
    }

    Relationship relationship() {
        return new Relationship(type, source.ref, target.ref);
    }

    /** The key of this edge in its source's outgoing index. */
    static long key(RelationshipType type, Node target) {
        return ((long) type.ordinal() << 32) | target.index;
    }
}
