package io.github.detective4j.graph;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * An entity as a search result or a lookup answer: what it is, when it was observed, and the names that identify it.
 *
 * @param entity the entity
 * @param firstObserved the first instant of activity or finding observation, UTC, or null if never observed
 * @param lastObserved the last such instant, UTC, or null
 * @param name the user, role, session or federated user name, or null
 * @param arn the ARN as the logs gave it, or null
 * @param accountId the owning account, or null
 */
public record EntitySummary(EntityRef entity, Instant firstObserved, Instant lastObserved, String name, String arn,
        String accountId) {

    /**
     * Returns the record's fields, strings from logs escaped ({@link TextTable#escape}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.describe(this);
    }
}
