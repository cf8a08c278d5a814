package io.github.detective4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.json.DetectiveJson;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import java.util.ArrayList;
import java.util.List;

/** Asserts that two graphs answer alike: statistics, every entity's profile (as JSON) and relationships, findings. */
final class SameGraph {
    private SameGraph() {}

    /**
     * Compares {@code actual} with {@code expected}; {@code sameArrivalOrder} also compares the bytes of the series'
     * arrays, whose spare capacity depends on the order events arrived in.
     *
     * @return the entities compared
     */
    static List<EntityRef> assertSame(BehaviorGraph expected, BehaviorGraph actual, ScopeTime scope,
            boolean sameArrivalOrder) {
        GraphStats a = expected.stats();
        GraphStats b = actual.stats();
        assertEquals(a, new GraphStats(b.entities(), b.relationships(), b.apiCalls(), b.flows(),
                b.flowsWithoutTraffic(), b.findingUpdates(), b.findings(), b.refusedEvents(), b.droppedRelationships(),
                b.overflowedDrillDowns(), b.droppedEntities(), b.firstEvent(), b.lastEvent(), b.hourlyCells(),
                sameArrivalOrder ? b.seriesBytes() : a.seriesBytes()));
        List<EntityRef> entities = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            expected.search(Search.idPrefix("").withTypes(type).withLimit(100_000)).entities()
                    .forEach(e -> entities.add(e.entity()));
        }
        for (EntityRef entity : entities) {
            assertEquals(DetectiveJson.write(expected.profile(entity, scope)),
                    DetectiveJson.write(actual.profile(entity, scope)), entity.toString());
            assertEquals(expected.relationships(entity), actual.relationships(entity), entity.toString());
        }
        assertEquals(expected.findings(), actual.findings());
        return entities;
    }
}
