package io.github.detective4j.report;

import io.github.detective4j.model.ScopeTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * An hourly timeline as inline SVG: one line per series, the scope shaded, each baseline average a dashed line,
 * hours labelled in UTC. The series' values are also on their paths ({@code data-values}, one number an hour), so a
 * test or a script reads the chart as exactly as a person sees it.
 *
 * @param caption what the chart shows, as its accessible title
 * @param first the first hour, UTC
 * @param scope the scope time, shaded
 * @param series the hourly series, each as long as the others
 * @param levels baseline averages, drawn across the whole chart
 * @param unit what the values count
 * @param scale linear or logarithmic
 */
record Timeline(String caption, Instant first, ScopeTime scope, List<Series> series, List<Level> levels, Unit unit,
        Report.Scale scale) {
    private static final double WIDTH = 960;
    private static final double HEIGHT = 210;
    private static final double LEFT = 72;
    private static final double RIGHT = 944;
    private static final double TOP = 26;
    private static final double BOTTOM = 168;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long WEEK_HOURS = 168;
    /** Steps between hour labels, in hours: the first that leaves at most ten labels is taken. */
    private static final long[] LABEL_STEPS = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672, 1344, 2688, 5376, 8784};

    /** One hourly series, such as bytes in. */
    record Series(String name, String css, long[] values) {}

    /** A baseline average of one series, per active hour. */
    record Level(String name, String css, double value) {}

    /** What the values count, for the axis labels. */
    enum Unit {
        BYTES, CALLS, COUNT
    }

    Timeline {
        series = List.copyOf(series);
        levels = levels.stream().filter(l -> Double.isFinite(l.value())).toList(); // no NaN into the SVG
    }

    /** Writes the chart; nothing for a chart without hours. */
    void render(Html html) {
        int hours = series.isEmpty() ? 0 : series.get(0).values().length;
        if (hours == 0) {
            return;
        }
        double slot = (RIGHT - LEFT) / hours;
        long max = series.stream().flatMapToLong(s -> LongStream.of(s.values())).max().orElse(0);
        double top = Math.max(max, levels.stream().mapToDouble(Level::value).max().orElse(0));
        Axis axis = scale == Report.Scale.LOG ? Axis.log(top) : Axis.linear(top);

        html.open("svg", "class", "timeline", "role", "img", "viewBox", "0 0 " + (int) WIDTH + " " + (int) HEIGHT,
                "data-scale", scale.name().toLowerCase(Locale.ROOT), "data-first-hour", first);
        html.element("title", caption + ", " + hours + " hours from " + first + " (UTC), "
                + scale.name().toLowerCase(Locale.ROOT) + " scale");
        long scopeFrom = Math.max(0, hoursBetween(first, scope.start()));
        long scopeTo = Math.min(hours, hoursBetween(first, scope.end()));
        if (scopeTo > scopeFrom) {
            html.open("rect", "class", "scope", "x", Html.number(LEFT + scopeFrom * slot), "y", Html.number(TOP),
                    "width", Html.number((scopeTo - scopeFrom) * slot), "height", Html.number(BOTTOM - TOP),
                    "data-start", scope.start(), "data-end", scope.end());
            html.element("title", "scope " + scope).close("rect");
        }
        for (double tick : axis.ticks()) {
            double y = axis.y(tick);
            html.empty("line", "class", "grid", "x1", Html.number(LEFT), "x2", Html.number(RIGHT),
                    "y1", Html.number(y), "y2", Html.number(y));
            html.element("text", label(tick), "class", "tick", "x", Html.number(LEFT - 6), "y",
                    Html.number(y + 4), "text-anchor", "end");
        }
        hourLabels(html, hours, slot);
        for (Level level : levels) {
            double y = axis.y(level.value());
            html.open("line", "class", "baseline " + level.css(), "x1", Html.number(LEFT), "x2",
                    Html.number(RIGHT), "y1", Html.number(y), "y2", Html.number(y), "data-baseline", level.name(),
                    "data-value", Html.number(level.value()));
            html.element("title", "baseline average of " + level.name() + ": " + label(level.value())
                    + " per active hour").close("line");
        }
        for (Series s : series) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < hours; i++) {
                d.append(i == 0 ? 'M' : 'L').append(Html.number(LEFT + (i + 0.5) * slot)).append(' ')
                        .append(Html.number(axis.y(s.values()[i])));
            }
            if (hours == 1) { // a path of one point draws nothing: the hour's value across its slot
                double y = axis.y(s.values()[0]);
                d.setLength(0);
                d.append('M').append(Html.number(LEFT + 0.1 * slot)).append(' ').append(Html.number(y))
                        .append('L').append(Html.number(LEFT + 0.9 * slot)).append(' ').append(Html.number(y));
            }
            html.open("path", "class", "series " + s.css(), "d", d, "data-series", s.name(), "data-values",
                    LongStream.of(s.values()).mapToObj(Long::toString).collect(Collectors.joining(",")));
            html.element("title", s.name() + ": " + label(LongStream.of(s.values()).max().orElse(0))
                    + " at most in an hour").close("path");
        }
        legend(html);
        html.close("svg");
    }

    private void hourLabels(Html html, int hours, double slot) {
        long firstHour = ScopeTime.epochHour(first);
        long step = LABEL_STEPS[LABEL_STEPS.length - 1];
        for (long candidate : LABEL_STEPS) {
            if (hours / candidate <= 10) {
                step = candidate;
                break;
            }
        }
        DateTimeFormatter format = step % 24 == 0 ? DAY : HOUR;
        // weeks start on Mondays: epoch hour 0 is a Thursday, four days after one
        long offset = step % WEEK_HOURS == 0 ? 4 * 24 : 0;
        for (long h = 0; h < hours; h++) {
            if (Math.floorMod(firstHour + h - offset, step) != 0) {
                continue;
            }
            double x = LEFT + h * slot;
            html.empty("line", "class", "hour", "x1", Html.number(x), "x2", Html.number(x), "y1",
                    Html.number(BOTTOM), "y2", Html.number(BOTTOM + 5));
            html.element("text", format.format(first.plusSeconds(h * 3600)), "class", "tick", "x", Html.number(x),
                    "y", Html.number(BOTTOM + 18), "text-anchor", "middle");
        }
        html.element("text", "UTC", "class", "tick", "x", Html.number(RIGHT), "y", Html.number(BOTTOM + 34),
                "text-anchor", "end");
    }

    private void legend(Html html) {
        double x = LEFT;
        List<String> names = new ArrayList<>();
        for (Series s : series) {
            html.empty("rect", "class", "swatch " + s.css(), "x", Html.number(x), "y", "8", "width", "12",
                    "height", "12");
            html.element("text", s.name(), "class", "legend", "x", Html.number(x + 16), "y", "18");
            x += 24 + 7.5 * s.name().length();
            names.add(s.name());
        }
        if (!levels.isEmpty()) {
            html.empty("line", "class", "key", "x1", Html.number(x), "x2", Html.number(x + 22), "y1", "14",
                    "y2", "14");
            html.element("text", "baseline average", "class", "legend", "x", Html.number(x + 28), "y", "18");
            x += 150;
        }
        // compared by instants: the chart may be longer than a scope can be, or start off the hour
        Instant end = first.plusSeconds(3600L * series.get(0).values().length);
        if (!scope.start().equals(first) || !scope.end().equals(end)) {
            html.empty("rect", "class", "swatch scope", "x", Html.number(x), "y", "8", "width", "12", "height", "12");
            html.element("text", "scope time", "class", "legend", "x", Html.number(x + 16), "y", "18");
        }
    }

    private String label(double value) {
        return switch (unit) {
            case BYTES -> Quantities.bytes(value);
            case CALLS, COUNT -> Quantities.count(value);
        };
    }

    private static long hoursBetween(Instant from, Instant to) {
        return Math.floorDiv(to.getEpochSecond() - from.getEpochSecond(), 3600);
    }

    /** Where values go on the chart, and which of them are labelled. */
    private record Axis(boolean log, double top, List<Double> ticks) {
        static Axis linear(double max) {
            if (max <= 0) {
                return new Axis(false, 1, List.of(0.0, 1.0));
            }
            double step = niceStep(max / 4);
            double top = Math.ceil(max / step) * step;
            List<Double> ticks = new ArrayList<>();
            for (double t = 0; t <= top + step / 2; t += step) {
                ticks.add(t);
            }
            return new Axis(false, top, ticks);
        }

        /**
         * Zero, then powers of ten, placed by log(1 + value) so that one call stands above none; with many decades
         * only every few are labelled, at most six and the top.
         */
        static Axis log(double max) {
            int decades = Math.max(1, (int) Math.ceil(Math.log10(Math.max(max, 1))));
            int every = (decades + 5) / 6;
            List<Double> ticks = new ArrayList<>();
            ticks.add(0.0);
            for (int k = every > 1 ? every : 0; k <= decades; k += every) {
                ticks.add(Math.pow(10, k));
            }
            if (decades % every != 0) {
                ticks.add(Math.pow(10, decades));
            }
            return new Axis(true, Math.pow(10, decades), ticks);
        }

        double y(double value) {
            double share = log ? Math.log10(1 + Math.max(value, 0)) / Math.log10(1 + top) : value / top;
            return BOTTOM - Math.max(0, Math.min(1, share)) * (BOTTOM - TOP);
        }

        /** 1, 2 or 5 times a power of ten, at least the rough step. */
        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double m : new double[] {1, 2, 5}) {
                if (m * power >= rough) {
                    return m * power;
                }
            }
            return 10 * power;
        }
    }
}
