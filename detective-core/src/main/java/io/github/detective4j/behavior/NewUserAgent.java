package io.github.detective4j.behavior;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * A user agent the entity called with in the scope, and not in the baseline.
 *
 * @param userAgent the user agent; its id is the string as logged, attacker-controlled
 * @param success successful calls with it in the scope
 * @param failure failed calls with it in the scope
 * @param internalCalls of those, the calls an AWS service made for the entity ({@code sourceIPAddress} a service
 *     name such as {@code AWS Internal})
 * @param externalCalls of those, the calls from an IP address
 * @param firstObserved the start of the first hour of the scope with a call, UTC
 * @param newForAccount true when nobody in the entity's account used it in the baseline either
 */
public record NewUserAgent(EntityRef userAgent, long success, long failure, long internalCalls, long externalCalls,
        Instant firstObserved, boolean newForAccount) {

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
