package io.github.detective4j.graph;

import com.carrotsearch.hppc.cursors.LongObjectCursor;
import io.github.detective4j.model.EntityRef;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A live, read-only JGraphT view of a behavior graph's entities and relationships: a directed multigraph (two
 * entities may be joined by relationships of several types) without self-loops, unweighted.
 *
 * <p>Each call takes the graph's read lock and answers from the graph as it is at that moment; the sets returned are
 * unmodifiable copies, so an algorithm may iterate them while ingestion goes on. An algorithm that must see one
 * unchanging graph should run while nothing is ingested, or on a copy ({@code Graphs.addGraph}).
 */
final class RelationshipGraph extends AbstractGraph<EntityRef, Relationship> {
    private static final GraphType TYPE = new DefaultGraphType.Builder().directed().allowMultipleEdges(true)
            .allowSelfLoops(false).allowCycles(true).weighted(false).modifiable(false).build();

    private final GraphData data;
    private final Lock lock;

    RelationshipGraph(GraphData data, Lock readLock) {
        this.data = data;
        this.lock = readLock;
    }

    @Override
    public Set<Relationship> getAllEdges(EntityRef source, EntityRef target) {
        return read(() -> {
            Node from = data.entities.get(source);
            Node to = data.entities.get(target);
            if (from == null || to == null) {
                return null; // the Graph contract: null when either vertex is absent
            }
            Set<Relationship> edges = new LinkedHashSet<>();
            for (RelationshipType type : RelationshipType.values()) {
                Edge edge = from.outgoing(type, to);
                if (edge != null) {
                    edges.add(edge.relationship());
                }
            }
            return Collections.unmodifiableSet(edges);
        });
    }

    @Override
    public Relationship getEdge(EntityRef source, EntityRef target) {
        Set<Relationship> edges = getAllEdges(source, target);
        return edges == null || edges.isEmpty() ? null : edges.iterator().next();
    }

    @Override
    public Supplier<EntityRef> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Relationship> getEdgeSupplier() {
        return null;
    }

    @Override
    public Relationship addEdge(EntityRef source, EntityRef target) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(EntityRef source, EntityRef target, Relationship e) {
        throw readOnly();
    }

    @Override
    public EntityRef addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(EntityRef v) {
        throw readOnly();
    }

    @Override
    public boolean containsEdge(Relationship e) {
        return read(() -> {
            Node from = data.entities.get(e.source());
            Node to = data.entities.get(e.target());
            return from != null && to != null && from.outgoing(e.type(), to) != null;
        });
    }

    @Override
    public boolean containsVertex(EntityRef v) {
        return read(() -> data.entities.get(v) != null);
    }

    @Override
    public Set<Relationship> edgeSet() {
        return read(() -> {
            Set<Relationship> edges = new LinkedHashSet<>();
            for (Node node : data.entities.all()) {
                addOutgoing(node, edges);
            }
            return Collections.unmodifiableSet(edges);
        });
    }

    @Override
    public int degreeOf(EntityRef v) {
        return read(() -> {
            Node node = vertex(v);
            return node.inDegree() + node.outDegree();
        });
    }

    @Override
    public Set<Relationship> edgesOf(EntityRef v) {
        return read(() -> {
            Node node = vertex(v);
            Set<Relationship> edges = new LinkedHashSet<>();
            addOutgoing(node, edges);
            addIncoming(node, edges);
            return Collections.unmodifiableSet(edges);
        });
    }

    @Override
    public int inDegreeOf(EntityRef v) {
        return read(() -> vertex(v).inDegree());
    }

    @Override
    public Set<Relationship> incomingEdgesOf(EntityRef v) {
        return read(() -> {
            Set<Relationship> edges = new LinkedHashSet<>();
            addIncoming(vertex(v), edges);
            return Collections.unmodifiableSet(edges);
        });
    }

    @Override
    public int outDegreeOf(EntityRef v) {
        return read(() -> vertex(v).outDegree());
    }

    @Override
    public Set<Relationship> outgoingEdgesOf(EntityRef v) {
        return read(() -> {
            Set<Relationship> edges = new LinkedHashSet<>();
            addOutgoing(vertex(v), edges);
            return Collections.unmodifiableSet(edges);
        });
    }

    @Override
    public Relationship removeEdge(EntityRef source, EntityRef target) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Relationship e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(EntityRef v) {
        throw readOnly();
    }

    @Override
    public boolean removeAllEdges(Collection<? extends Relationship> edges) {
        throw readOnly();
    }

    @Override
    public Set<Relationship> removeAllEdges(EntityRef source, EntityRef target) {
        throw readOnly();
    }

    @Override
    public boolean removeAllVertices(Collection<? extends EntityRef> vertices) {
        throw readOnly();
    }

    @Override
    public Set<EntityRef> vertexSet() {
        return read(() -> {
            Set<EntityRef> vertices = new LinkedHashSet<>();
            for (Node node : data.entities.all()) {
                vertices.add(node.ref);
            }
            return Collections.unmodifiableSet(vertices);
        });
    }

    @Override
    public EntityRef getEdgeSource(Relationship e) {
        return e.source();
    }

    @Override
    public EntityRef getEdgeTarget(Relationship e) {
        return e.target();
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    @Override
    public double getEdgeWeight(Relationship e) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public void setEdgeWeight(Relationship e, double weight) {
        throw readOnly();
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private Node vertex(EntityRef v) {
        Node node = data.entities.get(v);
        if (node == null) {
            throw new IllegalArgumentException("no such vertex in graph: " + v);
        }
        return node;
    }

    private static void addOutgoing(Node node, Set<Relationship> edges) {
        if (node.out != null) {
            for (LongObjectCursor<Edge> c : node.out) {
                edges.add(c.value.relationship());
            }
        }
    }

    private static void addIncoming(Node node, Set<Relationship> edges) {
        if (node.in != null) {
            for (Edge edge : node.in) {
                edges.add(edge.relationship());
            }
        }
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the behavior graph's JGraphT view is read-only;"
                + " ingest events into the BehaviorGraph instead");
    }
}
