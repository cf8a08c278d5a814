package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * One row of an API call drill-down: the calls over the scope for one key (an IP address, an AWS service acting for
 * the principal, an API method, a resource, an access key, a principal or a user agent), with the rows of the next
 * level down where the drill-down has one (IP address, then API method).
 *
 * @param key what the row counts, as text: an IP address, a service name such as {@code ec2.amazonaws.com}, a method
 *     as {@code iam.amazonaws.com:CreateUser}, a resource as {@code AWS::S3::Bucket my-bucket}, an access key id, an
 *     entity reference; {@code (other)} for the calls beyond the drill-down cap; attacker-influenced
 * @param entity the entity the key names, or null when it names none (methods, services, resources, keys)
 * @param success calls that succeeded
 * @param failure calls that failed
 * @param children the next level, largest first; empty at the last level
 */
public record CallRow(String key, EntityRef entity, long success, long failure, List<CallRow> children) {
    /**
     * Creates a row.
     *
     * @param key what the row counts
     * @param entity the entity the key names, or null
     * @param success calls that succeeded
     * @param failure calls that failed
     * @param children the next level
     */
    public CallRow {
        children = List.copyOf(children);
    }

    /**
     * Returns all calls of the row.
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
