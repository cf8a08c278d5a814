package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.Sparkline;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The pieces every panel's {@code toString()} is made of, so that all panels read alike. */
final class PanelText {
    /** Rows printed per drill-down table; the JSON has them all. */
    static final int MAX_ROWS = 10;
    /** The line a list panel ends with when a relationship cap may have left entities out of it. */
    static final String RELATIONSHIPS_CAPPED = "(relationships capped: some entities may be missing)";

    private PanelText() {}

    static StringBuilder title(String title, ScopeTime scope) {
        return new StringBuilder(title).append("  (scope ").append(scope).append(')');
    }

    static <T> String sparkline(List<T> hours, ToLongFunction<T> value) {
        long[] values = new long[hours.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsLong(hours.get(i));
        }
        return Sparkline.of(values);
    }

    /** A line naming the hours a sparkline covers and where the scope lies in it. */
    static String axis(List<?> hours, Instant first, ScopeTime scope) {
        if (hours.isEmpty()) {
            return "";
        }
        long before = Math.max(0, (scope.start().getEpochSecond() - first.getEpochSecond()) / 3600);
        return String.format(Locale.ROOT, "%d hours from %s; scope is hours %d to %d", hours.size(), first,
                before + 1, before + scope.hours());
    }

    static String percent(Double change) {
        return change == null ? "n/a" : String.format(Locale.ROOT, "%+.0f%%", change);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Appends a table's first {@link #MAX_ROWS} rows, and says how many more there are. */
    static void table(StringBuilder out, String heading, TextTable table, int rows) {
        if (table.isEmpty()) {
            return;
        }
        out.append('\n');
        if (!heading.isEmpty()) {
            out.append(heading).append('\n');
        }
        out.append(table);
        if (rows > MAX_ROWS) {
            out.append("\n... ").append(rows - MAX_ROWS).append(" more");
        }
    }

    static String text(Object value) {
        return value == null ? "" : TextTable.clean(value.toString());
    }
}
