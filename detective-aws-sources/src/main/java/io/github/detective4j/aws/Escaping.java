package io.github.detective4j.aws;

/** Makes attacker-controlled text safe to write on one log line. */
final class Escaping {
    private static final int MAX_LOGGED = 500;

    private Escaping() {}

    /** Escapes control characters (CR and LF above all) and caps the length, so one entry stays one line. */
    static String forLog(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LOGGED) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_LOGGED) {
                out.append("...(").append(text.length() - i).append(" more chars)");
                break;
            }
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Quotes a bit of input for an error message: escaped and short. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shortened = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "'" + forLog(shortened) + "'";
    }
}
