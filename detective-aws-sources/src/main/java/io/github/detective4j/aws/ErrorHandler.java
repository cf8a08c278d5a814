package io.github.detective4j.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a record cannot be read: log and go on (the default, {@link #logAndContinue()}), stop
 * ({@link #strict()}), or anything else, such as collecting errors for a report.
 *
 * <p>Every error is counted in the {@link IngestReport} whatever the handler does. A handler may be called from
 * every thread that reads; implementations shared between readers must be thread-safe.
 *
 * <pre>{@code
 * List<ParseError> errors = new CopyOnWriteArrayList<>();
 * LogReader reader = AwsLogs.reader().errorHandler(errors::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface ErrorHandler {
    /**
     * Takes one error.
     *
     * @param error what could not be read, and where
     * @throws InvalidRecordException to stop reading the input at this error
     */
    void onError(ParseError error) throws InvalidRecordException;

    /**
     * Logs each error at WARN on the logger {@code io.github.detective4j.aws.LogReader}, with the input's text
     * escaped so that a hostile log line cannot forge log entries, and goes on.
     *
     * @return the default handler
     */
    static ErrorHandler logAndContinue() {
        Logger log = LoggerFactory.getLogger(LogReader.class);
        return error -> log.warn("skipped unreadable input: {}", Escaping.forLog(error.toString()));
    }

    /**
     * Stops at the first error by throwing an {@link InvalidRecordException}.
     *
     * @return the strict handler
     */
    static ErrorHandler strict() {
        return error -> {
            throw new InvalidRecordException(error);
        };
    }
}
