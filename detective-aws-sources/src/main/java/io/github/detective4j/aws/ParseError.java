package io.github.detective4j.aws;

/**
 * One record, or one part of an input, that could not be read.
 *
 * <p>Positions count from 1; 0 means the position is not known (a stream that failed before its first record,
 * say). {@link #toString()} gives the one-line form used in logs: {@code source:line: record N: reason}. The reason
 * may quote input, which is attacker-controlled: escape it for the place you show it in.
 *
 * @param source the input's name: a file path, an S3 URI, or the name given to a stream
 * @param line the line the record starts on, from 1, or 0 when unknown
 * @param record the record's index within the input, from 1, or 0 when unknown
 * @param reason what is wrong, in one sentence
 */
public record ParseError(String source, long line, long record, String reason) {
    /**
     * Creates a parse error.
     *
     * @param source the input's name
     * @param line the line, from 1, or 0
     * @param record the record index, from 1, or 0
     * @param reason what is wrong
     */
    public ParseError {
        if (source == null || reason == null) {
            throw new NullPointerException("source and reason must not be null");
        }
        if (line < 0 || record < 0) {
            throw new IllegalArgumentException("line and record must not be negative");
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ");
        if (record > 0) {
            out.append("record ").append(record).append(": ");
        }
        return out.append(reason).toString();
    }
}
