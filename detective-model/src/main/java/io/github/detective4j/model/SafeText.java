package io.github.detective4j.model;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The one definition, for every detective4j module, of the characters that text from logs must not carry raw into
 * what a person or a line-oriented program reads: a terminal, a log file, a JSON feed line, an HTML page.
 *
 * <p>User agents, role session names, finding ids and titles are written by whoever made the call: they are data.
 * Written raw, a control character moves the cursor or recolours a terminal (ESC, and CSI U+009B on its own), a line
 * or paragraph separator forges a line for readers that split on it (LF, NEL U+0085, U+2028), a format character
 * reorders or hides text (the right-to-left override U+202E, zero-width spaces and joiners, the byte-order mark),
 * and an unpaired surrogate is no character at all. {@link #isUnsafe} is that set; {@link #escape} writes each of
 * them as an escape that says which it was. The log of detective-aws-sources, the tables and pages of
 * detective-core and its JSON all use this class, so that one output cannot let through what another escapes.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeText {
    private SafeText() {}

    /**
     * Tells whether a code point must not be written raw: a control character (C0, DEL, C1), a line or paragraph
     * separator (U+2028, U+2029), a format character (Unicode category Cf: bidirectional embeddings, overrides and
     * isolates, zero-width space, joiners and word joiner, the byte-order mark, soft hyphen, tag characters, ...),
     * a surrogate, a code point this Java's Unicode has not assigned, or one that shows as nothing though it is no
     * format character (the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the combining grapheme joiner U+034F,
     * the variation selectors, Khmer's inherent vowels, Mongolian's free variation selectors, the blank Braille
     * pattern U+2800), with which one user agent or user name can pass for another. A surrogate code point is what
     * {@link Character#codePointAt(CharSequence, int)} returns for half of a pair that is alone; a caller that goes char by char sees both halves of a well-formed pair as
     * unsafe, which is still right for escapes that write UTF-16 units, as JSON's do.
     *
     * @param codePoint any code point, or a char
     * @return true if it must be escaped
     */
    public static boolean isUnsafe(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED:
                return true;
            default:
                return isInvisible(codePoint);
        }
    }

    /** Assigned, no format character, and shown as nothing: Unicode's default-ignorables of other categories. */
    private static boolean isInvisible(int c) {
        return c == 0x034f || c == 0x115f || c == 0x1160 || c == 0x17b4 || c == 0x17b5
                || (c >= 0x180b && c <= 0x180f) || c == 0x2800 || c == 0x3164 || (c >= 0xfe00 && c <= 0xfe0f)
                || c == 0xffa0 || (c >= 0xe0100 && c <= 0xe01ef);
    }

    /**
     * Escapes text so that writing it cannot move the cursor, recolour a terminal, forge a line or reorder the text
     * around it: every {@linkplain #isUnsafe unsafe} code point becomes {@code \}{@code uXXXX}
     * ({@code \}{@code U00XXXXXX} beyond the BMP) and a backslash becomes two, so that text which spells an escape
     * (the six characters {@code \}{@code u001b} in a user agent) stays apart from the escape of a real ESC. All
     * else is kept as it is, letters of every script and emoji alike; nothing is cut.
     *
     * @param text any text, or null
     * @return the escaped text, free of unsafe characters; empty for null
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int c = Character.codePointAt(text, i);
            int width = Character.charCount(c);
            if (c == '\\' || isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(n + 16).append(text, 0, i);
                }
                out.append(c == '\\' ? "\\\\" : c <= 0xffff ? String.format(Locale.ROOT, "\\u%04x", c)
                        : String.format(Locale.ROOT, "\\U%08x", c));
            } else if (out != null) {
                out.append(text, i, i + width);
            }
            i += width;
        }
        return out == null ? text.toString() : out.toString();
    }

    /** Each record class's components, looked up once. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /**
     * Returns a record's text in the form Java gives records, {@code Name[component=value, ...]}, with every string
     * in it {@linkplain #escape escaped}, those in lists and maps too: the {@code toString} of the model's events,
     * whose strings come from logs, so that {@code log.info("{}", call)} cannot forge a log line or a terminal's
     * title. Entity references print escaped too; other values print as their own {@code toString} does (nested
     * model records escape themselves).
     *
     * @param record any record
     * @return its text, free of unsafe characters
     */
    public static String describe(Record record) {
        StringBuilder out = new StringBuilder(record.getClass().getSimpleName()).append('[');
        RecordComponent[] components = COMPONENTS.get(record.getClass());
        for (int i = 0; i < components.length; i++) {
            Object value;
            try {
                value = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                value = "?"; // a record's accessors are public: not reached for the model's records
            }
            out.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
            append(out, value);
        }
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof CharSequence || value instanceof EntityRef) {
            // an entity's id refuses control characters but may hold separators and bidi overrides
            out.append(escape(value.toString()));
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            int i = 0;
            for (Object element : list) {
                append(out.append(i++ == 0 ? "" : ", "), element);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                append(out.append(i++ == 0 ? "" : ", "), e.getKey());
                append(out.append('='), e.getValue());
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }
}
