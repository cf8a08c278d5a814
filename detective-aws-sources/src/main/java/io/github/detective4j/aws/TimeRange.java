package io.github.detective4j.aws;

import java.time.Instant;
import java.util.Objects;

/** A live source's [from, until) range of time, UTC; {@code until} after {@code from}. */
record TimeRange(Instant from, Instant until) {
    /** Every instant from the epoch on. */
    static final TimeRange SINCE_EPOCH = new TimeRange(Instant.EPOCH, Instant.MAX);

    TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("until " + until + " is not after from " + from);
        }
    }
}
