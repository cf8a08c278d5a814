package io.github.detective4j.model;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The window of time an investigation looks at: {@code [start, end)} in UTC, on whole hours, from one hour to 366
 * days long (a leap year), within the years 0000 to 9999.
 *
 * <p>As in Amazon Detective, an entity's default scope is the last 24 hours ({@link #lastHours}), a finding's is its
 * first to last observation widened to whole hours ({@link #ofFinding}), and behavior inside the scope is compared
 * with its {@linkplain #baseline() baseline}, the 45 days before it.
 *
 * <pre>{@code
 * ScopeTime scope = ScopeTime.parse("2026-11-20T00:00:00Z/2026-11-28T00:00:00Z");
 * scope.hours();      // 192
 * scope.baseline();   // 2026-10-06T00:00:00Z/2026-11-20T00:00:00Z
 * ScopeTime.covering(Instant.parse("2026-11-28T11:45:10Z"), Instant.parse("2026-11-28T13:02:00Z"));
 *                     // 2026-11-28T11:00:00Z/2026-11-28T14:00:00Z
 * }</pre>
 *
 * @param start the first instant in scope, on a whole UTC hour
 * @param end the first instant after the scope, on a whole UTC hour, after {@code start}
 */
public record ScopeTime(Instant start, Instant end) {
    /** One hour: the unit of every hourly aggregate and the shortest scope. */
    public static final Duration HOUR = Duration.ofHours(1);
    /** The longest scope: 366 days, so that a whole leap year fits. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    /** The baseline Amazon Detective uses: the 45 days before the scope start. */
    public static final Duration DEFAULT_BASELINE = Duration.ofDays(45);

    private static final long SECONDS_PER_HOUR = 3600;
    /** The bounds of the years a scope may lie in: far wider than any data (the graph takes events of 1970 to 9999). */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * Creates a scope, checking it.
     *
     * @param start the first instant in scope, on a whole UTC hour
     * @param end the first instant after the scope, on a whole UTC hour
     * @throws IllegalArgumentException if either bound is not on a whole hour, if {@code end} is not after
     *     {@code start}, if the scope is longer than 366 days, or if it lies outside the years 0000 to 9999; the
     *     message says which and suggests a fix
     */
    public ScopeTime {
        Require.nonNull(start, "scope start");
        Require.nonNull(end, "scope end");
        if (!isWholeHour(start)) {
            throw new IllegalArgumentException("scope start " + start + " is not on a whole UTC hour;"
                    + " use ScopeTime.covering(start, end) to widen to whole hours");
        }
        if (!isWholeHour(end)) {
            throw new IllegalArgumentException("scope end " + end + " is not on a whole UTC hour;"
                    + " use ScopeTime.covering(start, end) to widen to whole hours");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("scope end " + end + " must be after scope start " + start);
        }
        if (start.isBefore(FIRST) || end.isAfter(AFTER_LAST)) {
            // hourly aggregates count hours in an int from 1970: a scope must not reach where they overflow
            throw new IllegalArgumentException("scope " + start + "/" + end + " lies outside the years 0000 to 9999");
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("scope " + start + "/" + end + " lasts " + length.toHours()
                    + " hours; a scope lasts from 1 hour to 366 days (8784 hours)");
        }
    }

    /**
     * Creates a scope from bounds already on whole hours.
     *
     * @param start the first instant in scope
     * @param end the first instant after the scope
     * @return the scope
     * @throws IllegalArgumentException as the constructor does
     */
    public static ScopeTime of(Instant start, Instant end) {
        return new ScopeTime(start, end);
    }

    /**
     * Returns the smallest scope on whole hours that holds every instant from {@code first} to {@code last}, both
     * included: {@code first} is rounded down and {@code last} up to whole hours, and a single instant on a whole
     * hour gets that one hour.
     *
     * @param first the earliest instant to cover
     * @param last the latest instant to cover, not before {@code first}
     * @return the scope
     * @throws IllegalArgumentException if {@code last} is before {@code first}, the span exceeds 366 days or the
     *     scope would lie outside the years 0000 to 9999
     */
    public static ScopeTime covering(Instant first, Instant last) {
        Require.nonNull(first, "first instant");
        Require.nonNull(last, "last instant");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last instant " + last + " is before first instant " + first);
        }
        Instant start = floorHour(first);
        Instant end = hourAfter(last); // the hour that holds 'last' is in scope
        return new ScopeTime(start, end);
    }

    /**
     * Returns the smallest scope on whole hours that holds every instant from {@code first} to {@code last}
     * ({@link #covering}), or, when that is longer than {@code atMost}, the last {@code atMost} of it: the scope of
     * something observed for longer than a scope may last, such as a finding seen for two years.
     *
     * <pre>{@code
     * ScopeTime.coveringLatest(Instant.parse("2024-01-01T10:15:00Z"), Instant.parse("2026-03-01T12:00:00Z"),
     *         ScopeTime.MAX_LENGTH);   // 2025-02-28T13:00:00Z/2026-03-01T13:00:00Z
     * }</pre>
     *
     * @param first the earliest instant to cover
     * @param last the latest instant to cover, not before {@code first}
     * @param atMost the longest scope to return: whole hours, from 1 hour to 366 days
     * @return the scope, which always holds {@code last}
     * @throws IllegalArgumentException if {@code last} is before {@code first}, {@code atMost} is out of range or
     *     the scope would lie outside the years 0000 to 9999
     */
    public static ScopeTime coveringLatest(Instant first, Instant last, Duration atMost) {
        Require.nonNull(first, "first instant");
        Require.nonNull(last, "last instant");
        checkLength(atMost, "atMost");
        Instant end = hourAfter(last);
        if (end.isBefore(FIRST)) { // before subtracting, which would overflow near Instant.MIN
            throw outside(last);
        }
        Instant earliest = end.minus(atMost);
        return covering(first.isBefore(earliest) ? earliest : first, last); // last before first: covering says so
    }

    /**
     * Returns the last {@code hours} whole hours up to now, the current partial hour included: at 11:45 the last 24
     * hours run from 12:00 yesterday to 12:00 today.
     *
     * @param hours how many hours, 1 to 8,784 (366 days)
     * @param clock the clock that says what now is; its zone does not matter
     * @return the scope
     * @throws IllegalArgumentException if {@code hours} is out of range or the scope would lie outside the years
     *     0000 to 9999
     */
    public static ScopeTime lastHours(int hours, Clock clock) {
        Require.inRange(hours, 1, (int) MAX_LENGTH.toHours(), "hours");
        Instant now = Require.nonNull(clock, "clock").instant();
        Instant end = isWholeHour(now) ? now : hourAfter(now);
        if (end.isBefore(FIRST)) { // before subtracting, which would overflow near Instant.MIN
            throw outside(now);
        }
        return new ScopeTime(end.minus(Duration.ofHours(hours)), end);
    }

    /**
     * Returns the last {@code hours} whole hours up to now by the system clock; see {@link #lastHours(int, Clock)}.
     *
     * @param hours how many hours, 1 to 8,784
     * @return the scope
     */
    public static ScopeTime lastHours(int hours) {
        return lastHours(hours, Clock.systemUTC());
    }

    /**
     * Returns a finding's scope, as Detective sets it: from its first to its last observation, widened to whole
     * hours ({@link #covering}); for a finding observed for longer than the longest scope, the last 366 days of it
     * ({@link #coveringLatest}).
     *
     * @param finding the finding
     * @return the scope
     * @throws IllegalArgumentException if the scope would lie outside the years 0000 to 9999
     */
    public static ScopeTime ofFinding(Finding finding) {
        Require.nonNull(finding, "finding");
        return coveringLatest(finding.firstObserved(), finding.lastObserved(), MAX_LENGTH);
    }

    /**
     * Reads an ISO-8601 interval {@code <start>/<end>} or {@code <start>/<duration>}, the form {@link #toString}
     * writes.
     *
     * @param text for example {@code 2026-11-27T12:00:00Z/2026-11-28T12:00:00Z} or {@code 2026-11-27T12:00:00Z/PT24H}
     * @return the scope
     * @throws IllegalArgumentException if the text is not such an interval or the scope is not valid
     */
    public static ScopeTime parse(CharSequence text) {
        String s = Require.nonNull(text, "scope time").toString().strip();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("scope time '" + IpAddresses.abbreviate(s)
                    + "' must be an ISO-8601 interval <start>/<end>, for example"
                    + " 2026-11-27T12:00:00Z/2026-11-28T12:00:00Z");
        }
        try {
            Instant start = Instant.parse(s.substring(0, slash));
            String second = s.substring(slash + 1);
            Instant end = second.startsWith("P") || second.startsWith("p")
                    ? start.plus(Duration.parse(second))
                    : Instant.parse(second);
            return new ScopeTime(start, end);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scope time '" + IpAddresses.abbreviate(s)
                    + "' is not an ISO-8601 interval of UTC instants: " + e.getMessage(), e);
        } catch (DateTimeException | ArithmeticException e) { // start + duration beyond Instant.MIN or MAX
            throw new IllegalArgumentException("scope time '" + IpAddresses.abbreviate(s)
                    + "' ends outside the supported range of instants", e);
        }
    }

    /**
     * Returns the baseline of this scope: the 45 days ({@link #DEFAULT_BASELINE}) before its start.
     *
     * @return {@code [start - 45 days, start)}
     */
    public ScopeTime baseline() {
        return baseline(DEFAULT_BASELINE);
    }

    /**
     * Returns the window of the given length that ends where this scope starts.
     *
     * @param length whole hours, from 1 hour to 366 days
     * @return {@code [start - length, start)}
     * @throws IllegalArgumentException if {@code length} is not whole hours or out of range
     */
    public ScopeTime baseline(Duration length) {
        checkLength(length, "baseline length");
        return new ScopeTime(start.minus(length), start);
    }

    private static void checkLength(Duration length, String name) {
        Require.nonNull(length, name);
        if (length.isNegative() || length.isZero() || length.toSeconds() % SECONDS_PER_HOUR != 0 || length.getNano() != 0
                || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException(name + " must be a positive number of whole hours, at most 366 days,"
                    + " was " + length);
        }
    }

    /**
     * Returns the length of the scope.
     *
     * @return {@code end - start}
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Returns how many hours the scope holds.
     *
     * @return 1 to 8,784
     */
    public long hours() {
        return endEpochHour() - startEpochHour();
    }

    /**
     * Tells whether an instant falls in {@code [start, end)}.
     *
     * @param instant the instant
     * @return true if it is in scope
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Tells whether an epoch hour (see {@link #epochHour}) falls in the scope.
     *
     * @param epochHour hours since 1970-01-01T00:00Z
     * @return true if that hour is in scope
     */
    public boolean containsHour(long epochHour) {
        return epochHour >= startEpochHour() && epochHour < endEpochHour();
    }

    /**
     * Tells whether two scopes share at least one hour.
     *
     * @param other another scope
     * @return true if they overlap
     */
    public boolean overlaps(ScopeTime other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Returns the epoch hour of the start, the key of the first hourly aggregate in scope.
     *
     * @return hours since 1970-01-01T00:00Z
     */
    public long startEpochHour() {
        return start.getEpochSecond() / SECONDS_PER_HOUR;
    }

    /**
     * Returns the epoch hour of the end, the first hour after the scope.
     *
     * @return hours since 1970-01-01T00:00Z
     */
    public long endEpochHour() {
        return end.getEpochSecond() / SECONDS_PER_HOUR;
    }

    /**
     * Returns the hour that holds an instant, counted from the epoch: the key of hourly aggregates.
     *
     * @param instant any instant
     * @return {@code floor(epochSecond / 3600)}, negative before 1970
     */
    public static long epochHour(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_HOUR);
    }

    /**
     * Returns the ISO-8601 interval {@code <start>/<end>}, which {@link #parse} reads back.
     *
     * @return for example {@code 2026-11-27T12:00:00Z/2026-11-28T12:00:00Z}
     */
    @Override
    public String toString() {
        return start + "/" + end;
    }

    private static boolean isWholeHour(Instant instant) {
        return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), SECONDS_PER_HOUR) == 0;
    }

    /**
     * The end of the hour that holds an instant; checked before the arithmetic, which would overflow near
     * {@link Instant#MAX} with a {@code DateTimeException} instead of saying what is wrong.
     */
    private static Instant hourAfter(Instant instant) {
        Instant hour = floorHour(instant);
        if (!hour.isBefore(AFTER_LAST)) {
            throw outside(instant);
        }
        return hour.plus(HOUR);
    }

    private static IllegalArgumentException outside(Instant instant) {
        return new IllegalArgumentException("instant " + instant + " lies outside the years 0000 to 9999");
    }

    private static Instant floorHour(Instant instant) {
        return Instant.ofEpochSecond(epochHour(instant) * SECONDS_PER_HOUR);
    }
}
