package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * One entity that interacted with the profiled one, as a row: a principal that called from an IP address, a user
 * agent seen there, an IP address a user agent called from, a principal that used a bucket.
 *
 * @param entity the other entity
 * @param firstObserved the first interaction, UTC (in any time, not only the scope)
 * @param lastObserved the last interaction, UTC
 * @param success successful calls in the scope
 * @param failure failed calls in the scope
 */
public record EntityActivity(EntityRef entity, Instant firstObserved, Instant lastObserved, long success,
        long failure) {
    /**
     * Returns all calls in the scope.
     *
     * @return {@code success + failure}
     */
    public long total() {
        return success + failure;
    }

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
