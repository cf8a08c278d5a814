package io.github.detective4j.aws.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.detective4j.aws.AwsLogs;
import io.github.detective4j.aws.IngestReport;
import io.github.detective4j.aws.LogReader;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.SecurityEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads CloudTrail test inputs through a real {@link LogReader} and keeps what came out. */
final class CloudTrailTesting {
    private CloudTrailTesting() {}

    /** What one read produced. */
    record Result(IngestReport report, List<ApiCall> events, List<ParseError> errors) {
        ApiCall only() {
            assertEquals(1, events.size(), () -> "expected one event, got " + events + " / " + report);
            return events.get(0);
        }

        ApiCall event(String eventName) {
            return events.stream().filter(e -> e.eventName().equals(eventName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + eventName + " in " + events));
        }

        /**
         * Every record read ended up as an event, a skip or an error (one event per record here); inputs of no known
         * format and inputs that failed as a whole are counted without a record of theirs.
         */
        void assertBalanced() {
            // the reader reports an input that failed as a whole (unknown format, JSON broken past repair) at line 0;
            // the parser reports every record at the line it starts on
            long wholeInputs = report.skipped("input.unrecognized")
                    + errors.stream().filter(e -> e.line() == 0).count();
            assertEquals(report.recordsRead(),
                    report.eventsProduced() + report.skippedTotal() + report.errors() - wholeInputs,
                    () -> "records = events + skipped + errors: " + report);
            assertEquals(report.eventsProduced(), events.size());
        }
    }

    /** A reader that knows only CloudTrail (the built-in list is wired by the lead) and collects errors. */
    static LogReader reader(List<ParseError> errors) {
        return AwsLogs.emptyReader().register(new CloudTrailFormat()).errorHandler(errors::add).build();
    }

    static Result read(Path path) {
        List<ParseError> errors = new ArrayList<>();
        List<ApiCall> events = new ArrayList<>();
        try {
            IngestReport report = reader(errors).read(path, sink(events));
            return new Result(report, events, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result read(InputStream in, String name) {
        List<ParseError> errors = new ArrayList<>();
        List<ApiCall> events = new ArrayList<>();
        try {
            IngestReport report = reader(errors).read(in, name, sink(events));
            return new Result(report, events, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result readText(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline.json");
    }

    /** Reads a fixture from {@code src/test/resources/cloudtrail/}. */
    static Result fixture(String name) {
        InputStream in = CloudTrailTesting.class.getResourceAsStream("/cloudtrail/" + name);
        if (in == null) {
            throw new AssertionError("missing fixture " + name);
        }
        return read(in, name);
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = CloudTrailTesting.class.getResourceAsStream("/cloudtrail/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.github.detective4j.model.EventSink sink(List<ApiCall> events) {
        return (SecurityEvent event) -> events.add((ApiCall) event);
    }
}
