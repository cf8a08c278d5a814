package io.github.detective4j.graph;

import io.github.detective4j.model.ScopeTime;
import java.time.Instant;

/**
 * The hours a question about a scope looks at, as epoch hours (UTC): the scope itself, the profile context around it
 * and the baseline before it. Each range is {@code [from, to)}.
 */
final class HourWindow {
    /** The first and the last hour a scope can hold ({@link ScopeTime}): the context and baseline stop there. */
    private static final int FIRST_HOUR = (int) ScopeTime.epochHour(Instant.parse("0000-01-01T00:00:00Z"));
    private static final int AFTER_LAST_HOUR = (int) ScopeTime.epochHour(Instant.parse("+10000-01-01T00:00:00Z"));

    final ScopeTime scope;
    final int scopeFrom;
    final int scopeTo;
    final int fromHour;
    final int toHour;
    final int baseFrom;

    HourWindow(ScopeTime scope, GraphSettings settings) {
        this.scope = scope;
        // The context never makes the window longer than the longest scope, so that it is one too.
        long room = (ScopeTime.MAX_LENGTH.toHours() - scope.hours()) / 2;
        int context = (int) Math.min(settings.profileContext().toHours(), room);
        this.scopeFrom = (int) scope.startEpochHour();
        this.scopeTo = (int) scope.endEpochHour();
        this.fromHour = Math.max(FIRST_HOUR, scopeFrom - context);
        this.toHour = Math.min(AFTER_LAST_HOUR, scopeTo + context);
        this.baseFrom = Math.max(FIRST_HOUR, scopeFrom - (int) settings.baseline().toHours());
    }

    int hours() {
        return toHour - fromHour;
    }

    /** The start of an epoch hour. */
    static Instant startOf(int epochHour) {
        return Instant.ofEpochSecond(epochHour * GraphData.SECONDS_PER_HOUR);
    }

    Instant instant(int i) {
        return Instant.ofEpochSecond((fromHour + i) * GraphData.SECONDS_PER_HOUR);
    }

    long fromSecond() {
        return fromHour * GraphData.SECONDS_PER_HOUR;
    }

    long toSecond() {
        return toHour * GraphData.SECONDS_PER_HOUR;
    }

    /** The scope widened by the context. */
    ScopeTime windowScope() {
        return ScopeTime.of(Instant.ofEpochSecond(fromSecond()), Instant.ofEpochSecond(toSecond()));
    }

    ScopeTime baselineScope() {
        return ScopeTime.of(Instant.ofEpochSecond(baseFrom * GraphData.SECONDS_PER_HOUR), scope.start());
    }

    long[] dense(HourCells cells, int stride) {
        long[] dense = new long[hours() * stride];
        if (cells != null) {
            cells.addInto(fromHour, toHour, dense);
        }
        return dense;
    }
}
