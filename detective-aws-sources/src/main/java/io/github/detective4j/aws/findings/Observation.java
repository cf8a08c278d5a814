package io.github.detective4j.aws.findings;

import java.time.Instant;

/**
 * When a finding was observed, from the times it carries: its own first and last observation when it has them, else
 * when it was created and updated. The two pairs are never mixed: a finding that names only its last observation was
 * created after it, and taking the creation for the first observation would invert the two (and lose the finding).
 *
 * @param first the first observation
 * @param last the last observation, not before {@code first} when the finding's own times are in order
 */
record Observation(Instant first, Instant last) {
    /**
     * @param firstSeen the finding's first observation, or null
     * @param lastSeen its last observation, or null
     * @param createdAt when it was created, or null
     * @param updatedAt when it was last updated, or null
     * @param missing what to say when there is no time at all, such as
     *     {@code "has neither 'service.eventFirstSeen' nor 'createdAt'"}
     * @throws FindingNode.InvalidFieldException when the finding has no time to place it by
     */
    static Observation of(Instant firstSeen, Instant lastSeen, Instant createdAt, Instant updatedAt, String missing) {
        if (firstSeen != null || lastSeen != null) {
            // one of the two alone is the one observation the finding names
            return new Observation(firstSeen != null ? firstSeen : lastSeen, lastSeen != null ? lastSeen : firstSeen);
        }
        if (createdAt == null) {
            throw new FindingNode.InvalidFieldException(missing);
        }
        return new Observation(createdAt, updatedAt != null ? updatedAt : createdAt);
    }
}
