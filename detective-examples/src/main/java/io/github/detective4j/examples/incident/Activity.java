package io.github.detective4j.examples.incident;

import java.time.Instant;

/** One source of API calls in the story, asked for its calls one UTC day at a time, in order. */
interface Activity {
    /**
     * Adds the calls that start in the day beginning at {@code day}; a session may run past its end.
     *
     * @param day midnight UTC
     * @param log where the calls go
     */
    void day(Instant day, CloudTrailLog log);
}
