package io.github.detective4j.graph;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.util.Objects;

/**
 * One relationship of a behavior graph, by identity: its type and the two entities it joins. It is the edge type of
 * the graph's JGraphT view ({@link BehaviorGraph#asGraph()}), where two relationships are the same edge exactly when
 * they are {@linkplain #equals equal}; what the graph knows about it (first and last seen, counts) is asked with
 * {@link BehaviorGraph#relationships(EntityRef)}.
 *
 * @param type the relationship type
 * @param source the entity it starts from
 * @param target the entity it leads to
 */
public record Relationship(RelationshipType type, EntityRef source, EntityRef target) {
    /**
     * Creates a relationship.
     *
     * @param type the relationship type
     * @param source the entity it starts from
     * @param target the entity it leads to
     * @throws NullPointerException if an argument is null
     */
    public Relationship {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Returns {@code source -TYPE-> target}.
     *
     * @return for example {@code AwsUser/AIDA... -CREATED_INSTANCE-> Ec2Instance/i-08a8e40be65425909}
     */
    @Override
    public String toString() {
        return TextTable.escape(source + " -" + type + "-> " + target);
    }
}
