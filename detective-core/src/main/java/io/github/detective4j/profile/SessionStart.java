package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * One role session or federated user session of a {@link SessionActivity} panel: which session, who started it
 * (with {@code AssumeRole*} or {@code GetFederationToken}) and of which role.
 *
 * @param session the session ({@code AwsRoleSession} or {@code FederatedUser})
 * @param startedBy the principal whose call started it (on a role's panel, the last to start it by the scope's
 *     end), or null when the data holds no such call (the session was started before the logs begin, or by an AWS
 *     service)
 * @param role the role it is a session of, or null for a federated user
 * @param firstObserved the first time of the row's relationship, UTC (in any time, not only the scope)
 * @param lastObserved the last time of the row's relationship, UTC
 * @param success the row's successful calls in the scope: on a role's panel, the session's calls and the
 *     {@code AssumeRole} calls that started it; on a starter's or a session's panel, the calls that started it
 * @param failure the row's failed calls in the scope, counted likewise
 */
public record SessionStart(EntityRef session, EntityRef startedBy, EntityRef role, Instant firstObserved,
        Instant lastObserved, long success, long failure) {
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
