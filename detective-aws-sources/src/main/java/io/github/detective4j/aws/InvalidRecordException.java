package io.github.detective4j.aws;

import java.io.IOException;

/**
 * Thrown in strict mode (see {@link ErrorHandler#strict()}) at the first record that cannot be read, and by an
 * {@link ErrorHandler} that chooses to stop reading.
 */
public final class InvalidRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient ParseError error;

    /**
     * Creates the exception for one error.
     *
     * @param error what could not be read, and where
     */
    public InvalidRecordException(ParseError error) {
        super(error.toString());
        this.error = error;
    }

    /**
     * Returns the error that stopped reading.
     *
     * @return the error
     */
    public ParseError error() {
        return error;
    }
}
