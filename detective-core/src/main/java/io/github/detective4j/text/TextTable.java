package io.github.detective4j.text;

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
     * Makes text from a log safe to print: control characters (C0, DEL, C1) and the Unicode characters that reorder
     * or hide text (bidirectional overrides and isolates, zero-width joiners, the byte-order mark) become
     * {@code \}{@code uXXXX} escapes, and text longer than {@value #MAX_CELL} characters is cut with an ellipsis.
     *
     * @param text any text, or null
     * @return the printable text; empty for null
     */
    public static String clean(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String s = out == null ? text.toString() : out.toString();
        if (s.length() > MAX_CELL) {
            int cut = MAX_CELL - 1;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
            s = s.substring(0, cut) + "\u2026";
        }
        return s;
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0)
                || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
    }
}
