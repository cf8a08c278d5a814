package io.github.detective4j.behavior;

import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * An API method the entity called in the scope, and not in the baseline.
 *
 * @param eventSource the service endpoint, such as {@code cloudtrail.amazonaws.com}
 * @param eventName the method, such as {@code StopLogging}
 * @param success successful calls in the scope
 * @param failure failed calls in the scope
 * @param firstObserved the start of the first hour of the scope with a call, UTC
 * @param newForAccount true when nobody in the entity's account called it in the baseline either
 */
public record NewApiCall(String eventSource, String eventName, long success, long failure, Instant firstObserved,
        boolean newForAccount) {
    /**
     * Returns the short service name.
     *
     * @return the event source without {@code .amazonaws.com}
     */
    public String service() {
        return eventSource.endsWith(".amazonaws.com")
                ? eventSource.substring(0, eventSource.length() - ".amazonaws.com".length()) : eventSource;
    }

    /**
     * Returns the share of calls that succeeded.
     *
     * @return {@code success / (success + failure)}, from 0 to 1
     */
    public double successRate() {
        return (double) success / (success + failure);
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
