package io.github.detective4j.graph;

import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * What the graph knows about one relationship: when it was first and last seen, and how much evidence it has.
 *
 * @param relationship the relationship
 * @param firstSeen the first evidence, UTC
 * @param lastSeen the last evidence, UTC
 * @param activeHours hours with evidence (API calls or flow records); 0 for types without hourly counts
 * @param success successful API calls that evidenced it, for API-call relationships
 * @param failure failed API calls that evidenced it, for API-call relationships
 * @param bytesToTarget bytes the source sent to the target, for {@link RelationshipType#COMMUNICATED_WITH}
 * @param bytesFromTarget bytes the target sent to the source, for {@link RelationshipType#COMMUNICATED_WITH}
 */
public record RelationshipSummary(Relationship relationship, Instant firstSeen, Instant lastSeen, long activeHours,
        long success, long failure, long bytesToTarget, long bytesFromTarget) {

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
