package io.github.detective4j.aws.cloudtrail;

import java.io.IOException;

/** JSON that breaks the grammar, found by {@link JsonCursor}: what was expected, at which line and column. */
final class MalformedJsonException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final long line;
    private final long column;

    MalformedJsonException(String problem, long line, long column) {
        super(problem + " at line " + line + ", column " + column);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the position. */
    String problem() {
        return problem;
    }

    long line() {
        return line;
    }

    long column() {
        return column;
    }
}
