package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.graph.GraphStats;
import io.github.detective4j.model.ScopeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scope time as a user types it: an ISO-8601 interval ({@code 2026-11-19T00:00:00Z/2026-11-28T00:00:00Z},
 * {@code 2026-11-19T00:00:00Z/P9D}), or the last hours, days or weeks of the data ({@code last 24h}, {@code last 9d},
 * {@code last 2w}). "Last" counts back from the end of the hour of the latest event read, not from now: logs on disk
 * are about the past, and Detective's own default scope of an entity is the last 24 hours of its data.
 *
 * @param interval the interval given, or null
 * @param last the length given after {@code last}, or null
 */
record Scope(ScopeTime interval, Duration last) {
    /** The help text of every {@code --scope} option. */
    static final String HELP = "The scope time: an ISO-8601 interval such as 2026-11-19T00:00:00Z/2026-11-28T00:00:00Z"
            + " or 2026-11-19T00:00:00Z/P9D, or 'last 24h', 'last 9d', 'last 2w': the last hours, days or weeks up to"
            + " the end of the hour of the latest event read.";
    /** Detective's default scope of an entity. */
    static final Scope LAST_DAY = new Scope(null, Duration.ofHours(24));

    private static final Pattern LAST =
            Pattern.compile("last\\s*(\\d{1,5})\\s*(h|hours?|d|days?|w|weeks?)", Pattern.CASE_INSENSITIVE);

    /**
     * Reads a scope.
     *
     * @param text an ISO-8601 interval or {@code last <n><h|d|w>}
     * @return the scope
     * @throws IllegalArgumentException if it is neither, or the scope is not 1 hour to 366 days long
     */
    static Scope parse(String text) {
        String s = text.strip();
        Matcher last = LAST.matcher(s);
        if (last.matches()) {
            long n = Long.parseLong(last.group(1));
            Duration length = switch (last.group(2).toLowerCase(Locale.ROOT).charAt(0)) {
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            if (length.isZero() || length.compareTo(ScopeTime.MAX_LENGTH) > 0) {
                throw new IllegalArgumentException("scope '" + s + "' must last from 1 hour to 366 days");
            }
            return new Scope(null, length);
        }
        if (s.regionMatches(true, 0, "last", 0, 4)) {
            throw new IllegalArgumentException("scope '" + s + "' must be 'last <n>h', 'last <n>d' or 'last <n>w'");
        }
        try {
            return new Scope(ScopeTime.parse(s), null);
        } catch (IllegalArgumentException e) {
            // the library's hint names its Java API; a command-line user needs the hours themselves
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).replace(
                    "use ScopeTime.covering(start, end) to widen to whole hours",
                    "give times on whole UTC hours, such as 2026-11-19T10:00:00Z"), e);
        }
    }

    /**
     * Returns the scope time this scope stands for in a graph's data.
     *
     * @param graph the graph the question is about
     * @return the interval, or the last hours up to the end of the hour of the graph's latest event
     * @throws CommandFailure when the scope is relative and the graph holds no event to place it by
     */
    ScopeTime in(BehaviorGraph graph) {
        if (interval != null) {
            return interval;
        }
        GraphStats stats = graph.stats();
        Instant latest = stats.lastEvent();
        if (latest == null) {
            throw new CommandFailure("the graph holds no event to place the scope by" + (stats.refusedEvents() > 0
                    ? String.format(Locale.ROOT, " (it refused %,d, whose times lie outside the years 1970 to 9999)",
                            stats.refusedEvents()) : "") + "; give --scope START/END");
        }
        ScopeTime lastHour = ScopeTime.covering(latest, latest);
        return ScopeTime.of(lastHour.end().minus(last), lastHour.end());
    }
}
