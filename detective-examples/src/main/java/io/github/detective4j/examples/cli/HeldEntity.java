package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;

/**
 * The check that an entity asked about is in the logs read. The library answers an unknown entity with an empty
 * profile, which is right for an API; at a prompt it mostly means a typo, so the command line says so instead.
 */
final class HeldEntity {
    private HeldEntity() {}

    /**
     * Returns the entity if the graph holds it.
     *
     * @param graph the graph read from the logs
     * @param entity the entity asked about
     * @return the entity
     * @throws CommandFailure if the graph does not hold it
     */
    static EntityRef in(BehaviorGraph graph, EntityRef entity) {
        boolean held = switch (entity.type()) {
            case FINDING -> graph.finding(entity.id()).isPresent();
            case FINDING_GROUP -> graph.findingGroup(entity.id()).isPresent(); // computed from findings, no entity
            default -> graph.contains(entity);
        };
        if (!held) {
            throw new CommandFailure("the logs read hold no " + entity + "; detective search --prefix <id> finds"
                    + " the entities whose id starts so");
        }
        return entity;
    }
}
