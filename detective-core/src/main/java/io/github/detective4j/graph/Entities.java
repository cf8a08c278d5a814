package io.github.detective4j.graph;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.SetMultimap;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every entity of a graph, interned to a {@link Node} with a dense index, and the indexes search uses: by exact id
 * (hashed, per type), by ARN and by name. Prefix and CIDR searches scan one type's entities: a sorted index would
 * cost every entity another tree node for a question asked far less often than events arrive. Guarded by the
 * graph's lock.
 */
final class Entities {
    /** Node indexes must fit the drill-down key parts, below the service marker. */
    static final int MAX_ENTITIES = DrillDown.SERVICE - 1;

    private static final EntityType[] TYPES = EntityType.values();

    private final List<Node> nodes = new ArrayList<>();
    private final List<Map<String, Node>> byId = new ArrayList<>(TYPES.length);
    private final SetMultimap<String, Node> byArn = HashMultimap.create();
    private final SetMultimap<String, Node> byName = HashMultimap.create();

    Entities() {
        for (int i = 0; i < TYPES.length; i++) {
            byId.add(new HashMap<>());
        }
    }

    Node get(EntityRef ref) {
        return byId.get(ref.type().ordinal()).get(ref.id());
    }

    /** The node of a canonical id, or null. */
    Node get(EntityType type, String id) {
        return byId.get(type.ordinal()).get(id);
    }

    Node get(int index) {
        return nodes.get(index);
    }

    /**
     * Returns the node of an id that is already in its canonical form (as the model's events hold them), creating
     * it; an id that does not fit the type is null, not an exception, so one odd field never costs the event.
     */
    Node getOrCreate(EntityType type, String id) {
        Node node = byId.get(type.ordinal()).get(id);
        if (node != null) {
            return node;
        }
        EntityRef ref;
        try {
            ref = EntityRef.of(type, id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
        return getOrCreate(ref);
    }

    Node getOrCreate(EntityRef ref) {
        Map<String, Node> ids = byId.get(ref.type().ordinal());
        Node node = ids.get(ref.id());
        if (node == null) {
            if (nodes.size() >= MAX_ENTITIES) {
                throw new IllegalStateException("a behavior graph holds at most " + MAX_ENTITIES + " entities");
            }
            node = new Node(nodes.size(), ref);
            nodes.add(node);
            ids.put(ref.id(), node);
        }
        return node;
    }

    void indexArn(Node node, String arn) {
        byArn.put(arn, node);
    }

    void indexName(Node node, String name) {
        byName.put(name, node);
    }

    Set<Node> withArn(String arn) {
        return byArn.get(arn);
    }

    Set<Node> withName(String name) {
        return byName.get(name);
    }

    /** The nodes of one type, in no particular order. */
    Collection<Node> ofType(EntityType type) {
        return byId.get(type.ordinal()).values();
    }

    int count(EntityType type) {
        return byId.get(type.ordinal()).size();
    }

    int size() {
        return nodes.size();
    }

    List<Node> all() {
        return nodes;
    }
}
