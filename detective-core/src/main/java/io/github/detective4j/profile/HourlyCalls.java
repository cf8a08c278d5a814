package io.github.detective4j.profile;

import java.time.Instant;

/**
 * API calls in one hour.
 *
 * @param hour the start of the hour, UTC
 * @param success calls that succeeded
 * @param failure calls that failed (CloudTrail recorded an error code or message)
 */
public record HourlyCalls(Instant hour, long success, long failure) {
    /**
     * Returns all calls of the hour.
     *
     * @return {@code success + failure}
     */
    public long total() {
        return success + failure;
    }
}
