package io.github.detective4j.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.model.EventSink;
import io.github.detective4j.model.SecurityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link LogFormat} reports to while it parses one input: records read, events produced, records skipped by
 * rule, and errors. One context serves one input on one thread; it is not thread-safe.
 *
 * <p>Every record a format sees is counted once with {@link #recordRead()}, then either produces events
 * ({@link #emit}), is skipped by a named rule ({@link #skip}), or is an {@link #error}. Rule names are
 * {@code <format>.<reason>}, such as {@code cloudtrail.digest} or {@code vpcflow.nodata}.
 */
public final class ParseContext {
    private final String source;
    private final EventSink sink;
    private final ErrorHandler errorHandler;
    private final JsonFactory jsonFactory;
    private final ObjectMapper objectMapper;
    private long recordsRead;
    private long eventsProduced;
    private long errors;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final List<ParseError> firstErrors = new ArrayList<>();

    ParseContext(String source, EventSink sink, ErrorHandler errorHandler, ObjectMapper objectMapper) {
        this.source = source;
        this.sink = sink;
        this.errorHandler = errorHandler;
        this.objectMapper = objectMapper;
        this.jsonFactory = objectMapper.getFactory();
    }

    /**
     * Returns the input's name, for messages.
     *
     * @return a file path, an S3 URI, or the name given to a stream
     */
    public String source() {
        return source;
    }

    /**
     * Returns the JSON factory to parse with: its stream read constraints bound string lengths, nesting depth and
     * number sizes, so that hostile input cannot exhaust memory or stack. Formats must create their parsers from it.
     *
     * @return the shared, thread-safe factory
     */
    public JsonFactory jsonFactory() {
        return jsonFactory;
    }

    /**
     * Returns an object mapper over {@link #jsonFactory()}, for formats that read each record into a tree (findings,
     * which are small and few). Formats of high volume should stream with {@link #jsonFactory()} instead.
     *
     * @return the shared, thread-safe mapper; do not reconfigure it
     */
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    /**
     * Counts one record seen.
     *
     * @return the record's index within the input, from 1, for error positions
     */
    public long recordRead() {
        return ++recordsRead;
    }

    /**
     * Returns how many records were counted so far.
     *
     * @return the count
     */
    public long recordsRead() {
        return recordsRead;
    }

    /**
     * Delivers one event to the sink and counts it.
     *
     * @param event the event
     */
    public void emit(SecurityEvent event) {
        eventsProduced++;
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            throw new SinkFailure(e);
        }
    }

    /**
     * Counts one record skipped by a rule.
     *
     * @param rule {@code <format>.<reason>}, such as {@code cloudtrail.insight}
     */
    public void skip(String rule) {
        skipped.merge(rule, 1L, Long::sum);
    }

    /**
     * Reports a record, or a part of the input, that could not be read, and lets the error handler decide whether
     * reading goes on.
     *
     * @param line the line the record starts on, from 1, or 0 when unknown
     * @param record the record's index from {@link #recordRead()}, or 0 when unknown
     * @param reason what is wrong, in one sentence; quote input with {@link #quote}
     * @throws InvalidRecordException when the handler stops reading (strict mode)
     */
    public void error(long line, long record, String reason) throws InvalidRecordException {
        ParseError error = new ParseError(source, Math.max(0, line), Math.max(0, record), reason);
        errors++;
        if (firstErrors.size() < IngestReport.MAX_ERRORS_KEPT) {
            firstErrors.add(error);
        }
        errorHandler.onError(error);
    }

    /**
     * Quotes a piece of input for an error message: escaped as {@link #escape} does, at most 80 characters, cut
     * between code points.
     *
     * @param text input text, attacker-controlled, or null
     * @return the quoted text, such as {@code 'ec2.amazonaws.com'}
     */
    public static String quote(String text) {
        return Escaping.quote(text);
    }

    /** Carries a sink's exception past the reader's handling of input failures, to be rethrown as it was. */
    static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * Escapes text for an error message without quoting it, by {@link io.github.detective4j.model.SafeText#escape}:
     * control characters (CR, LF and NEL above all), line and paragraph separators, format characters (bidirectional
     * overrides, zero-width characters) and unpaired surrogates become {@code \\uXXXX}, a backslash becomes two, and
     * the text is cut after 500 characters, so that an exception message that holds input stays one line and cannot
     * pass for another.
     *
     * @param text text that may hold input, attacker-controlled; null is the empty text
     * @return the escaped text
     */
    public static String escape(String text) {
        return text == null ? "" : Escaping.forLog(text);
    }

    IngestReport report(long bytesRead) {
        return new IngestReport(1, bytesRead, recordsRead, eventsProduced, skipped, errors, firstErrors);
    }
}
