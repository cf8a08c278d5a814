package io.github.detective4j.graph;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.github.detective4j.model.EntityType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ids of entities the caps kept out of the graph ({@link GraphData#target}, {@link GraphData#ownerless}), by
 * type, so that a hunt for one value can tell "never seen" from "seen, and kept out": a Bloom filter per type, made
 * at the type's first such id.
 *
 * <p>Why a Bloom filter: the ids kept out are exactly those an attacker varies at will (a user agent per call, a
 * rotating IPv6 address, spoofed flow sources), so keeping them would undo the bound the caps exist for. A filter has
 * a fixed size, about 1.2 MiB a type for {@value #EXPECTED} ids at a 1% false-positive rate; past that many ids of a
 * type its answers err more and more toward "maybe kept out", never toward "not".
 *
 * <p>Not thread-safe on its own: the graph adds under its write lock and asks under its read lock.
 */
final class DroppedIds {
    /** Ids a type's filter is sized for. */
    static final int EXPECTED = 1 << 20;
    private static final double FALSE_POSITIVES = 0.01;

    private final Map<EntityType, BloomFilter<CharSequence>> byType = new EnumMap<>(EntityType.class);

    /** Remembers that an entity of this type and canonical id was not created. */
    void add(EntityType type, String id) {
        byType.computeIfAbsent(type, t -> BloomFilter.create(Funnels.unencodedCharsFunnel(), EXPECTED, FALSE_POSITIVES))
                .put(id);
    }

    /**
     * Tells whether an entity of this type and canonical id may have been kept out: false means it certainly was
     * not, true that it was, or (about 1% of the time, more past {@link #EXPECTED} ids) that another id was.
     */
    boolean mayHave(EntityType type, String id) {
        BloomFilter<CharSequence> filter = byType.get(type);
        return filter != null && filter.mightContain(id);
    }

    /** Tells whether any entity of this type was kept out. */
    boolean any(EntityType type) {
        return byType.containsKey(type);
    }
}
