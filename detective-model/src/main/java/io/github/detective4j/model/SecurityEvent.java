package io.github.detective4j.model;

import java.time.Instant;

/**
 * A normalized event that a source produces and a behavior graph ingests: an {@link ApiCall}, a
 * {@link NetworkFlow} or a {@link Finding}. The set is closed, so a {@code switch} over it is exhaustive.
 */
public sealed interface SecurityEvent permits ApiCall, NetworkFlow, Finding {
    /**
     * Returns the instant that places this event on the timeline, UTC: when the call was made, when the flow's
     * capture window started, when the finding was last updated.
     *
     * @return the instant
     */
    Instant time();

    /**
     * Returns the AWS account the event belongs to.
     *
     * @return the 12-digit account id, or null when the source did not say
     */
    String accountId();
}
