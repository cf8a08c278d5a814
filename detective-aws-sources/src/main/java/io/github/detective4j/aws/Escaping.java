package io.github.detective4j.aws;

import io.github.detective4j.model.SafeText;

/**
 * Makes attacker-controlled text safe to write on one log line: escaped by {@link SafeText#escape}, the escape of
 * the tables and JSON of detective-core, and short.
 */
final class Escaping {
    private static final int MAX_LOGGED = 500;
    private static final int MAX_QUOTED = 80;

    private Escaping() {}

    /**
     * Escapes every character that could end the entry or disguise it (CR, LF, NEL, U+2028 and the other controls
     * and separators, bidirectional and zero-width format characters, unpaired surrogates) and doubles backslashes,
     * so that one entry stays one line and reads as it was; text past 500 characters is left out and counted.
     */
    static String forLog(String text) {
        if (text.length() <= MAX_LOGGED) {
            return SafeText.escape(text);
        }
        int cut = cut(text, MAX_LOGGED);
        return SafeText.escape(text.substring(0, cut)) + "...(" + (text.length() - cut) + " more chars)";
    }

    /** Quotes a bit of input for an error message: escaped as {@link #forLog} does, and at most 80 characters. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shortened = text.length() > MAX_QUOTED ? text.substring(0, cut(text, MAX_QUOTED - 3)) + "..." : text;
        return "'" + forLog(shortened) + "'";
    }

    /**
     * Where to cut text to at most {@code length} chars: before a surrogate pair that the cut would split, whose
     * first half would otherwise be escaped as if the input held half a pair.
     */
    private static int cut(String text, int length) {
        return Character.isHighSurrogate(text.charAt(length - 1)) && Character.isLowSurrogate(text.charAt(length))
                ? length - 1 : length;
    }
}
