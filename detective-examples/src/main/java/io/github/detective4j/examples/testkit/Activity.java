package io.github.detective4j.examples.testkit;

import io.github.detective4j.model.SecurityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a {@link Scenario} does, starting at its clock: once, a number of times, or every so often during a
 * period. The occurrences are told when a terminal method ({@link #once}, {@link #times}, {@link #during}) is
 * called, which returns the story for the next sentence.
 *
 * <pre>{@code
 * caller.calls("sts", "GetCallerIdentity").once();
 * caller.calls("iam", "ListUsers").every(Duration.ofSeconds(2)).times(50);          // a discovery burst
 * host.talksTo("104.16.1.42", 8333, 10_000, 5_000).every(Duration.ofHours(1)).during(Duration.ofDays(9));
 * }</pre>
 *
 * Not thread-safe.
 */
public final class Activity {
    /** The events of one occurrence: at a time, the n-th (from 0). */
    @FunctionalInterface
    interface Occurrence {
        List<? extends SecurityEvent> at(Instant time, int n);
    }

    private final Scenario scenario;
    private final Occurrence occurrence;
    private Duration interval = Duration.ofMinutes(1);

    Activity(Scenario scenario, Occurrence occurrence) {
        this.scenario = scenario;
        this.occurrence = occurrence;
    }

    /**
     * Sets the time between occurrences.
     *
     * @param every a positive duration; default one minute
     * @return this activity
     * @throws IllegalArgumentException if not positive
     */
    public Activity every(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, was " + every);
        }
        this.interval = every;
        return this;
    }

    /**
     * Does it once, at the story's clock.
     *
     * @return the story
     */
    public Scenario once() {
        return times(1);
    }

    /**
     * Does it a number of times, the interval apart, the first at the story's clock.
     *
     * @param count 1 or more
     * @return the story
     * @throws IllegalArgumentException if the count is below 1
     */
    public Scenario times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("the count must be at least 1, was " + count);
        }
        Instant start = scenario.now();
        for (int n = 0; n < count; n++) {
            Instant at = start.plus(interval.multipliedBy(n));
            occurrence.at(at, n).forEach(scenario::add);
        }
        return scenario;
    }

    /**
     * Does it every interval from the story's clock until a period has passed: hourly {@code during(ofDays(30))} is
     * 720 times, the last 29 days and 23 hours after the first.
     *
     * @param period how long, positive
     * @return the story
     * @throws IllegalArgumentException if not positive
     */
    public Scenario during(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive, was " + period);
        }
        long count = (period.toNanos() + interval.toNanos() - 1) / interval.toNanos();
        return times(Math.toIntExact(count));
    }
}
