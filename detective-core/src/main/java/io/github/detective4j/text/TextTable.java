package io.github.detective4j.text;

import io.github.detective4j.model.SafeText;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A small aligned text table, for the {@code toString()} of answers printed in JShell or a terminal.
 *
 * <p>Every cell goes through {@link #clean}: strings from logs (user agents, names, request parameters) are written
 * by whoever made the call, and a cell must not be able to move the cursor, recolour the terminal or reorder the
 * text around it. Numbers are right-aligned with thousands separators; other cells are left-aligned.
 *
 * <pre>{@code
 * String text = TextTable.of("ip", "calls").row("203.0.113.7", 1200).row("198.51.100.1", 3).toString();
 * // ip            calls
 * // 203.0.113.7   1,200
 * // 198.51.100.1      3
 * }</pre>
 *
 * <p>Not thread-safe while rows are added; its text does not change afterwards.
 */
public final class TextTable {
    /** Cells longer than this many characters are cut and end with an ellipsis. */
    public static final int MAX_CELL = 72;

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();
    private final List<boolean[]> numeric = new ArrayList<>();

    private TextTable(String[] headers) {
        this.headers = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            this.headers[i] = clean(headers[i]);
        }
    }

    /**
     * Starts a table.
     *
     * @param headers the column headers, {@linkplain #clean cleaned} like cells
     * @return an empty table
     */
    public static TextTable of(String... headers) {
        return new TextTable(Objects.requireNonNull(headers, "headers"));
    }

    /**
     * Adds a row; missing cells are blank, extra cells are an error.
     *
     * @param cells the cells: numbers are formatted and right-aligned, null is blank, anything else is
     *     {@linkplain #clean cleaned} text
     * @return this table
     * @throws IllegalArgumentException if there are more cells than headers
     */
    public TextTable row(Object... cells) {
        if (cells.length > headers.length) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + headers.length + " columns");
        }
        String[] text = new String[headers.length];
        boolean[] right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            right[i] = cell instanceof Number;
            text[i] = format(cell);
        }
        rows.add(text);
        numeric.add(right);
        return this;
    }

    /**
     * Tells whether the table has no rows.
     *
     * @return true before the first {@link #row}
     */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Returns the table as lines of aligned columns, headers first, without a trailing newline.
     *
     * @return the text
     */
    @Override
    public String toString() {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, new boolean[headers.length], widths);
        for (int r = 0; r < rows.size(); r++) {
            out.append('\n');
            line(out, rows.get(r), numeric.get(r), widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, boolean[] right, int[] widths) {
        int start = out.length();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            int pad = widths[i] - cell.codePointCount(0, cell.length());
            if (right[i]) {
                out.append(" ".repeat(pad)).append(cell);
            } else {
                out.append(cell).append(" ".repeat(pad));
            }
            if (i < cells.length - 1) {
                out.append("  ");
            }
        }
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }

    private static String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%,.1f", d) : String.valueOf(d);
        }
        if (cell instanceof Number) {
            return String.format(Locale.ROOT, "%,d", ((Number) cell).longValue());
        }
        return clean(cell.toString());
    }

    /**
     * Makes text from a log safe to print: {@linkplain #escape escaped}, and text longer than {@value #MAX_CELL}
     * characters cut with an ellipsis.
     *
     * @param text any text, or null
     * @return the printable text; empty for null
     */
    public static String clean(CharSequence text) {
        String s = escape(text);
        if (s.length() > MAX_CELL) {
            int cut = MAX_CELL - 1;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            s = s.substring(0, cut) + "\u2026";
        }
        return s;
    }

    /**
     * Escapes text from a log so that printing it cannot move the cursor, recolour the terminal, forge a line or
     * reorder the text around it, as {@link SafeText#escape} says: unsafe characters become {@code \}{@code uXXXX}
     * escapes and a backslash becomes two. Nothing is cut.
     *
     * @param text any text, or null
     * @return the escaped text; empty for null
     */
    public static String escape(CharSequence text) {
        return SafeText.escape(text);
    }

    /**
     * Writes a record as its default {@code toString()} would, {@code Name[a=..., b=...]}, with every value
     * {@linkplain #escape escaped}: the {@code toString()} of answers that hold strings from logs.
     *
     * @param record any record
     * @return its text
     */
    public static String describe(Record record) {
        StringBuilder out = new StringBuilder(record.getClass().getSimpleName()).append('[');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object value;
            try {
                value = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=').append(escape(
                    String.valueOf(value)));
        }
        return out.append(']').toString();
    }
}
