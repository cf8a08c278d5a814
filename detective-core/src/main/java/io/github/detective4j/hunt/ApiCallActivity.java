package io.github.detective4j.hunt;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * Calls of one API method by one principal through one indicator (from an IP address, or with a user agent), as a
 * hunt finds them. Times are hour-aligned: the calls are kept as hourly counts.
 *
 * @param principal who called
 * @param through the IP address or user agent hunted for
 * @param eventSource the service endpoint
 * @param eventName the method
 * @param success successful calls
 * @param failure failed calls
 * @param firstHour the start of the first hour with such a call, UTC
 * @param lastHour the start of the last hour with such a call, UTC
 */
public record ApiCallActivity(EntityRef principal, EntityRef through, String eventSource, String eventName,
        long success, long failure, Instant firstHour, Instant lastHour) {
    /**
     * Returns all calls.
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
