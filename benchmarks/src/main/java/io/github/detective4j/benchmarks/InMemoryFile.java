package io.github.detective4j.benchmarks;

import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.openjdk.jmh.infra.Blackhole;

/** One generated log file in memory, read by the parsing benchmarks the way a user's reader reads a file. */
record InMemoryFile(String name, byte[] bytes, int records) {
    /** Prints the file's size for the benchmark's log. */
    InMemoryFile {
        System.out.printf("%n%s: %d records, %d bytes, %.0f bytes per record%n", name, records, bytes.length,
                bytes.length / (double) records);
    }

    /**
     * Reads the file through the reader into a blackhole, checking that every record became an event.
     *
     * @throws IOException never, the bytes are in memory
     */
    IngestReport read(LogReader reader, Blackhole blackhole) throws IOException {
        IngestReport report = reader.read(new ByteArrayInputStream(bytes), name, blackhole::consume);
        if (report.eventsProduced() != records) {
            throw new IllegalStateException("expected " + records + " events from " + name + ", got " + report);
        }
        return report;
    }
}
