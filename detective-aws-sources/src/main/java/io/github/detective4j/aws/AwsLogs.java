package io.github.detective4j.aws;

import io.github.detective4j.model.EventSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The entry point for reading AWS logs and findings: CloudTrail, VPC Flow Logs, GuardDuty and Security Hub, from
 * files, directories and streams, detected per input.
 *
 * <pre>{@code
 * // everything below logs/, with the defaults
 * IngestReport report = AwsLogs.read(Path.of("logs/")).into(graph);
 *
 * // configured
 * LogReader reader = AwsLogs.reader().glob("**.gz").strict().build();
 * reader.read(Path.of("AWSLogs/"), event -> System.out.println(event));
 * }</pre>
 */
public final class AwsLogs {
    private AwsLogs() {}

    /**
     * Returns a builder of a reader that knows the built-in formats: CloudTrail, VPC Flow Logs, GuardDuty and
     * Security Hub ASFF.
     *
     * @return a new builder
     */
    public static LogReader.Builder reader() {
        return new LogReader.Builder(BuiltInFormats.all());
    }

    /**
     * Returns a builder of a reader that knows no format until one is registered.
     *
     * @return a new builder
     */
    public static LogReader.Builder emptyReader() {
        return new LogReader.Builder(java.util.List.of());
    }

    /**
     * Prepares to read a file or directory with the default reader; see {@link LogReader#read(Path, EventSink)}.
     *
     * @param path a file or a directory
     * @return the pending read; call {@link PendingRead#into} to run it
     */
    public static PendingRead read(Path path) {
        LogReader reader = reader().build();
        return sink -> reader.read(path, sink);
    }

    /** A read that runs when given its sink. */
    @FunctionalInterface
    public interface PendingRead {
        /**
         * Reads, delivering every event to {@code sink}.
         *
         * @param sink where the events go
         * @return what was read
         * @throws IOException if a directory cannot be listed, or the error handler stops reading
         */
        IngestReport into(EventSink sink) throws IOException;
    }
}
