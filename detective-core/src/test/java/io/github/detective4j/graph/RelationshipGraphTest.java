package io.github.detective4j.graph;

import static io.github.detective4j.graph.Events.ALICE_ID;
import static io.github.detective4j.graph.Events.alice;
import static io.github.detective4j.graph.Events.finding;
import static io.github.detective4j.graph.Events.flow;
import static io.github.detective4j.graph.Events.hours;
import static io.github.detective4j.graph.Events.runInstances;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.FlowDirection;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsUndirectedGraph;
import org.junit.jupiter.api.Test;

/** The JGraphT view runs JGraphT's own algorithms: the investigator's path from a finding to a user. */
class RelationshipGraphTest {
    static final EntityRef MINER = EntityRef.ec2Instance("i-08a8e40be65425909");
    static final EntityRef BITCOIN = EntityRef.ipAddress("104.16.1.42");
    static final EntityRef FINDING = EntityRef.finding("c2b98b95c5440025c05b405065ed3bb9");
    static final EntityRef ALICE = EntityRef.user(ALICE_ID);

    @Test
    void shortestPathFromTheFindingToTheCreatingUser() {
        BehaviorGraph behavior = BehaviorGraph.create();
        behavior.accept(runInstances(alice(), hours(1), "198.51.100.7", MINER.id()));
        behavior.accept(flow(MINER.id(), hours(2), "10.0.1.5", 40000, BITCOIN.id(), 8333, FlowDirection.OUTBOUND, 50));
        behavior.accept(finding(FINDING.id(), hours(2), hours(3), MINER, BITCOIN));
        Graph<EntityRef, Relationship> graph = behavior.asGraph();

        GraphPath<EntityRef, Relationship> path =
                new DijkstraShortestPath<>(new AsUndirectedGraph<>(graph)).getPath(FINDING, ALICE);
        assertEquals(List.of(FINDING, MINER, ALICE), path.getVertexList());
        assertEquals(new Relationship(RelationshipType.CREATED_INSTANCE, ALICE, MINER), path.getEdgeList().get(1));

        assertTrue(graph.containsEdge(new Relationship(RelationshipType.COMMUNICATED_WITH, MINER, BITCOIN)));
        assertFalse(graph.containsEdge(new Relationship(RelationshipType.COMMUNICATED_WITH, BITCOIN, MINER)));
        assertEquals(2, graph.inDegreeOf(MINER), "created by alice, involved in the finding");
        assertEquals(1, graph.outDegreeOf(MINER));
        assertEquals(graph.edgeSet().size(), graph.vertexSet().stream().mapToInt(graph::outDegreeOf).sum());
        assertNull(graph.getEdge(MINER, ALICE));
        assertTrue(new ConnectivityInspector<>(graph).isConnected());
        assertTrue(graph.getType().isDirected());
    }

    @Test
    void itIsReadOnlyAndSaysSo() {
        Graph<EntityRef, Relationship> graph = BehaviorGraph.create().asGraph();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> graph.addVertex(ALICE));
        assertTrue(e.getMessage().contains("read-only"));
        assertThrows(IllegalArgumentException.class, () -> graph.edgesOf(ALICE), "no such vertex");
    }
}
