package io.github.detective4j.report;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import io.github.detective4j.text.TextTable;
import java.util.Locale;

/**
 * Markup written with every value escaped for where it goes. Tag and attribute names come from this package's code
 * only; every value (text or attribute, in HTML or in inline SVG, which the HTML parser reads alike) goes through
 * {@link #escape}: first the terminal escaping of control, format and bidi characters that every table of the
 * library applies ({@link TextTable#escape}), so a user agent cannot reorder the text around it, then Guava's HTML
 * escaper for {@code & < > " '}, so it cannot leave its text or its quoted attribute. Not thread-safe: one per page.
 */
final class Html {
    private static final Escaper HTML = HtmlEscapers.htmlEscaper();

    private final StringBuilder out = new StringBuilder(1 << 16);

    /** Text from anywhere, safe as element text and as a double-quoted attribute value; empty for null. */
    static String escape(Object value) {
        return value == null ? "" : HTML.escape(TextTable.escape(value.toString()));
    }

    /** A coordinate or length for SVG, with a dot whatever the default locale. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * Opens an element.
     *
     * @param tag the tag name, a constant
     * @param attributes name and value pairs; a null value leaves its attribute out
     */
    Html open(String tag, Object... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with escaped text inside. */
    Html element(String tag, Object text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content, such as an SVG shape. */
    Html empty(String tag, Object... attributes) {
        open(tag, attributes);
        out.setCharAt(out.length() - 1, '/');
        out.append('>');
        return this;
    }

    Html text(Object text) {
        out.append(escape(text));
        return this;
    }

    /** Markup this package wrote itself: a constant, or another {@code Html}'s output. */
    Html markup(CharSequence trusted) {
        out.append(trusted);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
